import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { buildArticle, daysFromNow, seedSupport, supportRepository } from '../helpers/support';

const ARTICLES = `query($filter: ArticleFilter, $first: Int, $after: String) {
  articles(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { node { id title visibility } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const RECORD_VIEW = `mutation($articleId: ID!) { recordArticleView(articleId: $articleId) { id viewCount } }`;

describe('reading help-center articles and counting views', () => {
  let stack: Stack;
  const mine = buildAccount({ locale: 'ja-JP' });
  const theirs = buildAccount();
  const me = buildUser(mine);
  const stranger = buildUser(theirs);

  const csvExport = buildArticle({
    title: '請求書をCSVでエクスポートする方法',
    locale: 'ja-JP',
    section: 'billing',
    labels: ['csv', 'export', 'invoice'],
    viewCount: 41,
    updatedAt: daysFromNow(-1),
  });
  const salesforce = buildArticle({ title: 'Salesforce連携の設定', locale: 'ja-JP', section: 'integrations', labels: ['salesforce'], updatedAt: daysFromNow(-2) });
  const englishCsv = buildArticle({ title: 'How to export invoices as CSV', section: 'billing', labels: ['csv', 'export'], updatedAt: daysFromNow(-3) });
  const playbook = buildArticle({
    title: '【社内】P1チケットのエスカレーション手順',
    locale: 'ja-JP',
    section: 'billing',
    labels: ['csv', 'escalation'],
    visibility: 'INTERNAL',
    url: null,
    updatedAt: daysFromNow(-0.5),
  });
  const filler = Array.from({ length: 21 }, (_, index) => buildArticle({ updatedAt: daysFromNow(-10 - index) }));
  const publicArticles = [csvExport, salesforce, englishCsv, ...filler];

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, stranger]);
    await seedSupport(stack, { articles: [...publicArticles, playbook] });
  });
  afterAll(() => stack.stop());

  it('lists public articles to a customer, most recently updated first, without internal ones or their count', async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const result: { data?: any } = await stack.query<any>(ARTICLES, { token, variables: { first: 20, after } });
      expect(result.data.articles.totalCount).toBe(publicArticles.length);
      ids.push(...result.data.articles.edges.map((edge: any) => edge.node.id));
      after = result.data.articles.pageInfo.hasNextPage ? result.data.articles.pageInfo.endCursor : null;
    } while (after);
    expect(ids).toEqual(publicArticles.map((article) => article._id));
  });

  it('filters by locale, section and every given label', async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const japaneseBilling = await stack.query<any>(ARTICLES, { token, variables: { filter: { locale: 'ja-JP', section: 'billing' } } });
    expect(japaneseBilling.data.articles).toMatchObject({
      totalCount: 1,
      edges: [{ node: { id: csvExport._id, title: '請求書をCSVでエクスポートする方法', visibility: 'PUBLIC' } }],
    });
    const csvExports = await stack.query<any>(ARTICLES, { token, variables: { filter: { labels: ['CSV', 'export'] } } });
    expect(csvExports.data.articles.edges.map((edge: any) => edge.node.id)).toEqual([csvExport._id, englishCsv._id]);
  });

  it('shows internal articles to staff in lists and by id', async () => {
    const token = await stack.staffToken();
    const list = await stack.query<any>(ARTICLES, { token, variables: { filter: { labels: ['csv'] } } });
    expect(list.data.articles.edges.map((edge: any) => edge.node.id)).toEqual([playbook._id, csvExport._id, englishCsv._id]);
    const one = await stack.query<any>(`query($id: ID!) { article(id: $id) { title visibility url } }`, { token, variables: { id: playbook._id } });
    expect(one.data.article).toEqual({ title: playbook.title, visibility: 'INTERNAL', url: null });
  });

  it('gives a customer FORBIDDEN for an internal article and for unknown ids alike', async () => {
    const token = await stack.customerToken(mine._id, me._id);
    for (const id of [playbook._id, 'art_does_not_exist']) {
      const result = await stack.query<any>(`query($id: ID!) { article(id: $id) { title body } }`, { token, variables: { id } });
      expect(result.data?.article).toBeNull();
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(JSON.stringify(result)).not.toContain('エスカレーション');
    }
  });

  it('returns a public article with its Japanese and mixed-script text intact', async () => {
    const token = await stack.customerToken(theirs._id, stranger._id);
    const result = await stack.query<any>(`query($id: ID!) { article(id: $id) { title locale section labels viewCount } }`, {
      token,
      variables: { id: salesforce._id },
    });
    expect(result.data.article).toEqual({ title: 'Salesforce連携の設定', locale: 'ja-JP', section: 'integrations', labels: ['salesforce'], viewCount: 0 });
  });

  it('refuses articles to integrations without a support scope and lists them all with support:read', async () => {
    const token = await stack.integrationToken(['accounts:read']);
    const list = await stack.query<any>(ARTICLES, { token });
    expect(list.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const reader = await stack.query<any>(ARTICLES, { token: await stack.integrationToken(['support:read']), variables: { first: 1 } });
    expect(reader.data.articles.totalCount).toBe(publicArticles.length + 1);
  });

  it("counts a customer's view for the article and for their account today", async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const first = await stack.query<any>(RECORD_VIEW, { token, variables: { articleId: csvExport._id } });
    const second = await stack.query<any>(RECORD_VIEW, { token, variables: { articleId: csvExport._id } });
    expect(first.data.recordArticleView).toEqual({ id: csvExport._id, viewCount: 42 });
    expect(second.data.recordArticleView).toEqual({ id: csvExport._id, viewCount: 43 });
    const today = new Date().toISOString().slice(0, 10);
    const day = await supportRepository(stack).articleViews.findOne({ _id: `${mine._id}:${today}` });
    expect(day).toMatchObject({ accountId: mine._id, views: 2, day: new Date(`${today}T00:00:00.000Z`) });
  });

  it('never loses a view when many arrive at once', async () => {
    const token = await stack.customerToken(theirs._id, stranger._id);
    await Promise.all(Array.from({ length: 10 }, () => stack.query(RECORD_VIEW, { token, variables: { articleId: salesforce._id } })));
    const today = new Date().toISOString().slice(0, 10);
    expect((await supportRepository(stack).articleViews.findOne({ _id: `${theirs._id}:${today}` }))?.views).toBe(10);
    expect((await supportRepository(stack).findArticleById(salesforce._id))?.viewCount).toBe(10);
  });

  it('refuses to count views of internal or unknown articles, and views by staff or integrations', async () => {
    const repository = supportRepository(stack);
    const before = await repository.articleViews.countDocuments();
    const customer = await stack.customerToken(mine._id, me._id);
    for (const articleId of [playbook._id, 'art_unknown']) {
      const result = await stack.query<any>(RECORD_VIEW, { token: customer, variables: { articleId } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    for (const token of [await stack.staffToken(), await stack.integrationToken(['support:write'])]) {
      const result = await stack.query<any>(RECORD_VIEW, { token, variables: { articleId: englishCsv._id } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    expect((await repository.findArticleById(playbook._id))?.viewCount).toBe(0);
    expect((await repository.findArticleById(englishCsv._id))?.viewCount).toBe(0);
    expect(await repository.articleViews.countDocuments()).toBe(before);
  });

  it('rejects a malformed article id naming the argument', async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const result = await stack.query<any>(RECORD_VIEW, { token, variables: { articleId: 'x'.repeat(65) } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'articleId' });
  });
});
