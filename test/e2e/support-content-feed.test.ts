import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type Stack } from '../helpers/stack';
import { feedQuery, readWholeFeed, type FeedName } from '../helpers/content-feed';
import { buildArticle, buildComment, buildTicket, daysFromNow, seedSupport } from '../helpers/support';

describe('the support content feeds the search index reads', () => {
  let stack: Stack;
  const tokyo = buildAccount({ locale: 'ja-JP' });
  const boston = buildAccount();
  const yamada = buildUser(tokyo, { name: '山田 太郎' });
  const jones = buildUser(boston, { name: 'Pat Jones' });

  const csvGuide = buildArticle({
    title: '請求書をCSVでエクスポートする方法',
    body: '# 手順\n\n1. 「**請求**」を開きます。\n2. [CSV](https://help.customerhub.example/csv) を選びます。',
    locale: 'ja-JP',
    section: 'billing',
    labels: ['csv', 'invoice'],
    viewCount: 41,
    createdAt: new Date('2025-03-01T00:00:00Z'),
    updatedAt: new Date('2025-09-01T00:00:00Z'),
  });
  const playbook = buildArticle({
    title: 'P1 escalation playbook',
    body: 'Page the on-call engineer.',
    section: 'playbooks',
    labels: ['escalation', 'playbooks'],
    visibility: 'INTERNAL',
    url: null,
    createdAt: new Date('2025-04-01T00:00:00Z'),
    updatedAt: new Date('2025-10-01T00:00:00Z'),
  });
  const filler = Array.from({ length: 23 }, (_, index) =>
    buildArticle({ createdAt: new Date(Date.UTC(2025, 0, 1)), updatedAt: new Date(Date.UTC(2025, 0, 1 + (index % 5))) }),
  );
  const articles = [csvGuide, playbook, ...filler];

  const billingTicket = buildTicket(yamada, {
    subject: '請求書をCSVで出力したい',
    description: '先月分の請求書をCSVで欲しいです。',
    tags: ['billing', 'churn-risk'],
    createdAt: new Date('2026-01-05T00:00:00Z'),
    updatedAt: new Date('2026-01-06T00:00:00Z'),
    comments: [
      buildComment({ authorName: '山田 太郎', authorRole: 'REQUESTER', body: '先月分の請求書をCSVで欲しいです。', createdAt: new Date('2026-01-05T00:00:00Z') }),
      buildComment({ authorRole: 'AGENT', body: '社内メモ: 返金は不可', isPublic: false, createdAt: new Date('2026-01-05T00:10:00Z') }),
      buildComment({ authorRole: 'AGENT', body: '「請求」画面から出力できます。', createdAt: new Date('2026-01-05T00:45:00Z') }),
    ],
  });
  const loginTicket = buildTicket(jones, {
    subject: 'Cannot log in with SSO',
    description: 'Our users get an error after the SAML redirect.',
    status: 'CLOSED',
    createdAt: new Date('2026-01-07T00:00:00Z'),
    updatedAt: new Date('2026-01-08T00:00:00Z'),
    comments: [
      buildComment({ authorName: 'Pat Jones', authorRole: 'REQUESTER', body: 'Our users get an error after the SAML redirect.', createdAt: new Date('2026-01-07T00:00:00Z') }),
      buildComment({ body: 'Fixed by renewing the certificate.', createdAt: new Date('2026-01-07T02:00:00Z') }),
    ],
  });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [tokyo, boston], [yamada, jones]);
    await seedSupport(stack, { articles, tickets: [billingTicket, loginTicket] });
  });
  afterAll(() => stack.stop());

  it('reports a public article for everyone and an internal one for staff only, as plain text with the section among the tags', async () => {
    const { changes } = await readWholeFeed(stack, 'articleChanges', await stack.staffToken());
    expect(changes.find((change) => change.id === csvGuide._id)).toEqual({
      id: csvGuide._id,
      type: 'ARTICLE',
      removed: false,
      title: '請求書をCSVでエクスポートする方法',
      body: '手順\n\n「請求」を開きます。\nCSV を選びます。',
      tags: ['csv', 'invoice', 'billing'],
      locale: 'ja-JP',
      audience: 'PUBLIC',
      accountId: null,
      popularity: 41,
      publishedAt: '2025-03-01T00:00:00.000Z',
      updatedAt: '2025-09-01T00:00:00.000Z',
    });
    expect(changes.find((change) => change.id === playbook._id)).toMatchObject({
      audience: 'STAFF',
      accountId: null,
      removed: false,
      tags: ['escalation', 'playbooks'],
      body: 'Page the on-call engineer.',
    });
  });

  it("reports a ticket for its account only, with the description and public answers but neither internal notes nor the staff's tags", async () => {
    const { changes } = await readWholeFeed(stack, 'ticketChanges', await stack.staffToken());
    expect(changes.find((change) => change.id === billingTicket._id)).toEqual({
      id: billingTicket._id,
      type: 'TICKET',
      removed: false,
      title: '請求書をCSVで出力したい',
      body: '先月分の請求書をCSVで欲しいです。\n\n「請求」画面から出力できます。',
      tags: [],
      locale: 'ja-JP',
      audience: 'ACCOUNT',
      accountId: tokyo._id,
      popularity: 0,
      publishedAt: '2026-01-05T00:00:00.000Z',
      updatedAt: '2026-01-06T00:00:00.000Z',
    });
    expect(JSON.stringify(changes)).not.toMatch(/社内メモ|churn-risk/);
  });

  it('keeps closed tickets findable, in English when they are written in English', async () => {
    const { changes } = await readWholeFeed(stack, 'ticketChanges', await stack.integrationToken(['support:read']));
    expect(changes.find((change) => change.id === loginTicket._id)).toMatchObject({
      removed: false,
      audience: 'ACCOUNT',
      accountId: boston._id,
      locale: 'en-US',
      body: 'Our users get an error after the SAML redirect.\n\nFixed by renewing the certificate.',
    });
  });

  it('pages through every article exactly once, oldest change first', async () => {
    const { changes, pages } = await readWholeFeed(stack, 'articleChanges', await stack.staffToken(), { first: 7 });
    expect(pages).toBe(Math.ceil(articles.length / 7));
    expect(changes.map((change) => change.id).sort()).toEqual(articles.map((article) => article._id).sort());
    const order = changes.map((change) => [change.updatedAt, change.id].join(' '));
    expect(order).toEqual([...order].sort());
  });

  it('reports only changes at or after `since`', async () => {
    const { changes } = await readWholeFeed(stack, 'articleChanges', await stack.staffToken(), { since: '2025-09-01T00:00:00.000Z' });
    expect(changes.map((change) => change.id)).toEqual([csvGuide._id, playbook._id]);
    const tickets = await readWholeFeed(stack, 'ticketChanges', await stack.staffToken(), { since: '2026-01-07T00:00:00.000Z' });
    expect(tickets.changes.map((change) => change.id)).toEqual([loginTicket._id]);
  });

  it.each<FeedName>(['ticketChanges', 'articleChanges'])('refuses %s to customers and to integrations without a support scope', async (feed) => {
    const tokens = [await stack.customerToken(tokyo._id, yamada._id), await stack.integrationToken(['accounts:read', 'community:read'])];
    for (const token of tokens) {
      const result = await stack.query<any>(feedQuery(feed), { token });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    }
  });

  it.each<FeedName>(['ticketChanges', 'articleChanges'])('serves %s to staff and to integrations with support:read or support:write', async (feed) => {
    const tokens = [await stack.staffToken(), await stack.integrationToken(['support:read']), await stack.integrationToken(['support:write'])];
    for (const token of tokens) {
      const result = await stack.query<any>(feedQuery(feed), { token, variables: { first: 1 } });
      expect(result.errors).toBeUndefined();
      expect(result.data[feed].edges).toHaveLength(1);
    }
  });

  it('refuses the feeds to a customer who reaches the support subgraph directly, past the gateway', async () => {
    const token = await stack.customerToken(tokyo._id, yamada._id);
    for (const feed of ['ticketChanges', 'articleChanges'] as const) {
      const result = await postGraphql<any>(stack.subgraphUrls['support']!, feedQuery(feed), { token });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data ?? null)).not.toContain(billingTicket._id);
    }
  });

  it.each([
    ['a page larger than 1000', { first: 1001 }, 'first'],
    ['a negative page size', { first: -1 }, 'first'],
    ['a cursor from nowhere', { after: 'not-a-cursor' }, 'after'],
  ])('rejects %s naming the argument', async (_name, variables, field) => {
    const result = await stack.query<any>(feedQuery('ticketChanges'), { token: await stack.staffToken(), variables });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  // The gateway passes custom scalars through unchecked; the subgraph's DateTime refuses the value.
  it('rejects a `since` that is not a date-time', async () => {
    const result = await postGraphql<any>(stack.subgraphUrls['support']!, feedQuery('articleChanges'), {
      token: await stack.staffToken(),
      variables: { since: 'yesterday' },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/since|ISO 8601/);
  });

  it('gives an empty last page after the newest change', async () => {
    const { changes } = await readWholeFeed(stack, 'articleChanges', await stack.staffToken(), { since: daysFromNow(1) });
    expect(changes).toEqual([]);
  });
});
