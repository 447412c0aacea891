import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { buildComment, buildTicket, daysFromNow, seedSupport } from '../helpers/support';

const TICKETS = `query($filter: TicketFilter, $first: Int, $after: String) {
  tickets(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { node { id subject status priority } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const TICKET = `query($id: ID!) {
  ticket(id: $id) {
    id subject
    requester { id name }
    account { id name }
    comments { totalCount edges { node { authorRole body isPublic } } }
  }
}`;

describe('reading support tickets through the gateway', () => {
  let stack: Stack;
  const mine = buildAccount({ name: '株式会社さくらロジスティクス', locale: 'ja-JP' });
  const theirs = buildAccount({ name: 'Rival Industries' });
  const me = buildUser(mine, { name: '佐藤 花子' });
  const colleague = buildUser(mine, { name: 'Aiko Colleague' });
  const stranger = buildUser(theirs, { name: 'Somebody Else' });

  const escalated = buildTicket(me, {
    subject: 'Salesforce連携の同期エラー',
    priority: 'URGENT',
    createdAt: daysFromNow(-0.5),
    tags: ['salesforce', 'churn-risk'],
    externalIds: [{ source: 'zendesk', id: '120001' }],
    externalKeys: ['zendesk:120001'],
    syncedAt: daysFromNow(-0.1),
    comments: [
      buildComment({ authorRole: 'REQUESTER', authorName: me.name, body: '同期が止まっています。', createdAt: daysFromNow(-0.5) }),
      buildComment({ body: 'INTERNAL: customer threatens to churn', isPublic: false, createdAt: daysFromNow(-0.4) }),
      buildComment({ body: '再接続をお試しください。', createdAt: daysFromNow(-0.3) }),
    ],
  });
  const colleagueTicket = buildTicket(colleague, { status: 'SOLVED', priority: 'LOW', createdAt: daysFromNow(-1) });
  // Older tickets of my account, so a customer's list has more than one page.
  const older = Array.from({ length: 23 }, (_, index) => buildTicket(me, { createdAt: daysFromNow(-10 - index), status: 'CLOSED' }));
  const theirTickets = Array.from({ length: 4 }, (_, index) =>
    buildTicket(stranger, { subject: `Rival secret ${index}`, priority: 'URGENT', createdAt: daysFromNow(-0.2 - index) }),
  );
  const myTickets = [escalated, colleagueTicket, ...older];

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, colleague, stranger]);
    await seedSupport(stack, { tickets: [...myTickets, ...theirTickets] });
  });
  afterAll(() => stack.stop());

  async function allPages(token: string, filter: Record<string, unknown> = {}): Promise<{ ids: string[]; totalCount: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount: number;
    do {
      const result: { data?: any; errors?: unknown } = await stack.query<any>(TICKETS, { token, variables: { filter, first: 10, after } });
      expect(result.errors).toBeUndefined();
      totalCount = result.data.tickets.totalCount;
      ids.push(...result.data.tickets.edges.map((edge: any) => edge.node.id));
      after = result.data.tickets.pageInfo.hasNextPage ? result.data.tickets.pageInfo.endCursor : null;
    } while (after);
    return { ids, totalCount };
  }

  it("confines a customer's ticket list to their own account, newest first, counting only those", async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const { ids, totalCount } = await allPages(token);
    expect(totalCount).toBe(myTickets.length);
    expect(ids).toEqual([...myTickets].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map((ticket) => ticket._id));
  });

  it("gives a customer FORBIDDEN, and no data, when filtering by another account's id", async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const result = await stack.query<any>(TICKETS, { token, variables: { filter: { accountId: theirs._id } } });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain('Rival secret');
    const own = await stack.query<any>(TICKETS, { token, variables: { filter: { accountId: mine._id, status: 'SOLVED' } } });
    expect(own.data.tickets.edges.map((edge: any) => edge.node.id)).toEqual([colleagueTicket._id]);
  });

  it("keeps another account's tickets out of a customer's filtered lists", async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const urgent = await stack.query<any>(TICKETS, { token, variables: { filter: { priority: 'URGENT' } } });
    expect(urgent.data.tickets).toMatchObject({ totalCount: 1, edges: [{ node: { id: escalated._id } }] });
    const theirRequester = await stack.query<any>(TICKETS, { token, variables: { filter: { requesterId: stranger._id } } });
    expect(theirRequester.data.tickets).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('lets staff list every account and filter by account, status, priority and requester', async () => {
    const token = await stack.staffToken();
    expect((await allPages(token)).totalCount).toBe(myTickets.length + theirTickets.length);
    expect((await allPages(token, { accountId: theirs._id })).ids).toEqual(theirTickets.map((ticket) => ticket._id));
    expect((await allPages(token, { priority: 'URGENT', status: 'OPEN' })).totalCount).toBe(1 + theirTickets.length);
    expect((await allPages(token, { requesterId: colleague._id })).ids).toEqual([colleagueTicket._id]);
  });

  it('resolves the requester and account of a ticket through the accounts subgraph', async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const result = await stack.query<any>(TICKET, { token, variables: { id: escalated._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.ticket).toMatchObject({
      id: escalated._id,
      subject: 'Salesforce連携の同期エラー',
      requester: { id: me._id, name: '佐藤 花子' },
      account: { id: mine._id, name: '株式会社さくらロジスティクス' },
    });
  });

  it('shows a customer public comments only, and counts only those', async () => {
    const token = await stack.customerToken(mine._id, colleague._id);
    const result = await stack.query<any>(TICKET, { token, variables: { id: escalated._id } });
    expect(result.data.ticket.comments).toEqual({
      totalCount: 2,
      edges: [
        { node: { authorRole: 'REQUESTER', body: '同期が止まっています。', isPublic: true } },
        { node: { authorRole: 'AGENT', body: '再接続をお試しください。', isPublic: true } },
      ],
    });
    expect(JSON.stringify(result)).not.toContain('INTERNAL');
  });

  it('shows staff the internal notes too, in order', async () => {
    const result = await stack.query<any>(TICKET, { token: await stack.staffToken(), variables: { id: escalated._id } });
    expect(result.data.ticket.comments.totalCount).toBe(3);
    expect(result.data.ticket.comments.edges.map((edge: any) => edge.node.isPublic)).toEqual([true, false, true]);
  });

  it('pages through comments with cursors and rejects a cursor that is not from the list', async () => {
    const token = await stack.staffToken();
    const query = `query($id: ID!, $after: String) { ticket(id: $id) { comments(first: 2, after: $after) { edges { node { body } } pageInfo { hasNextPage endCursor } } } }`;
    const first = await stack.query<any>(query, { token, variables: { id: escalated._id } });
    expect(first.data.ticket.comments.pageInfo.hasNextPage).toBe(true);
    const second = await stack.query<any>(query, { token, variables: { id: escalated._id, after: first.data.ticket.comments.pageInfo.endCursor } });
    expect(second.data.ticket.comments).toEqual({
      edges: [{ node: { body: '再接続をお試しください。' } }],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    });
    const bad = await stack.query<any>(query, { token, variables: { id: escalated._id, after: 'bm90LWEtY3Vyc29y' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("gives a customer FORBIDDEN for another account's ticket and for unknown ids alike", async () => {
    const token = await stack.customerToken(mine._id, me._id);
    for (const id of [theirTickets[0]!._id, 'tkt_does_not_exist']) {
      const result = await stack.query<any>(`query($id: ID!) { ticket(id: $id) { subject } }`, { token, variables: { id } });
      expect(result.data?.ticket).toBeNull();
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(JSON.stringify(result)).not.toContain('Rival secret');
    }
  });

  it('returns null for an unknown ticket to staff', async () => {
    const result = await stack.query<any>(`{ ticket(id: "tkt_missing") { id } }`, { token: await stack.staffToken() });
    expect(result.errors).toBeUndefined();
    expect(result.data.ticket).toBeNull();
  });

  it('keeps tags, external ids and sync times from customers and shows them to staff', async () => {
    const query = `query($id: ID!) { ticket(id: $id) { subject tags externalIds { source id } syncedAt } }`;
    const customer = await stack.query<any>(query, { token: await stack.customerToken(mine._id, me._id), variables: { id: escalated._id } });
    expect(customer.data.ticket).toEqual({ subject: escalated.subject, tags: null, externalIds: null, syncedAt: null });
    expect(customer.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(JSON.stringify(customer)).not.toContain('churn-risk');
    const staff = await stack.query<any>(query, { token: await stack.staffToken(), variables: { id: escalated._id } });
    expect(staff.errors).toBeUndefined();
    expect(staff.data.ticket).toEqual({
      subject: escalated.subject,
      tags: ['salesforce', 'churn-risk'],
      externalIds: [{ source: 'zendesk', id: '120001' }],
      syncedAt: escalated.syncedAt?.toISOString(),
    });
  });

  it('lets an integration read with support:read and not with another subgraph\'s scope', async () => {
    const reader = await stack.query<any>(TICKETS, { token: await stack.integrationToken(['support:read']), variables: { first: 1 } });
    expect(reader.data.tickets.totalCount).toBe(myTickets.length + theirTickets.length);
    const other = await stack.query<any>(TICKETS, { token: await stack.integrationToken(['accounts:read']), variables: { first: 1 } });
    expect(other.data).toBeNull();
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('rejects a bad filter value naming the field', async () => {
    const result = await stack.query<any>(TICKETS, { token: await stack.staffToken(), variables: { filter: { requesterId: 'not an id!' } } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.requesterId' });
  });

  it('answers a request without a token with UNAUTHENTICATED, at the gateway and at the subgraph', async () => {
    for (const url of [stack.gatewayUrl, stack.subgraphUrls['support']!]) {
      const result = await stack.query(TICKETS, { token: null, url });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(result.data ?? null).toBeNull();
    }
  });
});
