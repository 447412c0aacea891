import type { TicketDocument } from '../../subgraphs/support/model';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type Stack } from '../helpers/stack';
import { buildArticleViewDay, buildTicket, daysFromNow, MINUTE_MS, seedSupport } from '../helpers/support';

const SUPPORT_FIELDS = 'openTickets urgentOpen csat90d medianFirstResponseMinutes selfServiceRate';

const USER_TICKETS = `query($id: ID!, $status: TicketStatus, $first: Int, $after: String) {
  user(id: $id) { tickets(status: $status, first: $first, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }
}`;

/** A ticket opened `daysAgo` days ago, first answered `responseMinutes` later (null: never). */
function ticketOf(
  requester: Parameters<typeof buildTicket>[0],
  daysAgo: number,
  responseMinutes: number | null,
  overrides: Partial<TicketDocument> = {},
): TicketDocument {
  const createdAt = daysFromNow(-daysAgo);
  const firstResponseAt = responseMinutes === null ? null : new Date(createdAt.getTime() + responseMinutes * MINUTE_MS);
  return buildTicket(requester, { createdAt, updatedAt: createdAt, firstResponseAt, ...overrides });
}

describe('support signals on accounts and tickets on users', () => {
  let stack: Stack;
  const mine = buildAccount({ name: 'Signals Co' });
  const quiet = buildAccount({ name: 'Quiet Co' });
  const me = buildUser(mine, { name: 'Mia Me' });
  const colleague = buildUser(mine, { name: 'Colin Colleague' });
  const quietUser = buildUser(quiet);

  const solved = (daysAgo: number): Partial<TicketDocument> => ({ status: daysAgo > 7 ? 'CLOSED' : 'SOLVED', solvedAt: daysFromNow(-daysAgo) });
  const myTickets = [
    ticketOf(me, 1, 30, { status: 'OPEN', priority: 'URGENT' }),
    ticketOf(me, 5, 90, { status: 'PENDING' }),
    ticketOf(colleague, 2, null, { status: 'NEW', priority: 'HIGH' }),
    ticketOf(colleague, 40, 10, { status: 'ON_HOLD', priority: 'URGENT' }),
    ticketOf(me, 12, 60, { ...solved(10), satisfaction: { rating: 'GOOD', comment: null } }),
    ticketOf(me, 35, 120, { ...solved(30), satisfaction: { rating: 'BAD', comment: 'Too slow.' } }),
    ticketOf(colleague, 61, 20, { ...solved(60), satisfaction: { rating: 'GOOD', comment: null } }),
    // Outside every window: neither its BAD rating nor its slow answer counts.
    ticketOf(me, 120, 1_000, { ...solved(100), satisfaction: { rating: 'BAD', comment: null } }),
    ticketOf(me, 4, null, { ...solved(3) }),
  ];
  const myViews = [buildArticleViewDay(mine, 0, 10), buildArticleViewDay(mine, 10, 5), buildArticleViewDay(mine, 29, 5), buildArticleViewDay(mine, 31, 100)];

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, quiet], [me, colleague, quietUser]);
    await seedSupport(stack, { tickets: myTickets, articleViewDays: myViews });
  });
  afterAll(() => stack.stop());

  it('reports open and urgent tickets, 90-day CSAT, median first response and the 30-day self-service rate', async () => {
    const result = await stack.query<any>(`query($id: ID!) { account(id: $id) { name support { ${SUPPORT_FIELDS} } } }`, {
      token: await stack.staffToken(),
      variables: { id: mine._id },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.account.support).toEqual({
      openTickets: 4,
      urgentOpen: 2,
      csat90d: 2 / 3,
      // 10, 20, 30, 60, 90 and 120 minutes.
      medianFirstResponseMinutes: 45,
      // 20 views in the last 30 days against 5 tickets opened.
      selfServiceRate: 0.8,
    });
  });

  it('reports zeros and nulls, not made-up shares, for an account with no support history', async () => {
    const result = await stack.query<any>(`query($id: ID!) { account(id: $id) { support { ${SUPPORT_FIELDS} } } }`, {
      token: await stack.staffToken(),
      variables: { id: quiet._id },
    });
    expect(result.data.account.support).toEqual({ openTickets: 0, urgentOpen: 0, csat90d: null, medianFirstResponseMinutes: null, selfServiceRate: null });
  });

  it("shows a customer their own account's signals", async () => {
    const result = await stack.query<any>(`{ viewer { account { support { openTickets urgentOpen } } } }`, {
      token: await stack.customerToken(mine._id, me._id),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.viewer.account.support).toEqual({ openTickets: 4, urgentOpen: 2 });
  });

  it("lists a user's tickets newest first, filtered by status, for a customer of the same account", async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const all = await stack.query<any>(USER_TICKETS, { token, variables: { id: colleague._id } });
    expect(all.errors).toBeUndefined();
    const colleagueTickets = myTickets.filter((ticket) => ticket.requesterId === colleague._id);
    expect(all.data.user.tickets.totalCount).toBe(3);
    expect(all.data.user.tickets.edges.map((edge: any) => edge.node.id)).toEqual(
      [...colleagueTickets].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map((ticket) => ticket._id),
    );
    const onHold = await stack.query<any>(USER_TICKETS, { token, variables: { id: colleague._id, status: 'ON_HOLD' } });
    expect(onHold.data.user.tickets).toMatchObject({ totalCount: 1, edges: [{ node: { id: myTickets[3]!._id } }] });
  });

  it("pages through a user's tickets after a cursor", async () => {
    const token = await stack.staffToken();
    const first = await stack.query<any>(USER_TICKETS, { token, variables: { id: me._id, first: 4 } });
    const second = await stack.query<any>(USER_TICKETS, { token, variables: { id: me._id, first: 4, after: first.data.user.tickets.pageInfo.endCursor } });
    const ids = [...first.data.user.tickets.edges, ...second.data.user.tickets.edges].map((edge: any) => edge.node.id);
    const expected = myTickets.filter((ticket) => ticket.requesterId === me._id).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    expect(ids).toEqual(expected.map((ticket) => ticket._id));
    expect(second.data.user.tickets).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: false } });
  });

  it('gives an empty list for a user we hold no tickets for', async () => {
    const result = await stack.query<any>(USER_TICKETS, { token: await stack.customerToken(quiet._id, quietUser._id), variables: { id: quietUser._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.user.tickets).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("gives another account's customer FORBIDDEN for a user's tickets, straight at the subgraph", async () => {
    const result = await postGraphql<any>(
      stack.subgraphUrls['support']!,
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { tickets { totalCount edges { node { subject } } } } } }`,
      { token: await stack.customerToken(quiet._id, quietUser._id), variables: { representations: [{ __typename: 'User', id: me._id }] } },
    );
    expect(result.data?._entities?.[0] ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain('Ticket ');
  });
});
