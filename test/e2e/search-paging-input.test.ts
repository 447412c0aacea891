import { EXTERNAL_DOCUMENTS_COLLECTION } from '../../subgraphs/search/external/model';
import { SEARCH_SUBGRAPH } from '../../subgraphs/search/server';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import { search, searchFollowing, searchUntil, SUGGEST, type SearchView } from '../helpers/search';
import { startStack, type Stack } from '../helpers/stack';
import { buildArticle, seedSupport } from '../helpers/support';

const IMPORT = `mutation($documents: [ExternalDocumentInput!]!) { upsertExternalDocuments(documents: $documents) { created } }`;
const ARTICLE_COUNT = 45;

describe('paging through results and refusing bad input', () => {
  let stack: Stack;
  // Popularity repeats, so many hits tie on score and only the id orders them.
  const articles = Array.from({ length: ARTICLE_COUNT }, (_, n) => buildArticle({ title: `Renewal checklist ${n % 3 === 0 ? 'for admins' : 'part'} ${n}`, viewCount: n % 5 }));

  beforeAll(async () => {
    stack = await startStack({ config: searchFollowing(), arrange: (target) => seedSupport(target, { articles }) });
    await searchUntil(stack, await stack.staffToken(), { query: 'renewal' }, (view) => view.totalCount === ARTICLE_COUNT, 10_000);
  });
  afterAll(() => stack.stop());

  const storedDocuments = () => subgraphDatabase(stack, SEARCH_SUBGRAPH).collection(EXTERNAL_DOCUMENTS_COLLECTION).countDocuments();

  it('pages through every result once, in the order of one big page, with a stable total', async () => {
    const token = await stack.staffToken();
    const whole = (await search(stack, token, { query: 'renewal checklist', first: 100 })).data!.search;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: SearchView = (await search(stack, token, { query: 'renewal checklist', first: 7, after })).data!.search;
      expect(page.totalCount).toBe(ARTICLE_COUNT);
      seen.push(...page.edges.map((edge) => edge.node.item!.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(7);
    expect(seen).toEqual(whole.edges.map((edge) => edge.node.item!.id));
    expect(new Set(seen).size).toBe(ARTICLE_COUNT);
  });

  it.each([
    ['an empty query', { query: '' }, 'query'],
    ['a blank query', { query: '   ' }, 'query'],
    ['a 10,000-character query', { query: 'a'.repeat(10_000) }, 'query'],
    ['an unknown type', { query: 'renewal', filter: { types: ['PODCAST'] } }, 'PODCAST'],
    ['a malformed locale', { query: 'renewal', filter: { locales: ['english'] } }, 'filter.locales.0'],
    ['a page over 100', { query: 'renewal', first: 101 }, 'first'],
    ['a negative page', { query: 'renewal', first: -1 }, 'first'],
    ['a foreign cursor', { query: 'renewal', after: 'bm90LWEtY3Vyc29y' }, 'after'],
  ])('answers %s with BAD_USER_INPUT naming it, never a 500', async (_case, variables, named) => {
    const result = await search(stack, await stack.staffToken(), variables);
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).toContain(named);
  });

  it.each([
    ['an empty prefix', { prefix: '' }, 'prefix'],
    ['a 101-character prefix', { prefix: 'x'.repeat(101) }, 'prefix'],
    ['too many suggestions', { prefix: 'renew', first: 21 }, 'first'],
  ])('answers suggestions with %s with BAD_USER_INPUT', async (_case, variables, named) => {
    const result = await stack.query(SUGGEST, { token: await stack.staffToken(), variables });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).toContain(named);
  });

  const validDocument = { source: 'wiki', externalId: 'ok', title: 'Fine', url: 'https://wiki.example.com/ok', body: 'fine', locale: 'en-US' };
  it.each([
    ['a non-http URL', [{ ...validDocument, url: 'javascript:alert(1)' }], 'documents.0.url'],
    ['an account audience', [{ ...validDocument, audience: 'ACCOUNT' }], 'documents.0.audience'],
    ['a bad source', [{ ...validDocument, source: 'Zendesk Guide' }], 'documents.0.source'],
    ['the same document twice', [validDocument, { ...validDocument }], 'documents.1.externalId'],
    ['more than 500 documents', Array.from({ length: 501 }, (_, n) => ({ ...validDocument, externalId: `d${n}` })), 'documents'],
    ['a good document next to a bad one', [validDocument, { ...validDocument, externalId: 'bad', locale: 'English' }], 'documents.1.locale'],
  ])('refuses an import with %s, naming the field, and stores nothing', async (_case, documents, field) => {
    const before = await storedDocuments();
    const result = await stack.query(IMPORT, { token: await stack.staffToken(), variables: { documents } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors?.[0]?.extensions?.['issues'])).toContain(`"field":"${field}"`);
    expect(await storedDocuments()).toBe(before);
  });
});
