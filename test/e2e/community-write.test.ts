import { buildMember, buildPost, buildReply, communityCounts, communityRepository, seedCommunity } from '../helpers/community';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const CREATE_POST = `mutation($input: CreatePostInput!) {
  createPost(input: $input) {
    id type title tags locale visibility views votes
    author { displayName points rank badges { kind } user { id } }
    account { id }
  }
}`;
const REPLY = `mutation($input: ReplyInput!) {
  reply(input: $input) { id body isAccepted author { displayName points badges { kind } } post { id } }
}`;
const ACCEPT = `mutation($postId: ID!, $replyId: ID!) {
  acceptAnswer(postId: $postId, replyId: $replyId) { id acceptedAnswer { id isAccepted author { points } } }
}`;

describe('writing posts, replies and accepted answers', () => {
  let stack: Stack;
  const mine = buildAccount();
  const theirs = buildAccount();
  const me = buildUser(mine);
  const colleague = buildUser(mine);
  const newcomer = buildUser(mine);
  const stranger = buildUser(theirs);
  const myMember = buildMember(me, { displayName: 'Hanako', points: 40 });
  const colleagueMember = buildMember(colleague, { displayName: 'Colleague' });
  const strangerMember = buildMember(stranger, { displayName: 'Stranger' });
  const myQuestion = buildPost(myMember, { title: 'How do I export invoices?' });
  const discussion = buildPost(myMember, { type: 'DISCUSSION' });
  const theirSecret = buildPost(strangerMember, { visibility: 'ACCOUNT', title: 'Northwind internal' });
  const strangerAnswer = buildReply(myQuestion, strangerMember, { body: 'Use the export button' });
  const colleagueAnswer = buildReply(myQuestion, colleagueMember, { body: 'Ask your admin' });
  const discussionReply = buildReply(discussion, colleagueMember);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, colleague, newcomer, stranger]);
    await seedCommunity(stack, {
      members: [myMember, colleagueMember, strangerMember],
      posts: [myQuestion, discussion, theirSecret],
      replies: [strangerAnswer, colleagueAnswer, discussionReply],
    });
  });
  afterAll(() => stack.stop());

  const customer = (user = me) => stack.customerToken(user.accountId, user._id);
  const pointsOf = async (memberId: string) => (await communityRepository(stack).members.findOne({ _id: memberId }))?.points;

  it('lets a customer post as themselves and earn points for it', async () => {
    const result = await stack.query<any>(CREATE_POST, {
      token: await customer(),
      variables: { input: { type: 'QUESTION', title: 'Salesforce連携の設定', body: '手順を教えてください', tags: ['Salesforce', 'salesforce', 'API'] } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.createPost).toMatchObject({
      type: 'QUESTION',
      title: 'Salesforce連携の設定',
      tags: ['salesforce', 'api'],
      locale: 'ja-JP',
      visibility: 'PUBLIC',
      views: 0,
      votes: 0,
      author: { displayName: 'Hanako', points: 50, rank: 'CONTRIBUTOR', badges: [{ kind: 'FIRST_POST' }], user: { id: me._id } },
      account: { id: mine._id },
    });
    expect(result.data.createPost.id).toMatch(/^pst_/);
  });

  it("creates a first-time author's community profile from the display name they give", async () => {
    const result = await stack.query<any>(CREATE_POST, {
      token: await customer(newcomer),
      variables: { input: { type: 'IDEA', title: 'Dark mode', body: 'Please', displayName: 'New Person', visibility: 'ACCOUNT' } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.createPost.author).toMatchObject({ displayName: 'New Person', points: 10, rank: 'NEWCOMER', user: { id: newcomer._id } });
    const profile = await stack.query<any>(`{ viewer { user { community { displayName joinedAt } } } }`, { token: await customer(newcomer) });
    expect(profile.data.viewer.user.community.displayName).toBe('New Person');
    expect(Date.parse(profile.data.viewer.user.community.joinedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps an account-only post within the account', async () => {
    const created = await stack.query<any>(CREATE_POST, {
      token: await customer(),
      variables: { input: { type: 'DISCUSSION', title: 'Our rollout', body: 'Internal', visibility: 'ACCOUNT' } },
    });
    const query = `query($id: ID!) { post(id: $id) { title } }`;
    const variables = { id: created.data.createPost.id };
    expect((await stack.query<any>(query, { token: await customer(colleague), variables })).data.post).toEqual({ title: 'Our rollout' });
    const outsider = await stack.query<any>(query, { token: await customer(stranger), variables });
    expect(outsider.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses a first post without a display name, storing nothing', async () => {
    const before = await communityCounts(stack);
    const loner = buildUser(mine);
    const result = await stack.query<any>(CREATE_POST, {
      token: await customer(loner),
      variables: { input: { type: 'QUESTION', title: 'Hello', body: 'Anyone?' } },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.displayName' });
    expect(await communityCounts(stack)).toEqual(before);
  });

  it('refuses a customer posting as someone else, storing nothing', async () => {
    const before = await communityCounts(stack);
    for (const input of [{ authorUserId: colleague._id }, { accountId: theirs._id }]) {
      const result = await stack.query<any>(CREATE_POST, {
        token: await customer(),
        variables: { input: { type: 'QUESTION', title: 'Spoofed', body: 'x', ...input } },
      });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    expect(await communityCounts(stack)).toEqual(before);
  });

  it('lets staff post on behalf of a user, naming both the user and the account', async () => {
    const token = await stack.staffToken();
    const missing = await stack.query<any>(CREATE_POST, { token, variables: { input: { type: 'QUESTION', title: 'x', body: 'y', authorUserId: stranger._id } } });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.accountId' });
    const result = await stack.query<any>(CREATE_POST, {
      token,
      variables: { input: { type: 'CUSTOMER_STORY', title: 'How Northwind grew', body: 'Story', authorUserId: stranger._id, accountId: theirs._id } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.createPost).toMatchObject({ type: 'CUSTOMER_STORY', locale: 'en-US', author: { displayName: 'Stranger' }, account: { id: theirs._id } });
    expect(result.data.createPost.author.badges.map((badge: any) => badge.kind)).toEqual(['FIRST_POST', 'STORYTELLER']);
  });

  it('imports a post from an integration with community:write once per external id', async () => {
    const token = await stack.integrationToken(['community:write']);
    const input = {
      type: 'DISCUSSION',
      title: 'Imported topic',
      body: 'From the old forum',
      authorUserId: colleague._id,
      accountId: mine._id,
      externalIds: [{ source: 'discourse', id: '77' }],
    };
    const first = await stack.query<any>(`mutation($input: CreatePostInput!) { createPost(input: $input) { id externalIds { id } syncedAt } }`, {
      token,
      variables: { input },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data.createPost.externalIds).toEqual([{ id: '77' }]);
    expect(first.data.createPost.syncedAt).not.toBeNull();
    const before = await communityCounts(stack);
    const again = await stack.query<any>(CREATE_POST, { token, variables: { input } });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(await communityCounts(stack)).toEqual(before);
  });

  it('refuses writes from integrations without community:write and external ids from customers', async () => {
    const before = await communityCounts(stack);
    const reader = await stack.query<any>(CREATE_POST, {
      token: await stack.integrationToken(['community:read']),
      variables: { input: { type: 'QUESTION', title: 'x', body: 'y', authorUserId: me._id, accountId: mine._id } },
    });
    expect(reader.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const customerImport = await stack.query<any>(CREATE_POST, {
      token: await customer(),
      variables: { input: { type: 'QUESTION', title: 'x', body: 'y', externalIds: [{ source: 'discourse', id: '1' }] } },
    });
    expect(customerImport.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await communityCounts(stack)).toEqual(before);
  });

  it('lets a customer reply to a post they can see and earn points', async () => {
    const before = await pointsOf(colleagueMember._id);
    const result = await stack.query<any>(REPLY, { token: await customer(colleague), variables: { input: { postId: myQuestion._id, body: 'Try Settings' } } });
    expect(result.errors).toBeUndefined();
    expect(result.data.reply).toMatchObject({ body: 'Try Settings', isAccepted: false, post: { id: myQuestion._id }, author: { displayName: 'Colleague' } });
    expect(result.data.reply.author.badges).toContainEqual({ kind: 'FIRST_REPLY' });
    expect(await pointsOf(colleagueMember._id)).toBe((before ?? 0) + 5);
  });

  it("refuses a reply to another account's account-only post and to a missing post, storing nothing", async () => {
    const before = await communityCounts(stack);
    const hidden = await stack.query<any>(REPLY, { token: await customer(), variables: { input: { postId: theirSecret._id, body: 'Let me in' } } });
    expect(hidden.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const missing = await stack.query<any>(REPLY, { token: await customer(), variables: { input: { postId: 'pst_missing', body: 'Hello' } } });
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(await communityCounts(stack)).toEqual(before);
  });

  it("refuses to accept an answer for someone else's question", async () => {
    const result = await stack.query<any>(ACCEPT, { token: await customer(colleague), variables: { postId: myQuestion._id, replyId: colleagueAnswer._id } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await communityRepository(stack).findPostById(myQuestion._id))?.acceptedReplyId).toBeNull();
  });

  it.each([
    ['a reply of another post', () => ({ postId: myQuestion._id, replyId: discussionReply._id }), 'replyId'],
    ['a post that is not a question', () => ({ postId: discussion._id, replyId: discussionReply._id }), 'postId'],
  ])('refuses to accept %s with BAD_USER_INPUT', async (_name, variables, field) => {
    const result = await stack.query<any>(ACCEPT, { token: await customer(), variables: variables() });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it("accepts an answer for the question's author, rewarding the reply's author once", async () => {
    const before = await pointsOf(strangerMember._id);
    const variables = { postId: myQuestion._id, replyId: strangerAnswer._id };
    const result = await stack.query<any>(ACCEPT, { token: await customer(), variables });
    expect(result.errors).toBeUndefined();
    expect(result.data.acceptAnswer).toEqual({ id: myQuestion._id, acceptedAnswer: { id: strangerAnswer._id, isAccepted: true, author: { points: (before ?? 0) + 25 } } });
    const again = await stack.query<any>(ACCEPT, { token: await customer(), variables });
    expect(again.errors).toBeUndefined();
    expect(await pointsOf(strangerMember._id)).toBe((before ?? 0) + 25);
    const badges = (await communityRepository(stack).members.findOne({ _id: strangerMember._id }))?.badges.map((badge) => badge.kind);
    expect(badges).toContain('ACCEPTED_ANSWER');
  });

  it('refuses a second, different accepted answer with CONFLICT', async () => {
    const result = await stack.query<any>(ACCEPT, { token: await stack.staffToken(), variables: { postId: myQuestion._id, replyId: colleagueAnswer._id } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect((await communityRepository(stack).findPostById(myQuestion._id))?.acceptedReplyId).toBe(strangerAnswer._id);
  });

  it('lets staff accept an answer, and awards no points for answering oneself', async () => {
    const question = buildPost(colleagueMember);
    const ownAnswer = buildReply(question, colleagueMember);
    await seedCommunity(stack, { posts: [question], replies: [ownAnswer] });
    const before = await pointsOf(colleagueMember._id);
    const result = await stack.query<any>(ACCEPT, { token: await stack.staffToken(), variables: { postId: question._id, replyId: ownAnswer._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.acceptAnswer.acceptedAnswer.isAccepted).toBe(true);
    expect(await pointsOf(colleagueMember._id)).toBe(before);
  });
});
