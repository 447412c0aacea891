import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { readWholeFeed } from '../helpers/content-feed';
import { buildArticle, buildArticleViewDay, seedSupport, supportRepository } from '../helpers/support';

const DELETE_ARTICLE = `mutation($id: ID!) { deleteArticle(id: $id) }`;
const ARTICLE = `query($id: ID!) { article(id: $id) { id } }`;
const SELF_SERVICE = `query($id: ID!) { account(id: $id) { support { selfServiceRate } } }`;

describe('deleting help-center articles', () => {
  let stack: Stack;
  const account = buildAccount();
  const reader = buildUser(account);
  const outdated = buildArticle({ title: 'The old export screen', createdAt: new Date('2025-02-01T00:00:00Z'), updatedAt: new Date('2025-06-01T00:00:00Z') });
  const imported = buildArticle({ title: 'Imported guide', externalIds: [{ source: 'zendesk', id: '880' }], externalKeys: ['zendesk:880'] });
  const kept = buildArticle({ title: 'Still current' });
  const viewsToday = buildArticleViewDay(account, 0, 3);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [reader]);
    await seedSupport(stack, { articles: [outdated, imported, kept], articleViewDays: [viewsToday] });
  });
  afterAll(() => stack.stop());

  const snapshot = async () => {
    const repository = supportRepository(stack);
    return {
      articles: await repository.articles.find({}, { sort: { _id: 1 } }).toArray(),
      removals: await repository.removals.find({}, { sort: { _id: 1 } }).toArray(),
    };
  };

  it('deletes an article for staff: gone from the graph, and reported as removed at the end of the feed', async () => {
    const staff = await stack.staffToken();
    const before = new Date();
    const result = await stack.query<any>(DELETE_ARTICLE, { token: staff, variables: { id: outdated._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.deleteArticle).toBe(outdated._id);
    expect((await stack.query<any>(ARTICLE, { token: staff, variables: { id: outdated._id } })).data.article).toBeNull();

    const { changes } = await readWholeFeed(stack, 'articleChanges', staff);
    expect(changes.filter((change) => change.id === outdated._id)).toEqual([
      expect.objectContaining({ id: outdated._id, type: 'ARTICLE', removed: true, title: '', body: '', publishedAt: '2025-02-01T00:00:00.000Z' }),
    ]);
    expect(changes.at(-1)?.id).toBe(outdated._id);
    expect(Date.parse(changes.at(-1)!.updatedAt)).toBeGreaterThanOrEqual(before.getTime());
  });

  it("keeps the account's counted views: a view day belongs to an account, not to an article", async () => {
    const token = await stack.staffToken();
    const rate = await stack.query<any>(SELF_SERVICE, { token, variables: { id: account._id } });
    expect(rate.data.account.support.selfServiceRate).toBe(1);
    expect(await supportRepository(stack).articleViews.findOne({ _id: viewsToday._id })).toMatchObject({ views: 3 });
  });

  it('deletes an article for an integration with support:write, which can then import it anew under the same external id', async () => {
    const token = await stack.integrationToken(['support:write']);
    expect((await stack.query<any>(DELETE_ARTICLE, { token, variables: { id: imported._id } })).data.deleteArticle).toBe(imported._id);
    const reimport = await stack.query<any>(
      `mutation($input: UpsertArticleInput!) { upsertArticle(input: $input) { id } }`,
      { token, variables: { input: { externalIds: [{ source: 'zendesk', id: '880' }], title: 'Imported guide', body: 'Text', locale: 'en-US', section: 'billing' } } },
    );
    expect(reimport.errors).toBeUndefined();
    expect(reimport.data.upsertArticle.id).not.toBe(imported._id);
  });

  it('answers NOT_FOUND for an unknown article and for one already deleted, recording nothing', async () => {
    const before = await snapshot();
    for (const id of ['art_unknown', outdated._id]) {
      const result = await stack.query<any>(DELETE_ARTICLE, { token: await stack.staffToken(), variables: { id } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Article', id });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses customers and integrations without support:write, deleting nothing', async () => {
    const before = await snapshot();
    const tokens = [await stack.customerToken(account._id, reader._id), await stack.integrationToken(['support:read'])];
    for (const token of tokens) {
      const result = await stack.query<any>(DELETE_ARTICLE, { token, variables: { id: kept._id } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a too-long id', 'a'.repeat(65)],
    ['an id with spaces', 'art 1'],
  ])('rejects %s naming the argument, deleting nothing', async (_name, id) => {
    const before = await snapshot();
    const result = await stack.query<any>(DELETE_ARTICLE, { token: await stack.staffToken(), variables: { id } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await snapshot()).toEqual(before);
  });
});
