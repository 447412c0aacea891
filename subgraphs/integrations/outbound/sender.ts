import { signedWebhookHeaders } from './signing';

/** A receiver that has not answered within this time has failed the try. */
export const DELIVERY_TIMEOUT_MS = 10_000;

export interface WebhookRequest {
  url: string;
  secret: string;
  /** The event's id: the `webhook-id` of every try. */
  eventId: string;
  body: string;
}

export interface SendOutcome {
  isDelivered: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** Sends one signed try; never throws, so every outcome can be logged. `cancel` aborts it (the service stops). */
export type WebhookSender = (request: WebhookRequest, attemptedAt: Date, cancel?: AbortSignal) => Promise<SendOutcome>;

function describeFailure(error: unknown, timeoutMs: number): string {
  // fetch rejects with a DOMException on timeout, which is not an `Error` in every realm: read its name.
  const { name, message, cause } = (error ?? {}) as { name?: unknown; message?: unknown; cause?: { code?: unknown } };
  if (name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (name === 'AbortError') return 'cancelled: the service is stopping';
  if (typeof cause?.code === 'string') return `connection failed: ${cause.code}`;
  return `request failed: ${typeof message === 'string' ? message : String(error)}`.slice(0, 300);
}

/**
 * POSTs the body with the Standard Webhooks headers, signed for this try's timestamp. Only a 2xx
 * answer counts; redirects are not followed (a receiver must give its final address).
 */
export function createWebhookSender(timeoutMs = DELIVERY_TIMEOUT_MS): WebhookSender {
  return async (request, attemptedAt, cancel) => {
    const started = performance.now();
    const timestampSeconds = Math.floor(attemptedAt.getTime() / 1000);
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'CustomerHub-Webhooks/1.0',
          ...signedWebhookHeaders(request.secret, request.eventId, timestampSeconds, request.body),
        },
        body: request.body,
        signal: cancel ? AbortSignal.any([AbortSignal.timeout(timeoutMs), cancel]) : AbortSignal.timeout(timeoutMs),
      });
      // The answer's body is not needed; dropping it frees the connection.
      await response.body?.cancel().catch(() => undefined);
      const isDelivered = response.status >= 200 && response.status < 300;
      const durationMs = Math.round(performance.now() - started);
      return { isDelivered, httpStatus: response.status, error: isDelivered ? null : `HTTP ${response.status}`, durationMs };
    } catch (error) {
      return { isDelivered: false, httpStatus: null, error: describeFailure(error, timeoutMs), durationMs: Math.round(performance.now() - started) };
    }
  };
}
