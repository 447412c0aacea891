import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookSender } from '../../subgraphs/integrations/outbound/sender';
import { verifyWebhook } from '../../subgraphs/integrations/outbound/verify';

const SECRET = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
const ATTEMPTED_AT = new Date();

/** A local server answering every request with `respond`; resolves to its URL. */
async function serve(respond: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(respond);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, server };
}

describe('sending one webhook try', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  it('POSTs the body with the three headers, signed for the try\'s timestamp, and counts a 2xx as delivered', async () => {
    let received: { headers: IncomingHttpHeaders; body: string; method?: string } | undefined;
    const { url, server } = await serve((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => {
        received = { headers: request.headers, body: Buffer.concat(chunks).toString(), method: request.method };
        response.writeHead(202).end('queued');
      });
    });
    servers.push(server);
    const outcome = await createWebhookSender()({ url, secret: SECRET, eventId: 'msg_abc', body: '{"type":"webhook.test"}' }, ATTEMPTED_AT);
    expect(outcome).toMatchObject({ isDelivered: true, httpStatus: 202, error: null });
    expect(received).toMatchObject({ method: 'POST', body: '{"type":"webhook.test"}' });
    expect(received!.headers).toMatchObject({ 'webhook-id': 'msg_abc', 'webhook-timestamp': String(Math.floor(ATTEMPTED_AT.getTime() / 1000)) });
    expect(verifyWebhook({ secret: SECRET, headers: received!.headers, body: received!.body })).toMatchObject({ valid: true });
  });

  it('does not follow a redirect: the receiver must give its final address', async () => {
    const { url, server } = await serve((_request, response) => response.writeHead(301, { location: 'http://127.0.0.1:1/elsewhere' }).end());
    servers.push(server);
    expect(await createWebhookSender()({ url, secret: SECRET, eventId: 'msg_abc', body: '{}' }, ATTEMPTED_AT)).toMatchObject({
      isDelivered: false,
      httpStatus: 301,
      error: 'HTTP 301',
    });
  });

  it('fails a try that gets no answer within the timeout', async () => {
    const { url, server } = await serve(() => undefined);
    servers.push(server);
    expect(await createWebhookSender(50)({ url, secret: SECRET, eventId: 'msg_abc', body: '{}' }, ATTEMPTED_AT)).toMatchObject({
      isDelivered: false,
      httpStatus: null,
      error: 'no answer within 50 ms',
    });
  });

  it('fails a try whose connection is refused, saying so', async () => {
    const { url, server } = await serve(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    expect(await createWebhookSender()({ url, secret: SECRET, eventId: 'msg_abc', body: '{}' }, ATTEMPTED_AT)).toMatchObject({
      isDelivered: false,
      httpStatus: null,
      error: 'connection failed: ECONNREFUSED',
    });
  });
});
