import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway } from '../../gateway/server';
import { readSupergraph } from '../../gateway/supergraph';
import { createTokenVerifier } from '../../subgraphs/kit/auth';
import { createLogger } from '../../subgraphs/kit/logger';
import { startStack, testConfig, type Stack } from '../helpers/stack';

function baseOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, '');
}

/** A server that accepts connections and never answers: a hung subgraph. */
async function startHangingServer(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

describe('health, readiness and failing subgraphs', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('reports the gateway and every subgraph live and ready without a token', async () => {
    for (const url of [stack.gatewayUrl, ...Object.values(stack.subgraphUrls)]) {
      const health = await fetch(`${baseOf(url)}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const ready = await fetch(`${baseOf(url)}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready' });
    }
  });

  it('answers unknown paths with 404 and a JSON error', async () => {
    const response = await fetch(`${baseOf(stack.gatewayUrl)}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('answers a body that is not JSON with 400 and a JSON error', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.staffToken()}` },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  describe('with a subgraph that hangs or is down', () => {
    const config = testConfig({ HUB_SUBGRAPH_TIMEOUT_MS: '300' });
    const logger = createLogger({ level: 'silent' });
    let hanging: { url: string; server: Server };

    beforeAll(async () => {
      hanging = await startHangingServer();
    });
    afterAll(async () => {
      hanging.server.closeAllConnections();
      await new Promise((resolve) => hanging.server.close(resolve));
    });

    async function gatewayWith(accountsUrl: string) {
      const gateway = createGateway({
        config,
        logger,
        verifier: createTokenVerifier(config),
        supergraphSdl: readSupergraph(),
        subgraphUrls: { accounts: accountsUrl },
      });
      return { gateway, url: await gateway.listen(0) };
    }

    it('aborts a subgraph request after the timeout and reports SUBGRAPH_TIMEOUT', async () => {
      const { gateway, url } = await gatewayWith(hanging.url);
      try {
        const started = Date.now();
        const result = await stack.query(`{ viewer { role } }`, { url, token: await stack.staffToken() });
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'accounts' });
        const ready = await fetch(`${baseOf(url)}/ready`);
        expect(ready.status).toBe(503);
      } finally {
        await gateway.stop();
      }
    });

    it('reports SUBGRAPH_UNAVAILABLE when a subgraph refuses connections, and is not ready', async () => {
      const { gateway, url } = await gatewayWith('http://127.0.0.1:1/graphql');
      try {
        const result = await stack.query(`{ viewer { role } }`, { url, token: await stack.staffToken() });
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'accounts' });
        const ready = await fetch(`${baseOf(url)}/ready`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('accounts') });
      } finally {
        await gateway.stop();
      }
    });
  });
});
