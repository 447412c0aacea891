import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway } from '../../gateway/server';
import { readSupergraph } from '../../gateway/supergraph';
import { createTokenVerifier } from '../../subgraphs/kit/auth';
import { createLogger } from '../../subgraphs/kit/logger';
import { startStack, testConfig, type Stack } from '../helpers/stack';

const UPSERT = `mutation($input: UpsertAccountInput!) { upsertAccount(input: $input) { id } }`;

/** A subgraph that always fails with the given status and a body naming its internals. */
async function startFailingSubgraph(status: number): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ errors: [{ message: 'pool exhausted at db-internal-7:27017', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

describe('errors a subgraph answers with an HTTP error status', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('passes a bad DateTime variable on as BAD_USER_INPUT naming the field, without subgraph internals', async () => {
    const result = await stack.query(UPSERT, {
      token: await stack.staffToken(),
      variables: { input: { name: 'Dated Co', segment: 'SMB', customerSince: 'yesterday' } },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerSince' });
    expect(result.errors?.[0]?.message).toMatch(/DateTime must be an ISO 8601 string/);
    expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|"response"/);
  });

  it('passes a bad DateTime literal on as BAD_USER_INPUT', async () => {
    const result = await stack.query(`mutation { upsertAccount(input: { name: "Dated Co", segment: SMB, customerSince: "soon" }) { id } }`, {
      token: await stack.staffToken(),
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/DateTime/);
  });

  it('reports a failing subgraph as INTERNAL_SERVER_ERROR naming the subgraph, never its response', async () => {
    const failing = await startFailingSubgraph(500);
    const config = testConfig();
    const gateway = createGateway({
      config,
      logger: createLogger({ level: 'silent' }),
      verifier: createTokenVerifier(config),
      supergraphSdl: readSupergraph(),
      subgraphUrls: { ...stack.subgraphUrls, accounts: failing.url },
    });
    const url = await gateway.listen(0);
    try {
      const result = await stack.query(`{ viewer { role } }`, { url, token: await stack.staffToken() });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', subgraph: 'accounts' });
      expect(JSON.stringify(result)).not.toMatch(/db-internal|pool exhausted|127\.0\.0\.1/);
    } finally {
      await gateway.stop();
      await new Promise((resolve) => failing.server.close(resolve));
    }
  });
});
