import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoDataset, type DemoDataset } from '../../scripts/demo-data/dataset';
import { loadDemoData } from '../../scripts/demo-data/load';
import { buildAccount, buildUser } from '../helpers/factories';
import { metricValue, scrapeMetrics } from '../helpers/metrics';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { buildTicket, seedSupport } from '../helpers/support';

const ACCOUNT_360 = readFileSync(join(__dirname, '..', 'operations', 'account360.graphql'), 'utf8');

/** Store calls of every subgraph, summed from their `/metrics`. */
async function storeOperations(stack: Stack): Promise<number> {
  const texts = await Promise.all(Object.values(stack.subgraphUrls).map(scrapeMetrics));
  return texts.reduce((sum, text) => sum + metricValue(text, 'hub_store_operations_total'), 0);
}

async function countStoreOperations(stack: Stack, run: () => Promise<unknown>): Promise<number> {
  const before = await storeOperations(stack);
  await run();
  return (await storeOperations(stack)) - before;
}

describe('the account-360 operation on the demo dataset', () => {
  let stack: Stack;
  let demo: DemoDataset;

  beforeAll(async () => {
    stack = await startStack();
    demo = generateDemoDataset({ seed: 42, now: new Date() });
    await loadDemoData(stack, demo);
  });
  afterAll(() => stack.stop());

  it("returns one account's contract, support, open tickets, learning, community and users, consistent with each other", async () => {
    const account = demo.accounts[0]!;
    const result = await stack.query<any>(ACCOUNT_360, { token: await stack.staffToken(), variables: { id: account._id } });
    expect(result.errors).toBeUndefined();
    const view = result.data.account;
    expect(view.name).toBe(account.name);

    const contract = demo.contracts.contracts.find((candidate) => candidate._id === view.contract.id)!;
    expect(contract.accountId).toBe(account._id);
    expect(view.renewalDate).toBe(view.contract.renewalDate);
    expect(view.seatsLicensed).toBe(view.contract.lineItems.reduce((sum: number, item: { seats: number }) => sum + item.seats, 0));
    expect(view.arr.currency).toBe(account.locale === 'ja-JP' ? 'JPY' : 'USD');

    const accountUsers = demo.users.filter((user) => user.accountId === account._id);
    const openTickets = demo.support.tickets.filter((ticket) => ticket.accountId === account._id && ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'].includes(ticket.status));
    expect(view.support.openTickets).toBe(openTickets.length);
    expect(view.tickets.totalCount).toBe(openTickets.length);
    expect(view.tickets.edges.length).toBe(Math.min(5, openTickets.length));
    for (const { node } of view.tickets.edges) {
      const user = accountUsers.find((candidate) => candidate._id === node.requester.id);
      expect(node.requester).toEqual({ id: user?._id, name: user?.name, email: user?.email });
    }

    expect(view.users.totalCount).toBe(accountUsers.length);
    expect(view.users.edges).toHaveLength(Math.min(20, accountUsers.length));
    const members = new Map(demo.community.members.map((member) => [member.userId, member]));
    for (const { node } of view.users.edges) {
      expect(node.learning.level.number).toBeGreaterThanOrEqual(1);
      expect(node.community?.points ?? null).toBe(members.get(node.id)?.points ?? null);
    }
    expect(view.community.members).toBe(demo.community.members.filter((member) => member.accountId === account._id).length);
    expect(view.learning.enrollmentCount).toBe(demo.learning.enrollments.filter((enrollment) => enrollment.accountId === account._id).length);
  });

  it('gives the account its own customer the same view, and another account nothing', async () => {
    const [mine, theirs] = demo.accounts.filter((account) => account.customerSince !== null);
    const me = demo.users.find((user) => user.accountId === mine!._id)!;
    const token = await stack.customerToken(mine!._id, me._id);
    const own = await stack.query<any>(ACCOUNT_360, { token, variables: { id: mine!._id } });
    expect(own.errors).toBeUndefined();
    expect(own.data.account.id).toBe(mine!._id);
    const other = await stack.query<any>(ACCOUNT_360, { token, variables: { id: theirs!._id } });
    expect(other.data.account).toBeNull();
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(other)).not.toContain(theirs!.name);
  });
});

describe('store operations of the account-360 operation', () => {
  let stack: Stack;
  const small = buildAccount();
  const large = buildAccount();
  const smallUsers = Array.from({ length: 5 }, () => buildUser(small));
  const largeUsers = Array.from({ length: 50 }, () => buildUser(large));

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [small, large], [...smallUsers, ...largeUsers]);
    await seedSupport(stack, {
      tickets: [...smallUsers, ...largeUsers].flatMap((user) => [buildTicket(user, { status: 'OPEN' }), buildTicket(user, { status: 'SOLVED' })]),
    });
  });
  afterAll(() => stack.stop());

  it('is the same with 5 users as with 50 users', async () => {
    const token = await stack.staffToken();
    const run = (id: string) => async () => {
      const result = await stack.query<any>(ACCOUNT_360, { token, variables: { id } });
      expect(result.errors).toBeUndefined();
      return result;
    };
    await run(small._id)(); // warms the gateway's query-plan cache
    const withFive = await countStoreOperations(stack, run(small._id));
    const withFifty = await countStoreOperations(stack, run(large._id));
    expect(withFive).toBeGreaterThan(0);
    expect(withFive).toBeLessThanOrEqual(20);
    expect(withFifty).toBe(withFive);
  });
});
