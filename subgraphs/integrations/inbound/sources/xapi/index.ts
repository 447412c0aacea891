import type { HubConfig } from '../../../../kit/config';
import { statementFingerprint } from '../../../../kit/xapi-statement-fingerprint';
import type { InboundEvent, InboundReply, InboundRequest, InboundSource } from '../../inbound-source';
import { applyStatement } from './apply-statement';
import { checkCredentials, checkCredentialsNow } from './credentials';
import { statementEvents } from './statement-request';
import { checkVersionHeader, VERSION_HEADER, XAPI_VERSION } from './version';

const VERSION_HEADERS = { [VERSION_HEADER]: XAPI_VERSION } as const;

function receiveChecked(request: InboundRequest): InboundEvent[] {
  checkVersionHeader(request);
  return statementEvents(request);
}

/**
 * An LRS statements resource for LMS-style systems (xAPI 1.0.3): `POST /xapi/statements` with a
 * statement or an array, `PUT /xapi/statements?statementId=…` with one. Each statement is one
 * inbox event whose delivery id is the statement id, so a statement sent again is stored and
 * applied once. Credentials are checked before the version header, so an unknown caller learns
 * nothing about the request.
 */
export const xapiSource: InboundSource = {
  name: 'xapi',
  routes: ['POST /xapi/statements', 'PUT /xapi/statements'],
  answerHeaders: VERSION_HEADERS,

  receive(request: InboundRequest, config: HubConfig): InboundEvent[] {
    checkCredentialsNow(request, config);
    return receiveChecked(request);
  },

  async receiveAsync(request: InboundRequest, config: HubConfig): Promise<InboundEvent[]> {
    await checkCredentials(request, config);
    return receiveChecked(request);
  },

  /** A statement id sent again with other content is a conflict (409), as xAPI asks. */
  isSameEvent(storedPayload: unknown, incoming: InboundEvent): boolean {
    return statementFingerprint(storedPayload as Record<string, unknown>) === statementFingerprint(incoming.payload as Record<string, unknown>);
  },

  /** POST answers 200 with the statement ids in the order sent; PUT answers 204, as xAPI says. */
  reply(events: readonly InboundEvent[], request: InboundRequest): InboundReply {
    if (request.method === 'PUT') return { status: 204, body: null, headers: { ...VERSION_HEADERS } };
    return { status: 200, body: events.map((event) => event.deliveryId), headers: { ...VERSION_HEADERS } };
  },

  apply: applyStatement,
};
