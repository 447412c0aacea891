import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { buildArticle, seedSupport, supportRepository } from '../helpers/support';

const UPSERT_ARTICLE = `mutation($input: UpsertArticleInput!) {
  upsertArticle(input: $input) {
    id title body locale section labels url visibility viewCount createdAt updatedAt syncedAt externalIds { source id }
  }
}`;

describe('writing help-center articles through the gateway', () => {
  let stack: Stack;
  const account = buildAccount();
  const reader = buildUser(account);
  const existing = buildArticle({ title: 'Old title', viewCount: 120, externalIds: [{ source: 'zendesk', id: '4400' }], externalKeys: ['zendesk:4400'] });
  const other = buildArticle({ externalIds: [{ source: 'zendesk', id: '4401' }], externalKeys: ['zendesk:4401'] });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [reader]);
    await seedSupport(stack, { articles: [existing, other] });
  });
  afterAll(() => stack.stop());

  const countArticles = () => supportRepository(stack).articles.countDocuments();

  it('imports a Japanese article keeping its source times and stamping syncedAt', async () => {
    const result = await stack.query<any>(UPSERT_ARTICLE, {
      token: await stack.integrationToken(['support:write']),
      variables: {
        input: {
          externalIds: [{ source: 'zendesk', id: '4402' }],
          title: '請求書をCSVでエクスポートする方法',
          body: '1. 「請求」を開きます。',
          locale: 'ja-JP',
          section: 'billing',
          labels: ['CSV', 'invoice'],
          url: 'https://help.customerhub.example/hc/ja-jp/articles/4402',
          createdAt: '2025-03-01T00:00:00Z',
          updatedAt: '2025-09-01T00:00:00Z',
        },
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertArticle).toMatchObject({
      title: '請求書をCSVでエクスポートする方法',
      labels: ['csv', 'invoice'],
      visibility: 'PUBLIC',
      viewCount: 0,
      createdAt: '2025-03-01T00:00:00.000Z',
      updatedAt: '2025-09-01T00:00:00.000Z',
      externalIds: [{ source: 'zendesk', id: '4402' }],
    });
    expect(result.data.upsertArticle.id).toMatch(/^art_/);
    expect(Date.parse(result.data.upsertArticle.syncedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('updates the article matched by external id, keeping its view count and creation time', async () => {
    const before = await countArticles();
    const result = await stack.query<any>(UPSERT_ARTICLE, {
      token: await stack.integrationToken(['support:write']),
      variables: { input: { externalIds: [{ source: 'zendesk', id: '4400' }], title: 'Salesforce連携の設定', visibility: 'INTERNAL' } },
    });
    expect(result.errors).toBeUndefined();
    expect(await countArticles()).toBe(before);
    expect(result.data.upsertArticle).toMatchObject({
      id: existing._id,
      title: 'Salesforce連携の設定',
      body: existing.body,
      visibility: 'INTERNAL',
      viewCount: 120,
      createdAt: existing.createdAt.toISOString(),
    });
  });

  it('creates an internal playbook for staff with no address and no sync time', async () => {
    const result = await stack.query<any>(UPSERT_ARTICLE, {
      token: await stack.staffToken(),
      variables: { input: { title: 'P1 escalation playbook', body: 'Page the on-call.', locale: 'en-US', section: 'playbooks', visibility: 'INTERNAL' } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertArticle).toMatchObject({ url: null, labels: [], visibility: 'INTERNAL', syncedAt: null, externalIds: [] });
  });

  it('rejects an update time before the creation time naming the field, storing nothing', async () => {
    const before = await countArticles();
    const result = await stack.query<any>(UPSERT_ARTICLE, {
      token: await stack.staffToken(),
      variables: { input: { title: 'T', body: 'B', locale: 'en-US', section: 'billing', createdAt: '2025-05-01T00:00:00Z', updatedAt: '2025-04-01T00:00:00Z' } },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.updatedAt' });
    expect(await countArticles()).toBe(before);
  });

  it('names every field that creating an article needs', async () => {
    const result = await stack.query<any>(UPSERT_ARTICLE, { token: await stack.staffToken(), variables: { input: { labels: ['x'] } } });
    expect((result.errors?.[0]?.extensions?.['issues'] as Array<{ field: string }>).map((issue) => issue.field)).toEqual([
      'input.title',
      'input.body',
      'input.locale',
      'input.section',
    ]);
  });

  it("rejects an id and another article's external id with CONFLICT, changing nothing", async () => {
    const repository = supportRepository(stack);
    const stored = await repository.findArticleById(other._id);
    const result = await stack.query<any>(UPSERT_ARTICLE, {
      token: await stack.staffToken(),
      variables: { input: { id: other._id, title: 'Hijack', externalIds: [{ source: 'zendesk', id: '4400' }] } },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(await repository.findArticleById(other._id)).toEqual(stored);
  });

  it('refuses writes from customers and from integrations without support:write', async () => {
    const tokens = [await stack.customerToken(account._id, reader._id), await stack.integrationToken(['support:read'])];
    for (const token of tokens) {
      const result = await stack.query<any>(UPSERT_ARTICLE, { token, variables: { input: { id: other._id, title: 'Defaced' } } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    expect((await supportRepository(stack).findArticleById(other._id))?.title).toBe(other.title);
  });
});
