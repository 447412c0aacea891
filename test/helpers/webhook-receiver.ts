import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, and what it answered. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  /** The raw body, as the signature covers it. */
  body: string;
  receivedAt: Date;
  answeredStatus: number;
}

export interface WebhookReceiver {
  /** Where to subscribe it, e.g. `http://127.0.0.1:53211/hooks`. */
  url: string;
  /** Every request so far, oldest first. */
  readonly requests: ReceivedWebhook[];
  /** Answers the next `times` requests with `status` (500 by default), then 204 again. */
  failNext(times: number, status?: number): void;
  /** Answers every request from now on with `status`. */
  failAlways(status?: number): void;
  /** Resolves with the requests once there are at least `count`; rejects after `timeoutMs`. */
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** A local HTTP receiver on a free port that records every request and fails when told to. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  const waiters = new Set<() => void>();
  let failuresLeft = 0;
  let failureStatus = 500;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const isFailing = failuresLeft > 0;
      if (isFailing && Number.isFinite(failuresLeft)) failuresLeft -= 1;
      const answeredStatus = isFailing ? failureStatus : 204;
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: new Date(), answeredStatus });
      response.writeHead(answeredStatus).end();
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    failNext(times, status = 500) {
      failuresLeft = times;
      failureStatus = status;
    },
    failAlways(status = 500) {
      failuresLeft = Number.POSITIVE_INFINITY;
      failureStatus = status;
    },
    waitForRequests(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (requests.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...requests]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the receiver got ${requests.length} of ${count} requests within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
