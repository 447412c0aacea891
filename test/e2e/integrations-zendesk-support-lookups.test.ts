import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { buildArticle, buildTicket, seedSupport } from '../helpers/support';

const TICKET_BY_EXTERNAL_ID = `query($source: String!, $id: String!) { ticketByExternalId(source: $source, id: $id) { id subject updatedAt } }`;
const ARTICLE_BY_EXTERNAL_ID = `query($source: String!, $id: String!) { articleByExternalId(source: $source, id: $id) { id title } }`;

describe('finding support tickets and articles by another system\'s id', () => {
  let stack: Stack;
  const account = buildAccount();
  const requester = buildUser(account);
  const ticket = buildTicket(requester, { externalIds: [{ source: 'zendesk', id: '35436' }], externalKeys: ['zendesk:35436'] });
  const article = buildArticle({ externalIds: [{ source: 'zendesk', id: '7005414006398' }], externalKeys: ['zendesk:7005414006398'] });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [requester]);
    await seedSupport(stack, { tickets: [ticket], articles: [article] });
  });
  afterAll(() => stack.stop());

  it('finds the ticket carrying a Zendesk id for an integration with support:read, and only for that system', async () => {
    const token = await stack.integrationToken(['support:read']);
    const found = await stack.query<any>(TICKET_BY_EXTERNAL_ID, { token, variables: { source: 'zendesk', id: '35436' } });
    expect(found.errors).toBeUndefined();
    expect(found.data.ticketByExternalId).toEqual({ id: ticket._id, subject: ticket.subject, updatedAt: ticket.updatedAt.toISOString() });
    const elsewhere = await stack.query<any>(TICKET_BY_EXTERNAL_ID, { token, variables: { source: 'freshdesk', id: '35436' } });
    expect(elsewhere.data.ticketByExternalId).toBeNull();
  });

  it('finds the article carrying a Zendesk id for staff, and answers null for an unknown id', async () => {
    const token = await stack.staffToken();
    const found = await stack.query<any>(ARTICLE_BY_EXTERNAL_ID, { token, variables: { source: 'zendesk', id: '7005414006398' } });
    expect(found.data.articleByExternalId).toEqual({ id: article._id, title: article.title });
    const missing = await stack.query<any>(ARTICLE_BY_EXTERNAL_ID, { token, variables: { source: 'zendesk', id: '1' } });
    expect(missing.errors).toBeUndefined();
    expect(missing.data.articleByExternalId).toBeNull();
  });

  it('refuses both lookups to a customer, even of their own account, with FORBIDDEN', async () => {
    const token = await stack.customerToken(account._id, requester._id);
    const tickets = await stack.query<any>(TICKET_BY_EXTERNAL_ID, { token, variables: { source: 'zendesk', id: '35436' } });
    expect(tickets.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(tickets.data?.ticketByExternalId ?? null).toBeNull();
    const articles = await stack.query<any>(ARTICLE_BY_EXTERNAL_ID, { token, variables: { source: 'zendesk', id: '7005414006398' } });
    expect(articles.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses an integration without a support scope with FORBIDDEN', async () => {
    const token = await stack.integrationToken(['accounts:read']);
    const result = await stack.query<any>(TICKET_BY_EXTERNAL_ID, { token, variables: { source: 'zendesk', id: '35436' } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses a malformed source or an empty id with BAD_USER_INPUT naming the argument', async () => {
    const token = await stack.staffToken();
    const badSource = await stack.query<any>(TICKET_BY_EXTERNAL_ID, { token, variables: { source: 'Zen Desk', id: '35436' } });
    expect(badSource.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'source' });
    const emptyId = await stack.query<any>(ARTICLE_BY_EXTERNAL_ID, { token, variables: { source: 'zendesk', id: ' ' } });
    expect(emptyId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
