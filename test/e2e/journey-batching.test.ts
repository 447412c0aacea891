import { daysFromNow } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { journeyRepository } from '../helpers/journey';
import { seedAccounts } from '../helpers/seed';
import { storeCallRecorder } from '../helpers/store-calls';
import { startStack, type Stack } from '../helpers/stack';

const ACCOUNTS_WITH_JOURNEYS = `query($first: Int!) {
  accounts(first: $first) {
    edges { node { id onboarding { stage completedCount tasks { key done how } } users(first: 5) { edges { node { id journey { stage } } } } } }
  }
}`;

/** Store calls of the journey subgraph must not grow with the number of accounts and users asked for. */
describe('journey store calls per operation', () => {
  let stack: Stack;
  const storeCalls = storeCallRecorder();
  const accounts = Array.from({ length: 12 }, (_, index) => buildAccount({ name: `Journey ${String(index).padStart(2, '0')}`, customerSince: daysFromNow(-10) }));
  const users = accounts.flatMap((account) => [buildUser(account), buildUser(account)]);

  beforeAll(async () => {
    stack = await startStack({ store: await storeCalls.openStore() });
    await seedAccounts(stack, accounts, users);
    // Every account has a task marked by hand: one query must still find them all.
    await journeyRepository(stack).completions.insertMany(
      accounts.map((account) => ({
        _id: `${account._id}|first-course`,
        accountId: account._id,
        taskKey: 'first-course',
        completedAt: daysFromNow(-1),
        completedBy: { subject: 'staff_test', role: 'staff' },
      })),
    );
  });
  afterAll(async () => {
    await stack.stop();
    await stack.store.close();
  });

  it('reads the hand-marked tasks of every account in one query, whatever the number of accounts and users', async () => {
    const token = await stack.staffToken();
    let small: any;
    let large: any;
    const fewCalls = await storeCalls.count(async () => {
      small = await stack.query<any>(ACCOUNTS_WITH_JOURNEYS, { token, variables: { first: 2 } });
    }, 'journey');
    const manyCalls = await storeCalls.count(async () => {
      large = await stack.query<any>(ACCOUNTS_WITH_JOURNEYS, { token, variables: { first: 12 } });
    }, 'journey');
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.accounts.edges).toHaveLength(12);
    for (const edge of large.data.accounts.edges) {
      expect(edge.node.onboarding.stage).toBe('ONBOARDING');
      expect(edge.node.onboarding.tasks.find((task: { key: string }) => task.key === 'first-course')).toEqual({ key: 'first-course', done: true, how: 'MANUAL' });
      expect(edge.node.users.edges.map((user: any) => user.node.journey.stage)).toEqual(['ONBOARDING', 'ONBOARDING']);
    }
    expect(fewCalls).toBe(1);
    expect(manyCalls).toBe(1);
  });
});
