import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type Stack } from '../helpers/stack';
import { buildTicket, daysFromNow, seedSupport } from '../helpers/support';

const ACCOUNT_TICKETS = `query($id: ID!, $open: Boolean, $first: Int) {
  account(id: $id) { tickets(open: $open, first: $first) { totalCount edges { node { id status requester { id } } } } }
}`;

describe('Account.tickets', () => {
  let stack: Stack;
  const mine = buildAccount();
  const theirs = buildAccount();
  const me = buildUser(mine);
  const stranger = buildUser(theirs);
  const open = (['NEW', 'OPEN', 'PENDING', 'ON_HOLD'] as const).map((status, index) =>
    buildTicket(me, { status, createdAt: daysFromNow(-index - 1) }),
  );
  const closed = [buildTicket(me, { status: 'SOLVED', createdAt: daysFromNow(-0.5) }), buildTicket(me, { status: 'CLOSED', createdAt: daysFromNow(-9) })];
  const theirTicket = buildTicket(stranger, { status: 'OPEN' });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, stranger]);
    await seedSupport(stack, { tickets: [...open, ...closed, theirTicket] });
  });
  afterAll(() => stack.stop());

  it("lists an account's open tickets newest first, with their requesters", async () => {
    const result = await stack.query<any>(ACCOUNT_TICKETS, { token: await stack.customerToken(mine._id, me._id), variables: { id: mine._id, open: true, first: 3 } });
    expect(result.errors).toBeUndefined();
    expect(result.data.account.tickets.totalCount).toBe(4);
    expect(result.data.account.tickets.edges.map((edge: any) => edge.node.id)).toEqual(open.slice(0, 3).map((ticket) => ticket._id));
    expect(result.data.account.tickets.edges[0].node.requester).toEqual({ id: me._id });
  });

  it('lists every ticket of the account without the open filter', async () => {
    const result = await stack.query<any>(ACCOUNT_TICKETS, { token: await stack.staffToken(), variables: { id: mine._id, first: 10 } });
    expect(result.data.account.tickets.totalCount).toBe(6);
    expect(result.data.account.tickets.edges[0].node.id).toBe(closed[0]!._id);
  });

  it("gives a customer FORBIDDEN for another account's tickets, straight at the subgraph too", async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const viaGateway = await stack.query<any>(ACCOUNT_TICKETS, { token, variables: { id: theirs._id, open: true } });
    expect(viaGateway.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(viaGateway)).not.toContain(theirTicket._id);
    const direct = await postGraphql<any>(
      stack.subgraphUrls['support']!,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { tickets { totalCount edges { node { id } } } } } }`,
      { token, variables: { r: [{ __typename: 'Account', id: theirs._id }] } },
    );
    expect(direct.data._entities[0]).toBeNull();
    expect(direct.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('answers UNAUTHENTICATED without a token', async () => {
    const result = await postGraphql(stack.subgraphUrls['support']!, `{ tickets { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
