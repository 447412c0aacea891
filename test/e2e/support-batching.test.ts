import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { storeCallRecorder } from '../helpers/store-calls';
import { startStack, type Stack } from '../helpers/stack';
import { buildArticle, buildArticleViewDay, buildTicket, daysFromNow, seedSupport } from '../helpers/support';

const ACCOUNTS_WITH_SUPPORT = `query($first: Int!) {
  accounts(first: $first) {
    edges { node {
      id
      support { openTickets urgentOpen csat90d medianFirstResponseMinutes selfServiceRate }
      users(first: 4) { edges { node { id tickets(first: 2) { totalCount edges { node { id subject comments { totalCount } requester { id } } } } } } }
    } }
  }
}`;

const VIEWER_USERS_TICKETS = `query($first: Int!) {
  viewer { account { users(first: $first) { edges { node { id tickets(first: 2, status: OPEN) { totalCount edges { node { id } } } } } } } }
}`;

/** Store calls per operation must not grow with list length: each list is one batched query. */
describe('support store calls per operation', () => {
  let stack: Stack;
  const storeCalls = storeCallRecorder();
  const accounts = Array.from({ length: 20 }, () => buildAccount());
  const bigAccount = buildAccount();
  const users = accounts.flatMap((account) => Array.from({ length: 4 }, () => buildUser(account)));
  const bigTeam = Array.from({ length: 20 }, () => buildUser(bigAccount));
  const tickets = [...users, ...bigTeam].flatMap((user) => [
    buildTicket(user, { createdAt: daysFromNow(-1), firstResponseAt: daysFromNow(-0.9) }),
    buildTicket(user, { createdAt: daysFromNow(-20), status: 'CLOSED', solvedAt: daysFromNow(-19), satisfaction: { rating: 'GOOD', comment: null } }),
    buildTicket(user, { createdAt: daysFromNow(-2), priority: 'URGENT' }),
  ]);
  const articles = Array.from({ length: 20 }, () => buildArticle());

  beforeAll(async () => {
    stack = await startStack({ store: await storeCalls.openStore() });
    await seedAccounts(stack, [...accounts, bigAccount], [...users, ...bigTeam]);
    await seedSupport(stack, { tickets, articles, articleViewDays: accounts.map((account) => buildArticleViewDay(account, 1, 12)) });
  });
  afterAll(async () => {
    await stack.stop();
    await stack.store.close();
  });

  it('does not grow with the number of accounts, their users and those users\' tickets', async () => {
    const token = await stack.staffToken();
    let small: any;
    let large: any;
    const fewCalls = await storeCalls.count(async () => {
      small = await stack.query<any>(ACCOUNTS_WITH_SUPPORT, { token, variables: { first: 2 } });
    }, 'support');
    const manyCalls = await storeCalls.count(async () => {
      large = await stack.query<any>(ACCOUNTS_WITH_SUPPORT, { token, variables: { first: 20 } });
    }, 'support');
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.accounts.edges).toHaveLength(20);
    for (const { node } of large.data.accounts.edges.filter((edge: any) => edge.node.id !== bigAccount._id)) {
      expect(node.support).toEqual({ openTickets: 8, urgentOpen: 4, csat90d: 1, medianFirstResponseMinutes: 144, selfServiceRate: 0.5 });
      for (const user of node.users.edges) {
        expect(user.node.tickets.totalCount).toBe(3);
        expect(user.node.tickets.edges).toHaveLength(2);
        expect(user.node.tickets.edges.every((edge: any) => edge.node.requester.id === user.node.id)).toBe(true);
      }
    }
    expect(manyCalls).toBe(fewCalls);
    // Two aggregations for the users' first pages of tickets and their counts, two for the signals.
    expect(manyCalls).toBeLessThanOrEqual(4);
  });

  it("does not grow with the number of a customer's colleagues whose tickets are listed", async () => {
    const token = await stack.customerToken(bigAccount._id, bigTeam[0]!._id);
    let large: any;
    const fewCalls = await storeCalls.count(() => stack.query<any>(VIEWER_USERS_TICKETS, { token, variables: { first: 2 } }), 'support');
    const manyCalls = await storeCalls.count(async () => {
      large = await stack.query<any>(VIEWER_USERS_TICKETS, { token, variables: { first: 20 } });
    }, 'support');
    expect(large.errors).toBeUndefined();
    const colleagues = large.data.viewer.account.users.edges;
    expect(colleagues).toHaveLength(20);
    expect(colleagues.every((edge: any) => edge.node.tickets.totalCount === 2)).toBe(true);
    expect(manyCalls).toBe(fewCalls);
  });

  it('resolves many ticket and article references with one store call each', async () => {
    const token = await stack.staffToken();
    const representations = [
      ...tickets.slice(0, 30).map((ticket) => ({ __typename: 'Ticket', id: ticket._id })),
      ...articles.map((article) => ({ __typename: 'Article', id: article._id })),
    ];
    let result: any;
    const calls = await storeCalls.count(async () => {
      result = await stack.query<any>(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Ticket { id } ... on Article { id } } }`,
        { token, variables: { representations }, url: stack.subgraphUrls['support'] },
      );
    }, 'support');
    expect(result.data._entities.map((entity: { id: string }) => entity.id)).toEqual(representations.map((representation) => representation.id));
    expect(calls).toBe(2);
  });
});
