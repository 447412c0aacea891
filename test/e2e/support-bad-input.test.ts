import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { buildArticle, buildTicket, seedSupport, supportRepository } from '../helpers/support';

const UPSERT_TICKET = `mutation($input: UpsertTicketInput!) { upsertTicket(input: $input) { id } }`;
const UPSERT_ARTICLE = `mutation($input: UpsertArticleInput!) { upsertArticle(input: $input) { id } }`;
const RECORD_VIEW = `mutation($articleId: ID!) { recordArticleView(articleId: $articleId) { id } }`;

/** Every support mutation refuses bad input with BAD_USER_INPUT naming the field, and stores nothing. */
describe('bad input to support mutations', () => {
  let stack: Stack;
  const account = buildAccount();
  const requester = buildUser(account);
  const ticket = buildTicket(requester);
  const article = buildArticle();

  const validTicket = { subject: 'Cannot export', description: 'The export button does nothing.', requesterId: requester._id, accountId: account._id };
  const validArticle = { title: 'Export invoices', body: '1. Open Billing.', locale: 'en-US', section: 'billing' };

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [requester]);
    await seedSupport(stack, { tickets: [ticket], articles: [article] });
  });
  afterAll(() => stack.stop());

  /** Everything the support database holds, so "nothing stored" covers every collection and field. */
  async function snapshot() {
    const repository = supportRepository(stack);
    return {
      tickets: await repository.tickets.find({}).toArray(),
      articles: await repository.articles.find({}).toArray(),
      views: await repository.articleViews.find({}).toArray(),
    };
  }

  // Rejected by zod in the subgraph: `extensions.field` names the offending field.
  it.each([
    ['upsertTicket', 'a too-long subject', UPSERT_TICKET, { ...validTicket, subject: 'x'.repeat(301) }, 'input.subject'],
    ['upsertTicket', 'a too-long description', UPSERT_TICKET, { ...validTicket, description: 'あ'.repeat(20_001) }, 'input.description'],
    ['upsertTicket', 'a too-long comment body', UPSERT_TICKET, { ...validTicket, comments: [{ authorName: 'A', authorRole: 'AGENT', body: 'x'.repeat(20_001) }] }, 'input.comments.0.body'],
    ['upsertTicket', 'a blank subject', UPSERT_TICKET, { ...validTicket, subject: '   ' }, 'input.subject'],
    ['upsertTicket', 'a malformed requester id', UPSERT_TICKET, { ...validTicket, requesterId: 'usr 1; drop' }, 'input.requesterId'],
    ['upsertTicket', 'a tag with spaces', UPSERT_TICKET, { ...validTicket, tags: ['two words'] }, 'input.tags.0'],
    ['upsertTicket', 'too many comments at once', UPSERT_TICKET, { ...validTicket, comments: Array.from({ length: 101 }, () => ({ authorName: 'A', authorRole: 'AGENT', body: 'x' })) }, 'input.comments'],
    ['upsertTicket', 'a bad external id source', UPSERT_TICKET, { ...validTicket, externalIds: [{ source: 'Zen Desk!', id: '1' }] }, 'input.externalIds.0.source'],
    ['upsertArticle', 'a too-long title', UPSERT_ARTICLE, { ...validArticle, title: 'x'.repeat(301) }, 'input.title'],
    ['upsertArticle', 'a bad locale', UPSERT_ARTICLE, { ...validArticle, locale: 'japanese' }, 'input.locale'],
    ['upsertArticle', 'a bad section', UPSERT_ARTICLE, { ...validArticle, section: 'Billing & Payments' }, 'input.section'],
    ['upsertArticle', 'a javascript: address', UPSERT_ARTICLE, { ...validArticle, url: 'javascript:alert(1)' }, 'input.url'],
    ['upsertArticle', 'a too-long label', UPSERT_ARTICLE, { ...validArticle, labels: ['x'.repeat(51)] }, 'input.labels.0'],
    ['recordArticleView', 'a too-long article id', RECORD_VIEW, null, 'articleId'],
  ])('%s rejects %s naming the field', async (mutation, _name, query, input, field) => {
    const before = await snapshot();
    const token = mutation === 'recordArticleView' ? await stack.customerToken(account._id, requester._id) : await stack.staffToken();
    const variables = mutation === 'recordArticleView' ? { articleId: 'a'.repeat(65) } : { input };
    const result = await stack.query(query, { token, variables });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot()).toEqual(before);
  });

  // Rejected by GraphQL's own variable coercion before any resolver runs; the message names the field.
  it.each([
    ['upsertTicket', 'a wrong type', UPSERT_TICKET, { ...validTicket, subject: 42 }, /subject/],
    ['upsertTicket', 'an unknown field', UPSERT_TICKET, { ...validTicket, assignee: 'me' }, /assignee/],
    ['upsertTicket', 'an operator object where a string belongs', UPSERT_TICKET, { ...validTicket, requesterId: { $ne: '' } }, /requesterId/],
    ['upsertTicket', 'an unknown enum value', UPSERT_TICKET, { ...validTicket, status: 'ESCALATED' }, /status|ESCALATED/],
    ['upsertTicket', 'an unknown comment role', UPSERT_TICKET, { ...validTicket, comments: [{ authorName: 'A', authorRole: 'BOT', body: 'x' }] }, /authorRole|BOT/],
    ['upsertArticle', 'a wrong type', UPSERT_ARTICLE, { ...validArticle, labels: [1] }, /labels/],
    ['upsertArticle', 'an unknown field', UPSERT_ARTICLE, { ...validArticle, author: 'me' }, /author/],
    ['upsertArticle', 'an operator object where a string belongs', UPSERT_ARTICLE, { ...validArticle, title: { $ne: '' } }, /title/],
    ['upsertArticle', 'an unknown enum value', UPSERT_ARTICLE, { ...validArticle, visibility: 'SECRET' }, /visibility|SECRET/],
  ])('%s rejects %s in variables', async (_mutation, _name, query, input, message) => {
    const before = await snapshot();
    const result = await stack.query(query, { token: await stack.staffToken(), variables: { input } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  // Straight at the subgraph: the gateway passes custom scalars through unchecked, and reports the
  // subgraph's refusal of the whole request as an internal error (see the gateway's data source).
  it('upsertTicket rejects a date that is not ISO 8601 naming the field', async () => {
    const before = await snapshot();
    const result = await stack.query(UPSERT_TICKET, {
      token: await stack.staffToken(),
      variables: { input: { ...validTicket, createdAt: 'yesterday' } },
      url: stack.subgraphUrls['support']!,
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/input\.createdAt.*ISO 8601/);
    expect(await snapshot()).toEqual(before);
  });

  it('recordArticleView rejects an operator object where the article id belongs', async () => {
    const before = await snapshot();
    const result = await stack.query(RECORD_VIEW, { token: await stack.customerToken(account._id, requester._id), variables: { articleId: { $ne: '' } } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/articleId/);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects a whole input when only its last comment is bad, keeping the stored ticket as it was', async () => {
    const before = await snapshot();
    const result = await stack.query(UPSERT_TICKET, {
      token: await stack.staffToken(),
      variables: {
        input: {
          id: ticket._id,
          status: 'SOLVED',
          comments: [
            { authorName: 'Agent', authorRole: 'AGENT', body: 'Fixed.' },
            { authorName: 'Agent', authorRole: 'AGENT', body: 'Follow-up', createdAt: '2999-01-01T00:00:00Z' },
          ],
        },
      },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.comments.1.createdAt' });
    expect(await snapshot()).toEqual(before);
  });
});
