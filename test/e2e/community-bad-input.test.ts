import { buildEvent, buildMember, buildPost, buildReply, communityCounts, seedCommunity, storedMembers } from '../helpers/community';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const CREATE_POST = `mutation($input: CreatePostInput!) { createPost(input: $input) { id } }`;
const REPLY = `mutation($input: ReplyInput!) { reply(input: $input) { id } }`;
const ACCEPT = `mutation($postId: ID!, $replyId: ID!) { acceptAnswer(postId: $postId, replyId: $replyId) { id } }`;
const REGISTER = `mutation($eventId: ID!) { registerForEvent(eventId: $eventId) { id } }`;

describe('refusing bad input to community mutations', () => {
  let stack: Stack;
  const account = buildAccount();
  const me = buildUser(account);
  const member = buildMember(me);
  const question = buildPost(member);
  const reply = buildReply(question, member);
  const event = buildEvent();
  const post = { type: 'QUESTION', title: 'A question', body: 'Details' };
  const tooLong = (length: number) => 'x'.repeat(length + 1);

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [me]);
    await seedCommunity(stack, { members: [member], posts: [question], replies: [reply], events: [event] });
  });
  afterAll(() => stack.stop());

  /** Runs a mutation as the customer and checks that nothing in the community database changed. */
  async function refused(mutation: string, variables: Record<string, unknown>) {
    const before = { counts: await communityCounts(stack), members: await storedMembers(stack) };
    const result = await stack.query<any>(mutation, { token: await stack.customerToken(account._id, me._id), variables });
    expect(await communityCounts(stack)).toEqual(before.counts);
    expect(await storedMembers(stack)).toEqual(before.members);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    return result.errors?.[0];
  }

  it.each([
    ['an empty title', { ...post, title: '   ' }, 'input.title'],
    ['a title over 200 characters', { ...post, title: tooLong(200) }, 'input.title'],
    ['a body over 20,000 characters', { ...post, body: tooLong(20_000) }, 'input.body'],
    ['a tag with spaces', { ...post, tags: ['two words'] }, 'input.tags.0'],
    ['more than ten tags', { ...post, tags: Array.from({ length: 11 }, (_, index) => `t${index}`) }, 'input.tags'],
    ['a malformed locale', { ...post, locale: 'japanese' }, 'input.locale'],
    ['a display name over 80 characters', { ...post, displayName: tooLong(80) }, 'input.displayName'],
  ])('rejects a post with %s, naming the field', async (_name, input, field) => {
    const error = await refused(CREATE_POST, { input });
    expect(error?.extensions?.['field']).toBe(field);
  });

  it.each([
    ['a number where a string belongs', { ...post, title: 42 }, /title/],
    ['an operator object where a string belongs', { ...post, title: { $ne: '' } }, /title/],
    ['an unknown field', { ...post, pinned: true }, /pinned/],
    ['an unknown enum value', { ...post, type: 'POLL' }, /type|POLL/],
    ['an unknown visibility', { ...post, visibility: 'SECRET' }, /visibility|SECRET/],
    ['a missing required field', { type: 'QUESTION', title: 'No body' }, /body/],
  ])('rejects a post with %s in the variables', async (_name, input, message) => {
    const error = await refused(CREATE_POST, { input });
    expect(error?.message).toMatch(message);
  });

  it.each([
    ['an empty body', { postId: question._id, body: '' }, 'input.body'],
    ['a body over 20,000 characters', { postId: question._id, body: tooLong(20_000) }, 'input.body'],
    ['a malformed post id', { postId: 'pst/../../etc', body: 'Hi' }, 'input.postId'],
  ])('rejects a reply with %s, naming the field', async (_name, input, field) => {
    const error = await refused(REPLY, { input });
    expect(error?.extensions?.['field']).toBe(field);
  });

  it.each([
    ['an operator object where the post id belongs', { postId: { $ne: '' }, body: 'Hi' }, /postId/],
    ['a number where the body belongs', { postId: question._id, body: 7 }, /body/],
    ['an unknown field', { postId: question._id, body: 'Hi', score: 5 }, /score/],
  ])('rejects a reply with %s in the variables', async (_name, input, message) => {
    const error = await refused(REPLY, { input });
    expect(error?.message).toMatch(message);
  });

  it.each([
    ['a malformed question id', { postId: tooLong(64), replyId: reply._id }, 'postId'],
    ['a malformed reply id', { postId: question._id, replyId: 'rpl with spaces' }, 'replyId'],
  ])('rejects accepting an answer with %s, naming the argument', async (_name, variables, field) => {
    const error = await refused(ACCEPT, variables);
    expect(error?.extensions?.['field']).toBe(field);
  });

  it('rejects accepting an answer with an operator object for an id', async () => {
    const error = await refused(ACCEPT, { postId: question._id, replyId: { $gt: '' } });
    expect(error?.message).toMatch(/replyId/);
  });

  it('rejects registering with a malformed event id, naming the argument', async () => {
    const error = await refused(REGISTER, { eventId: `${event._id}"; drop` });
    expect(error?.extensions?.['field']).toBe('eventId');
  });

  it('rejects registering with an operator object for the event id', async () => {
    const error = await refused(REGISTER, { eventId: { $ne: null } });
    expect(error?.message).toMatch(/eventId/);
  });
});
