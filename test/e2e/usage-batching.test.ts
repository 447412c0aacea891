import { buildContract, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { storeCallRecorder } from '../helpers/store-calls';
import { startStack, type Stack } from '../helpers/stack';
import { dayBefore, usageDay, usageRepository } from '../helpers/usage';

const REPORTS = `query($first: Int!) {
  accounts(first: $first) {
    edges { node { name usageReport(period: MONTH) { activeUsers seatUtilization users { user { name } events } inactiveUsers { name } } } }
  }
}`;

const ONE_REPORT = `query($id: ID!) {
  account(id: $id) { usageReport(period: WEEK) { activeUsers seatsLicensed users { user { name account { name } } activeDays } inactiveUsers { name } } }
}`;

/** Usage reports cost the same store calls however many accounts and users they cover. */
describe('store calls of usage reports', () => {
  let stack: Stack;
  const storeCalls = storeCallRecorder();
  const small = buildAccount({ name: 'A small one' });
  const large = buildAccount({ name: 'A large one' });
  const others = Array.from({ length: 18 }, (_unused, index) => buildAccount({ name: `B other ${index}` }));
  const accounts = [small, large, ...others];
  const users = [
    ...Array.from({ length: 2 }, () => buildUser(small)),
    ...Array.from({ length: 20 }, () => buildUser(large)),
    ...others.flatMap((account) => Array.from({ length: 3 }, () => buildUser(account))),
  ];

  beforeAll(async () => {
    stack = await startStack({ store: await storeCalls.openStore() });
    await seedAccounts(stack, accounts, users);
    await seedContracts(stack, accounts.map((account) => buildContract(account._id)));
    await usageRepository(stack).replaceDays(users.flatMap((user, index) => [usageDay(user.accountId, user._id, dayBefore(index % 5)), usageDay(user.accountId, user._id, dayBefore(10))]));
  });
  afterAll(async () => {
    await stack.stop();
    await stack.store.close();
  });

  it('does not grow with the number of users in the account', async () => {
    const token = await stack.staffToken();
    let few: any;
    let many: any;
    const fewCalls = await storeCalls.count(async () => {
      few = await stack.query<any>(ONE_REPORT, { token, variables: { id: small._id } });
    });
    const manyCalls = await storeCalls.count(async () => {
      many = await stack.query<any>(ONE_REPORT, { token, variables: { id: large._id } });
    });
    expect(few.data.account.usageReport.users).toHaveLength(2);
    expect(many.data.account.usageReport.users).toHaveLength(20);
    expect(many.data.account.usageReport.users.every((entry: any) => entry.user.account.name === large.name)).toBe(true);
    expect(many.data.account.usageReport.seatsLicensed).toBe(10);
    expect(manyCalls).toBe(fewCalls);
  });

  // Seats come from contracts through the gateway, which plans one contracts fetch per aliased
  // account: only the accounts subgraph's own calls are fixed for a list of reports.
  it('does not grow with the number of accounts reported on, in the accounts subgraph', async () => {
    const token = await stack.staffToken();
    let two: any;
    let twenty: any;
    const twoCalls = await storeCalls.count(async () => {
      two = await stack.query<any>(REPORTS, { token, variables: { first: 2 } });
    }, '_accounts');
    const twentyCalls = await storeCalls.count(async () => {
      twenty = await stack.query<any>(REPORTS, { token, variables: { first: 20 } });
    }, '_accounts');
    expect(two.errors).toBeUndefined();
    expect(twenty.data.accounts.edges).toHaveLength(20);
    expect(twenty.data.accounts.edges.every((edge: any) => edge.node.usageReport.seatUtilization !== null)).toBe(true);
    expect(twentyCalls).toBe(twoCalls);
  });
});
