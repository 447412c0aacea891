import { buildSearchCorpus, SEARCH_CORPUS_SIZE, seedSearchCorpus } from '../helpers/search-corpus';
import { hitIds, search, searchFollowing, searchUntil, type SearchView } from '../helpers/search';
import { startStack, type Stack } from '../helpers/stack';

describe('finding content in English and Japanese', () => {
  let stack: Stack;
  const corpus = buildSearchCorpus();
  const { items } = corpus;

  beforeAll(async () => {
    stack = await startStack({ config: searchFollowing(), arrange: (target) => seedSearchCorpus(target, corpus) });
    // The index reads every feed once at start; wait until it holds the whole corpus.
    await searchUntil(stack, await stack.staffToken(), { query: 'invoice' }, (view) => view.totalCount >= 5, 10_000);
  });
  afterAll(() => stack.stop());

  const customer = () => stack.customerToken(corpus.acme._id, corpus.acmeUser._id);
  const top5 = async (query: string, token?: string): Promise<string[]> => {
    const result = await search(stack, token ?? (await customer()), { query, first: 5 });
    expect(result.errors).toBeUndefined();
    return hitIds(result.data!.search);
  };

  it.each([
    ['請求書 エクスポート', () => items.invoiceArticleJa._id],
    ['請求書', () => items.invoiceArticleJa._id],
    ['Salesforce 連携', () => items.salesforcePost._id],
    ['salesforce連携', () => items.salesforcePost._id],
    ['export invoices', () => items.invoiceArticleEn._id],
    ['exported invoice', () => items.invoiceArticleEn._id],
    ['single sign', () => items.ssoCourse._id],
    ['dashbords configuraton', () => items.dashboardStory._id],
    ['Tokyo meetup', () => items.meetupEvent._id],
    ['レポート', () => items.meetupEvent._id],
  ])('finds the right item for %s in the top 5', async (query, expected) => {
    expect(await top5(query)).toContain(expected());
  });

  it('ranks items whose title matches above a body-only match, and blends kinds in one list', async () => {
    const result = await search(stack, await stack.staffToken(), { query: 'csv' });
    const view = result.data!.search;
    expect(hitIds(view).slice(0, 2).sort()).toEqual([items.invoiceArticleJa._id, items.invoiceArticleEn._id].sort());
    expect(hitIds(view)[2]).toBe(items.acmeTicket._id);
    expect(new Set(view.edges.map((edge) => edge.node.type))).toEqual(new Set(['ARTICLE', 'TICKET']));
    const scores = view.edges.map((edge) => edge.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('resolves each hit to its owner\'s entity and marks the matches', async () => {
    const result = await search(stack, await customer(), { query: '請求書 エクスポート', first: 1 });
    const [edge] = result.data!.search.edges;
    expect(edge?.node).toMatchObject({
      type: 'ARTICLE',
      item: { __typename: 'Article', id: items.invoiceArticleJa._id, title: '請求書をCSVでエクスポートする方法' },
      highlights: [
        { field: 'TITLE', snippet: '<mark>請求書</mark>をCSVで<mark>エクスポート</mark>する方法' },
        { field: 'BODY', snippet: '管理画面の「<mark>請求</mark>」から期間を選んでダウンロードします。' },
      ],
    });
    const english = await search(stack, await customer(), { query: 'Tokyo meetup' });
    expect(english.data!.search.edges[0]?.node.item).toMatchObject({ __typename: 'Event', title: 'Tokyo user meetup: 請求とレポート' });
  });

  it('filters by kind, locale and tag, and counts each kind', async () => {
    const staff = await stack.staffToken();
    const byType = (await search(stack, staff, { query: 'invoice', filter: { types: ['TICKET'] } })).data!.search;
    expect(byType.edges.map((edge) => edge.node.type)).toEqual(['TICKET', 'TICKET']);
    const japanese = (await search(stack, staff, { query: '請求', filter: { locales: ['ja'] } })).data!.search;
    expect(hitIds(japanese).sort()).toEqual([items.invoiceArticleJa._id, items.meetupEvent._id].sort());
    const tagged = (await search(stack, staff, { query: 'invoices', filter: { tags: ['billing'] } })).data!.search;
    expect(hitIds(tagged)).toEqual([items.invoiceArticleEn._id]);
    const all: SearchView = (await search(stack, staff, { query: 'invoice' })).data!.search;
    expect(all.countsByType).toEqual([
      { type: 'ARTICLE', count: 2 },
      { type: 'TICKET', count: 2 },
      { type: 'POST', count: 1 },
    ]);
    expect(all.totalCount).toBe(5);
  });

  it('suggests titles for what was typed so far', async () => {
    const result = await stack.query<any>(`query { searchSuggestions(prefix: "expor") { text type } }`, { token: await customer() });
    expect(result.data.searchSuggestions).toContainEqual({ text: 'Exporting invoices to CSV', type: 'ARTICLE' });
    const japanese = await stack.query<any>(`query { searchSuggestions(prefix: "請求") { text } }`, { token: await customer() });
    expect(japanese.data.searchSuggestions.map((suggestion: { text: string }) => suggestion.text)).toContain('請求書をCSVでエクスポートする方法');
  });

  it('indexes the whole corpus from the feeds', async () => {
    const queries = ['invoice', '請求書', 'salesforce', 'sso', 'dashboards', 'meetup'];
    const everything = await Promise.all(queries.map(async (query) => hitIds((await search(stack, await stack.staffToken(), { query })).data!.search)));
    expect(new Set(everything.flat()).size).toBe(SEARCH_CORPUS_SIZE);
  });
});
