import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendError, sendJson, type RouteHandler } from '../subgraphs/kit/http';
import type { Logger } from '../subgraphs/kit/logger';
import { VERSION_HEADER, XAPI_VERSION } from '../subgraphs/integrations/inbound/sources/xapi/version';

/** The inbound routes of the public port; the integrations service answers them. */
export const WEBHOOK_ROUTES = [
  'POST /webhooks/zendesk',
  'POST /webhooks/discourse',
  'POST /webhooks/stripe',
  'POST /xapi/statements',
  'PUT /xapi/statements',
] as const;

/** Request headers the sources read (signatures, credentials, versions); nothing else is passed on. */
const FORWARDED_HEADERS = new Set(['content-type', 'authorization', 'stripe-signature', 'x-experience-api-version']);
const FORWARDED_HEADER_PREFIXES = ['x-zendesk-', 'x-discourse-'];
/** Response headers that describe one hop's connection, or a body encoding fetch has already undone. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'x-request-id']);

export interface WebhookProxyOptions {
  /** The integrations service's base URL (without `/graphql`); undefined when the supergraph has none. */
  targetBaseUrl: string | undefined;
  maxBodyBytes: number;
  timeoutMs: number;
  logger: Logger;
}

/** xAPI requires its version header on every answer of the statements resource, refusals included. */
function answerHeadersOf(url: string | undefined): Record<string, string> {
  return url?.startsWith('/xapi/') ? { [VERSION_HEADER]: XAPI_VERSION } : {};
}

function forwardedHeaders(headers: IncomingHttpHeaders, requestId: string): Record<string, string> {
  const forwarded: Record<string, string> = { 'x-request-id': requestId };
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (FORWARDED_HEADERS.has(name) || FORWARDED_HEADER_PREFIXES.some((prefix) => name.startsWith(prefix))) {
      forwarded[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return forwarded;
}

function declaredLength(request: IncomingMessage): number | null {
  const value = Number(request.headers['content-length']);
  return Number.isFinite(value) ? value : null;
}

function sendUnavailable(response: ServerResponse): void {
  // 503 rather than the registry's 502: every sender treats it as "try again later".
  sendJson(response, 503, {
    errors: [{ message: 'The integrations service could not be reached; send the request again later', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'integrations' } }],
  });
}

/**
 * Webhooks and xAPI statements on the public port, forwarded byte for byte (path, query string,
 * body and the headers their checks need) to the integrations service, whose answer is streamed
 * back. The body limit is enforced here too, before anything is forwarded.
 */
export function webhookProxyRoutes(options: WebhookProxyOptions): Record<string, RouteHandler> {
  const forward: RouteHandler = async (request, response, requestId) => {
    // Set first, so the gateway's own refusals (413, 503) carry them too.
    for (const [name, value] of Object.entries(answerHeadersOf(request.url))) response.setHeader(name, value);
    if ((declaredLength(request) ?? 0) > options.maxBodyBytes) {
      sendError(response, 413, 'BAD_USER_INPUT', `Request body exceeds ${options.maxBodyBytes} bytes`);
      return;
    }
    const body = await readBody(request, options.maxBodyBytes);
    if (!options.targetBaseUrl) return sendUnavailable(response);
    let upstream: Response;
    try {
      upstream = await fetch(`${options.targetBaseUrl}${request.url ?? '/'}`, {
        method: request.method ?? 'POST',
        headers: forwardedHeaders(request.headers, requestId),
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      options.logger.warn({ err: error, requestId, path: request.url }, 'integrations service unreachable');
      return sendUnavailable(response);
    }
    const headers: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!HOP_HEADERS.has(name)) headers[name] = value;
    });
    response.writeHead(upstream.status, headers);
    if (upstream.body) {
      for await (const chunk of upstream.body) response.write(chunk);
    }
    response.end();
  };
  return Object.fromEntries(WEBHOOK_ROUTES.map((route) => [route, forward]));
}
