import { createGraphClient, internalToken } from '../../subgraphs/kit/graph-client';
import { buildAccount } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

describe("the hub's own graph client", () => {
  let stack: Stack;
  const accounts = [buildAccount(), buildAccount()];

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, accounts);
  });
  afterAll(() => stack.stop());

  it('reads every account through the gateway with its internal read scopes', async () => {
    const graph = createGraphClient({ url: () => stack.gatewayUrl, token: internalToken(stack.config) });
    const data = await graph.request<{ accounts: { totalCount: number } }>(`{ accounts { totalCount } }`);
    expect(data.accounts.totalCount).toBe(2);
  });

  it('cannot write: its identity holds read scopes only', async () => {
    const graph = createGraphClient({ url: () => stack.gatewayUrl, token: internalToken(stack.config) });
    await expect(graph.request(`mutation { upsertAccount(input: { name: "X", segment: SMB }) { id } }`)).rejects.toThrow(/Not allowed/);
  });

  it('uses HUB_SERVICE_TOKEN when one is configured', async () => {
    const token = await stack.integrationToken(['accounts:read']);
    const provide = internalToken({ ...stack.config, HUB_SERVICE_TOKEN: token });
    await expect(provide()).resolves.toBe(token);
  });
});
