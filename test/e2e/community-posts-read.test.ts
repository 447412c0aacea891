import { buildMember, buildPost, buildReply, daysAgo, seedCommunity } from '../helpers/community';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type Stack } from '../helpers/stack';

const POSTS = `query($filter: PostFilter, $first: Int, $after: String) {
  posts(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { node { id title visibility } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const POST = `query($id: ID!) { post(id: $id) { id title visibility } }`;
const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Post { id title } } }`;

describe('reading community posts', () => {
  let stack: Stack;
  const mine = buildAccount({ name: 'Sakura Logistics', locale: 'ja-JP' });
  const theirs = buildAccount({ name: 'Northwind Analytics' });
  const me = buildUser(mine, { name: '佐藤 花子' });
  const colleague = buildUser(mine);
  const stranger = buildUser(theirs);
  const myMember = buildMember(me, { displayName: 'はなこ', points: 260, badges: [{ kind: 'FIRST_POST', earnedAt: daysAgo(100) }] });
  const colleagueMember = buildMember(colleague, { displayName: 'Colleague', hasPublicContent: false });
  const strangerMember = buildMember(stranger, { displayName: 'Stranger', points: 1_200 });
  const question = buildPost(myMember, {
    title: '請求書をCSVでエクスポートする方法',
    locale: 'ja-JP',
    tags: ['csv', 'billing'],
    createdAt: daysAgo(1),
    externalIds: [{ source: 'discourse', id: 't1' }],
    externalKeys: ['discourse:t1'],
    syncedAt: daysAgo(1),
  });
  const ourSecret = buildPost(colleagueMember, { title: 'Our internal rollout plan', type: 'DISCUSSION', visibility: 'ACCOUNT', createdAt: daysAgo(2) });
  const theirStory = buildPost(strangerMember, { title: 'How we cut reporting time', type: 'CUSTOMER_STORY', tags: ['reporting'], createdAt: daysAgo(3) });
  const theirSecret = buildPost(strangerMember, { title: 'Northwind renewal worries', type: 'IDEA', visibility: 'ACCOUNT', createdAt: daysAgo(4) });
  const theirIdea = buildPost(strangerMember, { title: 'Bulk editing for dashboards', type: 'IDEA', tags: ['csv'], createdAt: daysAgo(5) });
  const answer = buildReply(question, strangerMember, { body: 'Use the export button', acceptedAt: daysAgo(0.5) });
  const thanks = buildReply(question, myMember, { body: 'ありがとうございます' });
  question.acceptedReplyId = answer._id;
  const everyTitle = [question, ourSecret, theirStory, theirSecret, theirIdea].map((post) => post.title);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, colleague, stranger]);
    await seedCommunity(stack, {
      members: [myMember, colleagueMember, strangerMember],
      posts: [question, ourSecret, theirStory, theirSecret, theirIdea],
      replies: [answer, thanks],
    });
  });
  afterAll(() => stack.stop());

  const customer = () => stack.customerToken(mine._id, me._id);

  it('lets staff see every post, newest first', async () => {
    const result = await stack.query<any>(POSTS, { token: await stack.staffToken() });
    expect(result.errors).toBeUndefined();
    expect(result.data.posts.totalCount).toBe(5);
    expect(result.data.posts.edges.map((edge: any) => edge.node.title)).toEqual(everyTitle);
  });

  it("shows a customer public posts and their own account's posts, and counts only those", async () => {
    const result = await stack.query<any>(POSTS, { token: await customer() });
    expect(result.data.posts.totalCount).toBe(4);
    expect(result.data.posts.edges.map((edge: any) => edge.node.title)).toEqual([question.title, ourSecret.title, theirStory.title, theirIdea.title]);
    expect(JSON.stringify(result)).not.toContain(theirSecret.title);
  });

  it('pages through what the customer may see without gaps or repeats', async () => {
    const token = await customer();
    const first = await stack.query<any>(POSTS, { token, variables: { first: 3 } });
    const second = await stack.query<any>(POSTS, { token, variables: { first: 3, after: first.data.posts.pageInfo.endCursor } });
    expect(first.data.posts.pageInfo.hasNextPage).toBe(true);
    expect(second.data.posts.pageInfo.hasNextPage).toBe(false);
    const titles = [...first.data.posts.edges, ...second.data.posts.edges].map((edge: any) => edge.node.title);
    expect(titles).toEqual([question.title, ourSecret.title, theirStory.title, theirIdea.title]);
    expect(second.data.posts.totalCount).toBe(4);
  });

  it.each([
    ['types', { types: ['IDEA'] }, [theirIdea.title]],
    ['tags (every tag must be present)', { tags: ['CSV', 'billing'] }, [question.title]],
    ['locale', { locale: 'ja-JP' }, [question.title]],
    ['author', { authorId: strangerMember._id }, [theirStory.title, theirIdea.title]],
  ])('filters posts by %s after applying the customer\'s rights', async (_name, filter, titles) => {
    const result = await stack.query<any>(POSTS, { token: await customer(), variables: { filter } });
    expect(result.errors).toBeUndefined();
    expect(result.data.posts.edges.map((edge: any) => edge.node.title)).toEqual(titles);
    expect(result.data.posts.totalCount).toBe(titles.length);
  });

  it('rejects a bad filter naming the field', async () => {
    const result = await stack.query<any>(POSTS, { token: await customer(), variables: { filter: { tags: ['has space'] } } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.tags.0' });
  });

  it("gives a customer FORBIDDEN and no data for another account's account-only post", async () => {
    const result = await stack.query<any>(POST, { token: await customer(), variables: { id: theirSecret._id } });
    expect(result.data?.post).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain(theirSecret.title);
  });

  it.each([
    ['staff', () => stack.staffToken(), [true, true, true]],
    ['a customer of the same account', () => stack.customerToken(mine._id, colleague._id), [true, true, false]],
    ['a customer of another account', () => stack.customerToken(theirs._id, stranger._id), [true, false, true]],
  ])('reads single posts as %s according to visibility', async (_name, token, [canReadPublic, canReadOurs, canReadTheirs]) => {
    for (const [post, allowed] of [
      [question, canReadPublic],
      [ourSecret, canReadOurs],
      [theirSecret, canReadTheirs],
    ] as const) {
      const result = await stack.query<any>(POST, { token: await token(), variables: { id: post._id } });
      if (allowed) expect(result.data.post).toEqual({ id: post._id, title: post.title, visibility: post.visibility });
      else expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  it('returns null for a post that does not exist', async () => {
    const result = await stack.query<any>(POST, { token: await customer(), variables: { id: 'pst_missing' } });
    expect(result.errors).toBeUndefined();
    expect(result.data.post).toBeNull();
  });

  it('shows the author as a public community profile and the account only to those who may read it', async () => {
    const query = `query($id: ID!) { post(id: $id) {
      author { id displayName points rank badges { kind name } user { id } account { id } }
      account { id name }
    } }`;
    const stranger_ = await stack.query<any>(query, { token: await stack.customerToken(theirs._id, stranger._id), variables: { id: question._id } });
    expect(stranger_.errors).toBeUndefined();
    expect(stranger_.data.post).toEqual({
      author: { id: myMember._id, displayName: 'はなこ', points: 260, rank: 'EXPERT', badges: [{ kind: 'FIRST_POST', name: 'First Post' }], user: null, account: null },
      account: null,
    });
    expect(JSON.stringify(stranger_)).not.toContain(mine._id);
    const own = await stack.query<any>(query, { token: await customer(), variables: { id: question._id } });
    expect(own.data.post.account).toEqual({ id: mine._id, name: mine.name });
    expect(own.data.post.author.user).toEqual({ id: me._id });
    const staff = await stack.query<any>(query, { token: await stack.staffToken(), variables: { id: theirStory._id } });
    expect(staff.data.post.account).toEqual({ id: theirs._id, name: theirs.name });
    expect(staff.data.post.author.rank).toBe('LEADER');
  });

  it('lists replies oldest first with the accepted answer marked', async () => {
    const result = await stack.query<any>(
      `query($id: ID!) { post(id: $id) {
        replies(first: 10) { totalCount edges { node { body isAccepted author { displayName } post { id } } } }
        acceptedAnswer { id body acceptedAt }
      } }`,
      { token: await stack.customerToken(theirs._id, stranger._id), variables: { id: question._id } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.post.replies.totalCount).toBe(2);
    expect(result.data.post.replies.edges.map((edge: any) => edge.node)).toEqual([
      { body: 'Use the export button', isAccepted: true, author: { displayName: 'Stranger' }, post: { id: question._id } },
      { body: 'ありがとうございます', isAccepted: false, author: { displayName: 'はなこ' }, post: { id: question._id } },
    ]);
    expect(result.data.post.acceptedAnswer).toMatchObject({ id: answer._id, body: 'Use the export button' });
  });

  it('keeps external ids and sync times from customers', async () => {
    const query = `query($id: ID!) { post(id: $id) { title externalIds { source id } syncedAt author { externalIds { id } } } }`;
    const result = await stack.query<any>(query, { token: await customer(), variables: { id: question._id } });
    expect(result.data.post.title).toBe(question.title);
    expect(result.data.post.externalIds).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const staff = await stack.query<any>(query, { token: await stack.staffToken(), variables: { id: question._id } });
    expect(staff.errors).toBeUndefined();
    expect(staff.data.post.externalIds).toEqual([{ source: 'discourse', id: 't1' }]);
  });

  it('lets an integration read with community:read and not without a community scope', async () => {
    const reader = await stack.query<any>(POSTS, { token: await stack.integrationToken(['community:read']) });
    expect(reader.data.posts.totalCount).toBe(5);
    const other = await stack.query<any>(POSTS, { token: await stack.integrationToken(['accounts:read']) });
    expect(other.data).toBeNull();
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('answers without a token with UNAUTHENTICATED, at the gateway and at the subgraph', async () => {
    for (const url of [stack.gatewayUrl, stack.subgraphUrls['community']!]) {
      const result = await postGraphql(url, POSTS);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(result.data ?? null).toBeNull();
    }
  });

  it('authorizes Post _entities like post(id) when the subgraph is called directly', async () => {
    const representations = [question, theirSecret].map((post) => ({ __typename: 'Post', id: post._id }));
    const result = await postGraphql<any>(stack.subgraphUrls['community']!, ENTITIES, { token: await customer(), variables: { representations } });
    expect(result.data._entities[0]).toEqual({ id: question._id, title: question.title });
    expect(result.data._entities[1]).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain(theirSecret.title);
    const staff = await postGraphql<any>(stack.subgraphUrls['community']!, ENTITIES, { token: await stack.staffToken(), variables: { representations } });
    expect(staff.data._entities.map((entity: any) => entity.title)).toEqual([question.title, theirSecret.title]);
  });
});
