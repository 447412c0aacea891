import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { buildTicket, seedSupport, supportRepository } from '../helpers/support';

const UPSERT_TICKET = `mutation($input: UpsertTicketInput!) {
  upsertTicket(input: $input) {
    id subject status priority tags createdAt updatedAt firstResponseAt solvedAt syncedAt
    externalIds { source id }
    satisfaction { rating comment }
    requester { id }
    account { id }
    comments { totalCount edges { node { id authorName authorRole body isPublic createdAt } } }
  }
}`;

describe('writing support tickets through the gateway', () => {
  let stack: Stack;
  const account = buildAccount({ locale: 'ja-JP' });
  const requester = buildUser(account, { name: '山田 太郎' });
  const first = buildTicket(requester, { externalIds: [{ source: 'zendesk', id: '500' }], externalKeys: ['zendesk:500'] });
  const second = buildTicket(requester, { externalIds: [{ source: 'zendesk', id: '501' }], externalKeys: ['zendesk:501'] });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [requester]);
    await seedSupport(stack, { tickets: [first, second] });
  });
  afterAll(() => stack.stop());

  const countTickets = () => supportRepository(stack).tickets.countDocuments();

  it('imports a help-desk ticket keeping its timestamps, deriving the first response, and stamping syncedAt', async () => {
    const token = await stack.integrationToken(['support:write']);
    const result = await stack.query<any>(UPSERT_TICKET, {
      token,
      variables: {
        input: {
          externalIds: [{ source: 'zendesk', id: '9001' }],
          subject: '請求書をCSVでエクスポートしたい',
          description: '先月分の請求書をCSVで欲しいです。',
          status: 'SOLVED',
          priority: 'HIGH',
          requesterId: requester._id,
          accountId: account._id,
          tags: ['Billing', 'csv'],
          createdAt: '2026-01-05T00:00:00Z',
          updatedAt: '2026-01-06T12:00:00Z',
          solvedAt: '2026-01-06T10:00:00Z',
          satisfaction: { rating: 'GOOD', comment: '助かりました。' },
          comments: [
            { id: 'zc-1', authorName: '山田 太郎', authorRole: 'REQUESTER', body: '先月分の請求書をCSVで欲しいです。', createdAt: '2026-01-05T00:00:00Z' },
            { id: 'zc-2', authorName: '鈴木 美咲', authorRole: 'AGENT', body: '請求チームに確認中', isPublic: false, createdAt: '2026-01-05T00:10:00Z' },
            { id: 'zc-3', authorName: '鈴木 美咲', authorRole: 'AGENT', body: '「請求」画面から出力できます。', createdAt: '2026-01-05T00:45:00Z' },
          ],
        },
      },
    });
    expect(result.errors).toBeUndefined();
    const ticket = result.data.upsertTicket;
    expect(ticket.id).toMatch(/^tkt_/);
    expect(ticket).toMatchObject({
      status: 'SOLVED',
      priority: 'HIGH',
      tags: ['billing', 'csv'],
      createdAt: '2026-01-05T00:00:00.000Z',
      updatedAt: '2026-01-06T12:00:00.000Z',
      solvedAt: '2026-01-06T10:00:00.000Z',
      firstResponseAt: '2026-01-05T00:45:00.000Z',
      externalIds: [{ source: 'zendesk', id: '9001' }],
      satisfaction: { rating: 'GOOD', comment: '助かりました。' },
      requester: { id: requester._id },
      account: { id: account._id },
    });
    expect(ticket.comments.edges.map((edge: any) => edge.node.id)).toEqual(['zc-1', 'zc-2', 'zc-3']);
    expect(Date.parse(ticket.syncedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('updates the ticket matched by external id instead of creating a second one, merging comments by id', async () => {
    const token = await stack.integrationToken(['support:write']);
    const before = await countTickets();
    const result = await stack.query<any>(UPSERT_TICKET, {
      token,
      variables: {
        input: {
          externalIds: [{ source: 'zendesk', id: '9001' }],
          status: 'OPEN',
          updatedAt: '2026-01-07T09:00:00Z',
          comments: [
            { id: 'zc-3', authorName: '鈴木 美咲', authorRole: 'AGENT', body: '「請求」→「CSVでエクスポート」から出力できます。' },
            { id: 'zc-4', authorName: '山田 太郎', authorRole: 'REQUESTER', body: 'まだ出力できません。', createdAt: '2026-01-07T09:00:00Z' },
          ],
        },
      },
    });
    expect(result.errors).toBeUndefined();
    expect(await countTickets()).toBe(before);
    const ticket = result.data.upsertTicket;
    expect(ticket).toMatchObject({ subject: '請求書をCSVでエクスポートしたい', status: 'OPEN', solvedAt: null, firstResponseAt: '2026-01-05T00:45:00.000Z' });
    expect(ticket.comments.edges.map((edge: any) => [edge.node.id, edge.node.body, edge.node.createdAt])).toEqual([
      ['zc-1', '先月分の請求書をCSVで欲しいです。', '2026-01-05T00:00:00.000Z'],
      ['zc-2', '請求チームに確認中', '2026-01-05T00:10:00.000Z'],
      ['zc-3', '「請求」→「CSVでエクスポート」から出力できます。', '2026-01-05T00:45:00.000Z'],
      ['zc-4', 'まだ出力できません。', '2026-01-07T09:00:00.000Z'],
    ]);
  });

  it('creates a ticket with defaults for staff: NEW, NORMAL, opened now, not synced', async () => {
    const result = await stack.query<any>(UPSERT_TICKET, {
      token: await stack.staffToken(),
      variables: { input: { subject: 'Cannot sign in', description: 'SSO fails since this morning.', requesterId: requester._id, accountId: account._id } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertTicket).toMatchObject({
      status: 'NEW',
      priority: 'NORMAL',
      tags: [],
      firstResponseAt: null,
      solvedAt: null,
      syncedAt: null,
      satisfaction: null,
      comments: { totalCount: 0, edges: [] },
    });
    expect(Date.parse(result.data.upsertTicket.createdAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('sets the solve time when a ticket is solved without one, and removes a rating given as null', async () => {
    const token = await stack.staffToken();
    const rated = await stack.query<any>(UPSERT_TICKET, {
      token,
      variables: { input: { id: first._id, status: 'SOLVED', satisfaction: { rating: 'BAD' } } },
    });
    expect(rated.errors).toBeUndefined();
    expect(rated.data.upsertTicket.solvedAt).toBe(rated.data.upsertTicket.updatedAt);
    expect(rated.data.upsertTicket.satisfaction).toEqual({ rating: 'BAD', comment: null });
    const cleared = await stack.query<any>(UPSERT_TICKET, { token, variables: { input: { id: first._id, satisfaction: null } } });
    expect(cleared.data.upsertTicket).toMatchObject({ status: 'SOLVED', solvedAt: rated.data.upsertTicket.solvedAt, satisfaction: null });
  });

  it('rejects an id and an external id that belong to different tickets with CONFLICT, changing nothing', async () => {
    const repository = supportRepository(stack);
    const stored = await repository.findTicketById(first._id);
    const result = await stack.query<any>(UPSERT_TICKET, {
      token: await stack.staffToken(),
      variables: { input: { id: first._id, subject: 'Renamed', externalIds: [{ source: 'zendesk', id: '501' }] } },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(await repository.findTicketById(first._id)).toEqual(stored);
  });

  it("rejects a new id that would take over another ticket's external id with CONFLICT", async () => {
    const before = await countTickets();
    const result = await stack.query<any>(UPSERT_TICKET, {
      token: await stack.staffToken(),
      variables: { input: { id: 'tkt_brand_new', subject: 'X', description: 'Y', requesterId: requester._id, accountId: account._id, externalIds: [{ source: 'zendesk', id: '500' }] } },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(await countTickets()).toBe(before);
  });

  it.each([
    ['a solve time before the ticket was opened', { createdAt: '2026-01-10T00:00:00Z', solvedAt: '2026-01-09T00:00:00Z', status: 'SOLVED' }, 'input.solvedAt'],
    ['a solve time on a ticket that is still open', { status: 'OPEN', solvedAt: '2026-01-11T00:00:00Z', createdAt: '2026-01-10T00:00:00Z' }, 'input.solvedAt'],
    ['a first response in the future', { firstResponseAt: '2999-01-01T00:00:00Z' }, 'input.firstResponseAt'],
    ['the same comment id twice', { comments: [{ id: 'c1', authorName: 'A', authorRole: 'AGENT', body: 'x' }, { id: 'c1', authorName: 'A', authorRole: 'AGENT', body: 'y' }] }, 'input.comments.1.id'],
  ])('rejects %s with BAD_USER_INPUT naming the field, storing nothing', async (_name, fields, field) => {
    const before = await countTickets();
    const result = await stack.query<any>(UPSERT_TICKET, {
      token: await stack.staffToken(),
      variables: { input: { subject: 'S', description: 'D', requesterId: requester._id, accountId: account._id, ...fields } },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await countTickets()).toBe(before);
  });

  it('names every field that creating a ticket needs', async () => {
    const result = await stack.query<any>(UPSERT_TICKET, { token: await stack.staffToken(), variables: { input: { priority: 'LOW' } } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect((result.errors?.[0]?.extensions?.['issues'] as Array<{ field: string }>).map((issue) => issue.field)).toEqual([
      'input.subject',
      'input.description',
      'input.requesterId',
      'input.accountId',
    ]);
  });

  it('refuses writes from customers and from integrations without support:write', async () => {
    const repository = supportRepository(stack);
    const stored = await repository.findTicketById(second._id);
    const tokens = [await stack.customerToken(account._id, requester._id), await stack.integrationToken(['support:read'])];
    for (const token of tokens) {
      const result = await stack.query<any>(UPSERT_TICKET, { token, variables: { input: { id: second._id, status: 'CLOSED' } } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    expect(await repository.findTicketById(second._id)).toEqual(stored);
  });

  it('changes only the given fields of an existing ticket', async () => {
    const result = await stack.query<any>(
      `mutation($input: UpsertTicketInput!) { upsertTicket(input: $input) { id subject description status priority comments { totalCount } } }`,
      { token: await stack.staffToken(), variables: { input: { id: second._id, subject: 'Renamed subject' } } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertTicket).toEqual({
      id: second._id,
      subject: 'Renamed subject',
      description: second.description,
      status: second.status,
      priority: second.priority,
      comments: { totalCount: second.comments.length },
    });
  });
});
