import { buildMember, daysAgo, seedCommunity } from '../helpers/community';
import { buildContract, buildOpportunity, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { storeCallRecorder } from '../helpers/store-calls';

const INFLUENCE = `query($from: DateTime!, $to: DateTime!) {
  communityInfluence(from: $from, to: $to) { accountsExamined expansion { ratio } }
}`;

/** Influence reads a page of accounts per graph query; the subgraphs answer each page with batched lookups. */
describe('community influence store calls', () => {
  let stack: Stack;
  const storeCalls = storeCallRecorder();

  beforeAll(async () => {
    stack = await startStack({ store: await storeCalls.openStore() });
  });
  afterAll(async () => {
    await stack.stop();
    await stack.store.close();
  });

  async function seedCustomers(count: number): Promise<void> {
    const accounts = Array.from({ length: count }, () => buildAccount({ customerSince: daysAgo(300) }));
    const users = accounts.map((account) => buildUser(account));
    await seedAccounts(stack, accounts, users);
    await seedCommunity(stack, { members: users.map((user) => buildMember(user, { joinedAt: daysAgo(400) })) });
    await seedContracts(
      stack,
      accounts.map((account) => buildContract(account._id)),
      accounts.map((account) => buildOpportunity(account._id, { stage: 'WON', closeDate: daysAgo(10) })),
    );
  }

  let seeded = 0;

  /** Store calls of one influence query after adding `count` customers (earlier ones stay). */
  async function storeCallsWith(count: number): Promise<number> {
    await seedCustomers(count);
    seeded += count;
    const token = await stack.staffToken();
    let result: any;
    const calls = await storeCalls.count(async () => {
      result = await stack.query<any>(INFLUENCE, { token, variables: { from: daysAgo(365).toISOString(), to: new Date().toISOString() } });
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.communityInfluence.accountsExamined).toBe(seeded);
    return calls;
  }

  it('costs the same store calls for 2 accounts as for 42', async () => {
    const forTwo = await storeCallsWith(2);
    const forFortyTwo = await storeCallsWith(40);
    expect(forFortyTwo).toBe(forTwo);
  });
});
