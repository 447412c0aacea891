import { InboundRejection, type InboundRequest } from '../../inbound-source';

/** The xAPI version the hub speaks, sent back on every answer. */
export const XAPI_VERSION = '1.0.3';
export const VERSION_HEADER = 'X-Experience-API-Version';

/** Requires `X-Experience-API-Version: 1.0.x`: a client speaking another version gets 400, as xAPI says. */
export function checkVersionHeader(request: InboundRequest): void {
  const raw = request.headers[VERSION_HEADER.toLowerCase()];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) throw new InboundRejection(400, 'BAD_USER_INPUT', `The ${VERSION_HEADER} header is required (${XAPI_VERSION})`);
  if (!/^1\.0(\.\d+)?$/.test(value)) {
    throw new InboundRejection(400, 'BAD_USER_INPUT', `${VERSION_HEADER} ${value} is not supported: send 1.0.x (${XAPI_VERSION})`);
  }
}
