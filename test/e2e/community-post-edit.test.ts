import {
  buildMember,
  buildPost,
  buildReply,
  communityCounts,
  communityRepository,
  daysAgo,
  seedCommunity,
  storedMembers,
} from '../helpers/community';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const UPDATE_POST = `mutation($id: ID!, $input: UpdatePostInput!) {
  updatePost(id: $id, input: $input) { id title body tags visibility locale updatedAt createdAt author { displayName } }
}`;
const DELETE_POST = `mutation($id: ID!) { deletePost(id: $id) }`;
const POST = `query($id: ID!) { post(id: $id) { id title } }`;
const MEMBER = `query($id: ID!) { communityMember(id: $id) { id displayName } }`;
const ACCOUNT_COMMUNITY = `query($id: ID!) { account(id: $id) { community { posts answers acceptedAnswers } } }`;

describe('editing and deleting posts', () => {
  let stack: Stack;
  const mine = buildAccount();
  const theirs = buildAccount();
  const me = buildUser(mine);
  const colleague = buildUser(mine);
  const stranger = buildUser(theirs);
  const myMember = buildMember(me, { displayName: 'Hanako', points: 100 });
  const colleagueMember = buildMember(colleague, { displayName: 'Colleague', points: 50, hasPublicContent: false });
  const strangerMember = buildMember(stranger, { displayName: 'Stranger', points: 80 });
  const question = buildPost(myMember, { title: 'How do I export invoices?', tags: ['billing'], createdAt: daysAgo(5) });
  const secret = buildPost(colleagueMember, { title: 'Our rollout plan', type: 'DISCUSSION', visibility: 'ACCOUNT', createdAt: daysAgo(4) });
  const colleagueReply = buildReply(secret, colleagueMember, { body: 'Week two looks tight' });
  const theirIdea = buildPost(strangerMember, { title: 'Bulk editing', type: 'IDEA', createdAt: daysAgo(3) });
  const answered = buildPost(myMember, { title: 'Where is the API key?', createdAt: daysAgo(6) });
  const acceptedAnswer = buildReply(answered, strangerMember, { acceptedAt: daysAgo(5) });
  const myOwnReply = buildReply(answered, myMember);
  answered.acceptedReplyId = acceptedAnswer._id;
  const colleagueStory = buildPost(colleagueMember, { title: 'How we grew', type: 'CUSTOMER_STORY', createdAt: daysAgo(2) });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, colleague, stranger]);
    await seedCommunity(stack, {
      members: [myMember, colleagueMember, strangerMember],
      posts: [question, secret, theirIdea, answered, colleagueStory],
      replies: [colleagueReply, acceptedAnswer, myOwnReply],
    });
  });
  afterAll(() => stack.stop());

  const customer = (user = me) => stack.customerToken(user.accountId, user._id);
  const storedPost = (id: string) => communityRepository(stack).posts.findOne({ _id: id });
  const pointsOf = async (memberId: string) => (await communityRepository(stack).members.findOne({ _id: memberId }))?.points;

  /** Runs a mutation and checks that no community document changed, whatever the error. */
  async function refused(mutation: string, token: string, variables: Record<string, unknown>) {
    const repository = communityRepository(stack);
    const before = { counts: await communityCounts(stack), members: await storedMembers(stack), posts: await repository.posts.find({}, { sort: { _id: 1 } }).toArray() };
    const result = await stack.query<any>(mutation, { token, variables });
    expect(await communityCounts(stack)).toEqual(before.counts);
    expect(await storedMembers(stack)).toEqual(before.members);
    expect(await repository.posts.find({}, { sort: { _id: 1 } }).toArray()).toEqual(before.posts);
    expect(result.data?.updatePost ?? result.data?.deletePost ?? null).toBeNull();
    return result.errors?.[0];
  }

  it("lets the author change a post's title, body and tags, moving updatedAt and keeping the rest", async () => {
    const result = await stack.query<any>(UPDATE_POST, {
      token: await customer(),
      variables: { id: question._id, input: { title: 'How do I export invoices as CSV?', body: 'Updated details', tags: ['Billing', 'CSV'] } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.updatePost).toMatchObject({
      id: question._id,
      title: 'How do I export invoices as CSV?',
      body: 'Updated details',
      tags: ['billing', 'csv'],
      visibility: 'PUBLIC',
      locale: 'en-US',
      createdAt: question.createdAt.toISOString(),
      author: { displayName: 'Hanako' },
    });
    expect(Date.parse(result.data.updatePost.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await storedPost(question._id)).toMatchObject({ title: 'How do I export invoices as CSV?', tags: ['billing', 'csv'] });
  });

  it('clears the tags with an empty list and leaves fields given as null alone', async () => {
    const result = await stack.query<any>(UPDATE_POST, { token: await customer(), variables: { id: question._id, input: { tags: [], title: null } } });
    expect(result.errors).toBeUndefined();
    expect(result.data.updatePost).toMatchObject({ tags: [], title: 'How do I export invoices as CSV?' });
  });

  it("makes the author's and repliers' profiles public when an account-only post becomes public", async () => {
    const token = await customer(stranger);
    expect((await stack.query<any>(MEMBER, { token, variables: { id: colleagueMember._id } })).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const result = await stack.query<any>(UPDATE_POST, { token: await customer(colleague), variables: { id: secret._id, input: { visibility: 'PUBLIC' } } });
    expect(result.errors).toBeUndefined();
    expect(result.data.updatePost.visibility).toBe('PUBLIC');
    expect((await stack.query<any>(POST, { token, variables: { id: secret._id } })).data.post).toEqual({ id: secret._id, title: 'Our rollout plan' });
    expect((await stack.query<any>(MEMBER, { token, variables: { id: colleagueMember._id } })).data.communityMember).toEqual({
      id: colleagueMember._id,
      displayName: 'Colleague',
    });
    await stack.query<any>(UPDATE_POST, { token: await customer(colleague), variables: { id: secret._id, input: { visibility: 'ACCOUNT' } } });
    expect((await stack.query<any>(POST, { token, variables: { id: secret._id } })).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('lets staff and integrations with community:write edit any post', async () => {
    const tokens = [await stack.staffToken(), await stack.integrationToken(['community:write'])];
    for (const [index, token] of tokens.entries()) {
      const title = `Bulk editing, revision ${index + 1}`;
      const result = await stack.query<any>(UPDATE_POST, { token, variables: { id: theirIdea._id, input: { title } } });
      expect(result.errors).toBeUndefined();
      expect(result.data.updatePost.title).toBe(title);
    }
  });

  it('refuses an edit by a colleague who is not the author, by another account, or by a read-only integration, changing nothing', async () => {
    const cases: Array<[string, string]> = [
      [await customer(colleague), question._id],
      [await customer(stranger), question._id],
      [await customer(stranger), secret._id],
      [await stack.integrationToken(['community:read']), question._id],
    ];
    for (const [token, id] of cases) {
      const error = await refused(UPDATE_POST, token, { id, input: { title: 'Hijacked' } });
      expect(error?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  it.each([
    ['no field to change', {}, 'input'],
    ['only nulls', { title: null, body: null }, 'input'],
    ['an empty title', { title: '   ' }, 'input.title'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'input.title'],
    ['a body over 20,000 characters', { body: 'x'.repeat(20_001) }, 'input.body'],
    ['a tag with spaces', { tags: ['two words'] }, 'input.tags.0'],
    ['more than ten tags', { tags: Array.from({ length: 11 }, (_, index) => `t${index}`) }, 'input.tags'],
  ])('rejects an edit with %s, naming the field and changing nothing', async (_name, input, field) => {
    const error = await refused(UPDATE_POST, await customer(), { id: question._id, input });
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('rejects an unknown visibility or field in the variables, changing nothing', async () => {
    for (const input of [{ visibility: 'SECRET' }, { pinned: true }]) {
      const error = await refused(UPDATE_POST, await customer(), { id: question._id, input });
      expect(error?.message).toMatch(/visibility|SECRET|pinned/);
    }
  });

  it('answers NOT_FOUND for an unknown post and BAD_USER_INPUT for a malformed id', async () => {
    const token = await stack.staffToken();
    const missing = await refused(UPDATE_POST, token, { id: 'pst_missing', input: { title: 'x' } });
    expect(missing?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const malformed = await refused(UPDATE_POST, token, { id: 'pst/../x', input: { title: 'x' } });
    expect(malformed?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await refused(DELETE_POST, token, { id: 'pst_missing' }))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a deletion by anyone but the author or staff, deleting nothing', async () => {
    for (const token of [await customer(colleague), await customer(stranger), await stack.integrationToken(['community:read'])]) {
      const error = await refused(DELETE_POST, token, { id: answered._id });
      expect(error?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  it('lets the author delete a post with its replies, taking back the points they earned', async () => {
    const staff = await stack.staffToken();
    const summaryBefore = (await stack.query<any>(ACCOUNT_COMMUNITY, { token: staff, variables: { id: theirs._id } })).data.account.community;
    const points = { mine: await pointsOf(myMember._id), stranger: await pointsOf(strangerMember._id) };
    const result = await stack.query<any>(DELETE_POST, { token: await customer(), variables: { id: answered._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.deletePost).toBe(answered._id);
    expect((await stack.query<any>(POST, { token: staff, variables: { id: answered._id } })).data.post).toBeNull();
    expect(await communityRepository(stack).replies.countDocuments({ postId: answered._id })).toBe(0);
    // 10 for the question and 5 for my own reply; 5 for the stranger's reply and 25 for its acceptance.
    expect(await pointsOf(myMember._id)).toBe(points.mine! - 15);
    expect(await pointsOf(strangerMember._id)).toBe(points.stranger! - 30);
    const summaryAfter = (await stack.query<any>(ACCOUNT_COMMUNITY, { token: staff, variables: { id: theirs._id } })).data.account.community;
    expect(summaryAfter).toEqual({ ...summaryBefore, answers: summaryBefore.answers - 1, acceptedAnswers: summaryBefore.acceptedAnswers - 1 });
    const again = await stack.query<any>(DELETE_POST, { token: await customer(), variables: { id: answered._id } });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(await pointsOf(myMember._id)).toBe(points.mine! - 15);
  });

  it('lets staff delete any post, never taking points below zero', async () => {
    await communityRepository(stack).members.updateOne({ _id: colleagueMember._id }, { $set: { points: 4 } });
    const result = await stack.query<any>(DELETE_POST, { token: await stack.staffToken(), variables: { id: colleagueStory._id } });
    expect(result.errors).toBeUndefined();
    expect(await storedPost(colleagueStory._id)).toBeNull();
    expect(await pointsOf(colleagueMember._id)).toBe(0);
    const badges = (await communityRepository(stack).members.findOne({ _id: colleagueMember._id }))?.badges;
    expect(badges).toEqual(colleagueMember.badges);
  });
});
