import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { readWholeFeed, type ContentChangeNode, type FeedName } from '../helpers/content-feed';
import { buildArticle, buildTicket, seedSupport } from '../helpers/support';

const UPSERT_TICKET = `mutation($input: UpsertTicketInput!) { upsertTicket(input: $input) { id updatedAt } }`;
const UPSERT_ARTICLE = `mutation($input: UpsertArticleInput!) { upsertArticle(input: $input) { id updatedAt } }`;
const RECORD_VIEW = `mutation($articleId: ID!) { recordArticleView(articleId: $articleId) { id viewCount updatedAt } }`;

describe('writes that the support content feeds report', () => {
  let stack: Stack;
  const account = buildAccount({ locale: 'ja-JP' });
  const otherAccount = buildAccount();
  const requester = buildUser(account);
  const reader = buildUser(otherAccount);
  const lastWeek = new Date(Date.now() - 7 * 86_400_000);
  // When a source changed a record, as an import reports it: long before the import runs.
  const sourceTime = new Date(lastWeek.getTime() + 3_600_000).toISOString();
  const ticket = buildTicket(requester, { subject: 'Export fails', description: 'The CSV export times out.', createdAt: lastWeek, updatedAt: lastWeek });
  const importedTicket = buildTicket(requester, {
    externalIds: [{ source: 'zendesk', id: '700' }],
    externalKeys: ['zendesk:700'],
    createdAt: lastWeek,
    updatedAt: lastWeek,
  });
  const article = buildArticle({ title: 'Exporting invoices', createdAt: lastWeek, updatedAt: lastWeek });
  const viewed = buildArticle({ title: 'Single sign-on', createdAt: lastWeek, updatedAt: lastWeek });
  const staff = () => stack.staffToken();

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account, otherAccount], [requester, reader]);
    await seedSupport(stack, { tickets: [ticket, importedTicket], articles: [article, viewed] });
  });
  afterAll(() => stack.stop());

  async function feed(name: FeedName, since?: Date): Promise<ContentChangeNode[]> {
    return (await readWholeFeed(stack, name, await staff(), since ? { since } : {})).changes;
  }

  async function write(query: string, input: Record<string, unknown>, token?: string) {
    const result = await stack.query<any>(query, { token: token ?? (await staff()), variables: { input } });
    expect(result.errors).toBeUndefined();
    return result.data;
  }

  it('puts a new ticket at the end of the feed', async () => {
    const { upsertTicket } = await write(UPSERT_TICKET, {
      subject: '請求書の宛名を変えたい',
      description: '宛名を変更できますか。',
      requesterId: requester._id,
      accountId: account._id,
    });
    const changes = await feed('ticketChanges');
    expect(changes.at(-1)).toMatchObject({ id: upsertTicket.id, title: '請求書の宛名を変えたい', audience: 'ACCOUNT', accountId: account._id });
  });

  it('moves an updated ticket to the end of the feed with its new subject, once', async () => {
    await write(UPSERT_TICKET, { id: ticket._id, subject: 'CSV export times out' });
    const changes = await feed('ticketChanges');
    expect(changes.filter((change) => change.id === ticket._id)).toHaveLength(1);
    expect(changes.at(-1)).toMatchObject({ id: ticket._id, title: 'CSV export times out' });
  });

  it("adds a public answer to the ticket's text and keeps an internal note out of it", async () => {
    const before = new Date();
    await write(UPSERT_TICKET, {
      id: ticket._id,
      status: 'SOLVED',
      comments: [
        { authorName: 'Agent', authorRole: 'AGENT', body: 'Escalated to engineering.', isPublic: false },
        { authorName: 'Agent', authorRole: 'AGENT', body: 'Fixed: exports now stream.' },
      ],
    });
    const [change] = await feed('ticketChanges', before);
    expect(change).toMatchObject({ id: ticket._id, body: 'The CSV export times out.\n\nSomething does not work.\n\nFixed: exports now stream.' });
  });

  it('re-reports a ticket moved to another account for that account only', async () => {
    const before = new Date();
    await write(UPSERT_TICKET, { id: ticket._id, accountId: otherAccount._id });
    expect(await feed('ticketChanges', before)).toEqual([expect.objectContaining({ id: ticket._id, audience: 'ACCOUNT', accountId: otherAccount._id })]);
  });

  it("reports an imported change whose source time is long past at the end of the feed, while the API shows the source's time", async () => {
    const before = new Date();
    const { upsertTicket } = await write(
      UPSERT_TICKET,
      { externalIds: [{ source: 'zendesk', id: '700' }], subject: 'Imported subject', updatedAt: sourceTime },
      await stack.integrationToken(['support:write']),
    );
    expect(upsertTicket).toEqual({ id: importedTicket._id, updatedAt: sourceTime });
    const changes = await feed('ticketChanges', before);
    expect(changes).toEqual([expect.objectContaining({ id: importedTicket._id, title: 'Imported subject' })]);
    expect(Date.parse(changes[0]!.updatedAt)).toBeGreaterThanOrEqual(before.getTime());
  });

  it('puts a new article and an edited one at the end of the feed, an imported one with its source time too', async () => {
    const before = new Date();
    const { upsertArticle: created } = await write(UPSERT_ARTICLE, { title: '新しい記事', body: '本文', locale: 'ja-JP', section: 'billing' });
    await write(UPSERT_ARTICLE, { id: article._id, body: 'Open **Billing**, then export.', updatedAt: sourceTime });
    const changes = await feed('articleChanges', before);
    expect(changes.map((change) => change.id)).toEqual([created.id, article._id]);
    expect(changes[1]).toMatchObject({ body: 'Open Billing, then export.', audience: 'PUBLIC' });
    const shown = await stack.query<any>(`query($id: ID!) { article(id: $id) { updatedAt } }`, { token: await staff(), variables: { id: article._id } });
    expect(shown.data.article.updatedAt).toBe(sourceTime);
  });

  it('re-reports an article made internal for staff only', async () => {
    const before = new Date();
    await write(UPSERT_ARTICLE, { id: article._id, visibility: 'INTERNAL' });
    expect(await feed('articleChanges', before)).toEqual([expect.objectContaining({ id: article._id, audience: 'STAFF' })]);
  });

  it("refreshes an article's popularity in the feed when its views reach 1, 2 and 4, not at the 3rd, keeping its update time", async () => {
    const token = await stack.customerToken(otherAccount._id, reader._id);
    const popularityAfterView = async (): Promise<number | undefined> => {
      const before = new Date();
      const result = await stack.query<any>(RECORD_VIEW, { token, variables: { articleId: viewed._id } });
      expect(result.data.recordArticleView.updatedAt).toBe(lastWeek.toISOString());
      return (await feed('articleChanges', before)).find((change) => change.id === viewed._id)?.popularity;
    };
    expect(await popularityAfterView()).toBe(1);
    expect(await popularityAfterView()).toBe(2);
    expect(await popularityAfterView()).toBeUndefined();
    expect(await popularityAfterView()).toBe(4);
  });
});
