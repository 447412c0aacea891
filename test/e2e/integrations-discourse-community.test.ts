import { buildMember, buildPost, buildReply, communityCounts, communityRepository, seedCommunity } from '../helpers/community';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

/** What the community offers platforms it mirrors: lookups by their ids, reply edits and removals, member profiles. */
const POST_BY_EXTERNAL_ID = `query($source: String!, $id: String!) { postByExternalId(source: $source, id: $id) { id title } }`;
const REPLY_BY_EXTERNAL_ID = `query($source: String!, $id: String!) { replyByExternalId(source: $source, id: $id) { id body externalIds { source id } } }`;
const UPDATE_REPLY = `mutation($id: ID!, $input: UpdateReplyInput!) { updateReply(id: $id, input: $input) { id body } }`;
const DELETE_REPLY = `mutation($id: ID!) { deleteReply(id: $id) }`;
const REPLY = `mutation($input: ReplyInput!) { reply(input: $input) { id externalIds { source id } } }`;
const UPSERT_MEMBER = `mutation($input: UpsertCommunityMemberInput!) {
  upsertCommunityMember(input: $input) { id displayName joinedAt points externalIds { source id } user { id } }
}`;

describe('community records mirrored from another platform', () => {
  let stack: Stack;
  const account = buildAccount();
  const otherAccount = buildAccount();
  const asker = buildUser(account);
  const answerer = buildUser(account);
  const outsider = buildUser(otherAccount);
  const newcomer = buildUser(account);
  const askerMember = buildMember(asker, { points: 10 });
  const answererMember = buildMember(answerer, { points: 30 });
  const question = buildPost(askerMember, { externalIds: [{ source: 'discourse', id: 'topic:1' }], externalKeys: ['discourse:topic:1'] });
  const answer = buildReply(question, answererMember, {
    externalIds: [{ source: 'discourse', id: 'post:2' }],
    externalKeys: ['discourse:post:2'],
  });
  const accepted = buildReply(question, answererMember, { acceptedAt: new Date('2026-02-01T00:00:00Z') });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account, otherAccount], [asker, answerer, outsider, newcomer]);
    await seedCommunity(stack, { members: [askerMember, answererMember], posts: [{ ...question, acceptedReplyId: accepted._id }], replies: [answer, accepted] });
  });
  afterAll(() => stack.stop());

  const staff = () => stack.staffToken();
  const customer = (user: typeof asker) => stack.customerToken(user.accountId, user._id);

  describe('finding posts and replies by their id on the other platform', () => {
    it('finds them for staff and integrations that read the community, and answers null for unknown ids', async () => {
      const token = await stack.integrationToken(['community:read']);
      const post = await stack.query<any>(POST_BY_EXTERNAL_ID, { token, variables: { source: 'discourse', id: 'topic:1' } });
      expect(post.data.postByExternalId).toEqual({ id: question._id, title: question.title });
      const reply = await stack.query<any>(REPLY_BY_EXTERNAL_ID, { token: await staff(), variables: { source: 'discourse', id: 'post:2' } });
      expect(reply.data.replyByExternalId).toEqual({ id: answer._id, body: answer.body, externalIds: [{ source: 'discourse', id: 'post:2' }] });
      const missing = await stack.query<any>(POST_BY_EXTERNAL_ID, { token, variables: { source: 'discourse', id: 'topic:999' } });
      expect(missing).toMatchObject({ data: { postByExternalId: null } });
      expect(missing.errors).toBeUndefined();
    });

    it('refuses them to customers, even for their own account\'s posts', async () => {
      const result = await stack.query<any>(POST_BY_EXTERNAL_ID, { token: await customer(asker), variables: { source: 'discourse', id: 'topic:1' } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('names a bad source with BAD_USER_INPUT', async () => {
      const result = await stack.query<any>(REPLY_BY_EXTERNAL_ID, { token: await staff(), variables: { source: 'Discourse Forum', id: 'post:2' } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'source' });
    });
  });

  describe('replies carrying external ids', () => {
    it('stores a reply written by an integration with its external ids', async () => {
      const result = await stack.query<any>(REPLY, {
        token: await stack.integrationToken(['community:write']),
        variables: { input: { postId: question._id, body: 'Mirrored', authorUserId: answerer._id, accountId: account._id, externalIds: [{ source: 'discourse', id: 'post:3' }] } },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.reply.externalIds).toEqual([{ source: 'discourse', id: 'post:3' }]);
    });

    it('refuses a second reply with the same external id with CONFLICT, storing nothing', async () => {
      const before = await communityCounts(stack);
      const result = await stack.query<any>(REPLY, {
        token: await staff(),
        variables: { input: { postId: question._id, body: 'Again', authorUserId: answerer._id, accountId: account._id, externalIds: [{ source: 'discourse', id: 'post:3' }] } },
      });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
      expect(await communityCounts(stack)).toEqual(before);
    });

    it('refuses external ids from customers', async () => {
      const result = await stack.query<any>(REPLY, {
        token: await customer(answerer),
        variables: { input: { postId: question._id, body: 'Mine', externalIds: [{ source: 'discourse', id: 'post:4' }] } },
      });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });
  });

  describe('editing a reply', () => {
    it('lets its author change the text', async () => {
      const result = await stack.query<any>(UPDATE_REPLY, { token: await customer(answerer), variables: { id: answer._id, input: { body: 'Use the delta export.' } } });
      expect(result.errors).toBeUndefined();
      expect(result.data.updateReply).toEqual({ id: answer._id, body: 'Use the delta export.' });
    });

    it('refuses another customer, even of the same account', async () => {
      const result = await stack.query<any>(UPDATE_REPLY, { token: await customer(asker), variables: { id: answer._id, input: { body: 'Hijacked' } } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect((await communityRepository(stack).findReplyById(answer._id))?.body).toBe('Use the delta export.');
    });

    it('refuses an empty text with BAD_USER_INPUT naming the field, changing nothing', async () => {
      const result = await stack.query<any>(UPDATE_REPLY, { token: await staff(), variables: { id: answer._id, input: { body: '   ' } } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
      expect((await communityRepository(stack).findReplyById(answer._id))?.body).toBe('Use the delta export.');
    });
  });

  describe('deleting a reply', () => {
    it('refuses a customer who did not write it', async () => {
      const result = await stack.query<any>(DELETE_REPLY, { token: await customer(outsider), variables: { id: accepted._id } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(await communityRepository(stack).findReplyById(accepted._id)).not.toBeNull();
    });

    it('removes an accepted answer, un-accepts it and takes back its points once', async () => {
      const token = await staff();
      const repository = communityRepository(stack);
      const pointsOf = async () => (await repository.members.findOne({ _id: answererMember._id }))?.points;
      const pointsBefore = await pointsOf();
      const result = await stack.query<any>(DELETE_REPLY, { token, variables: { id: accepted._id } });
      expect(result.data).toEqual({ deleteReply: accepted._id });
      expect(await repository.findReplyById(accepted._id)).toBeNull();
      expect((await repository.findPostById(question._id))?.acceptedReplyId).toBeNull();
      // The 5 points for replying and the 25 for an answer someone else accepted.
      expect(await pointsOf()).toBe((pointsBefore ?? 0) - 30);
      const again = await stack.query<any>(DELETE_REPLY, { token, variables: { id: accepted._id } });
      expect(again.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    });
  });

  describe('community profiles of people who joined elsewhere', () => {
    const joinedAt = '2025-11-03T08:00:00.000Z';

    it('creates a profile with the date the person joined the other platform', async () => {
      const result = await stack.query<any>(UPSERT_MEMBER, {
        token: await stack.integrationToken(['community:write']),
        variables: { input: { userId: newcomer._id, accountId: account._id, displayName: '新井 翔', joinedAt, externalIds: [{ source: 'discourse', id: '77' }] } },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.upsertCommunityMember).toMatchObject({ displayName: '新井 翔', joinedAt, points: 0, externalIds: [{ source: 'discourse', id: '77' }], user: { id: newcomer._id } });
    });

    it('keeps the earlier joining date when told a later one, and takes an earlier one', async () => {
      const token = await staff();
      const later = await stack.query<any>(UPSERT_MEMBER, { token, variables: { input: { userId: newcomer._id, accountId: account._id, joinedAt: '2026-01-01T00:00:00Z' } } });
      expect(later.data.upsertCommunityMember.joinedAt).toBe(joinedAt);
      const earlier = await stack.query<any>(UPSERT_MEMBER, { token, variables: { input: { userId: newcomer._id, accountId: account._id, joinedAt: '2025-01-01T00:00:00Z', displayName: 'Sho Arai' } } });
      expect(earlier.data.upsertCommunityMember).toMatchObject({ joinedAt: '2025-01-01T00:00:00.000Z', displayName: 'Sho Arai' });
      expect(await communityRepository(stack).members.countDocuments({ userId: newcomer._id })).toBe(1);
    });

    it('refuses customers', async () => {
      const result = await stack.query<any>(UPSERT_MEMBER, { token: await customer(asker), variables: { input: { userId: asker._id, accountId: account._id, displayName: 'Me' } } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });

    it('refuses a new profile without a display name with BAD_USER_INPUT naming the field, storing nothing', async () => {
      const before = await communityCounts(stack);
      const result = await stack.query<any>(UPSERT_MEMBER, { token: await staff(), variables: { input: { userId: outsider._id, accountId: otherAccount._id } } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.displayName' });
      expect(await communityCounts(stack)).toEqual(before);
    });

    it('refuses a profile whose user belongs to another account with CONFLICT', async () => {
      const result = await stack.query<any>(UPSERT_MEMBER, { token: await staff(), variables: { input: { userId: newcomer._id, accountId: otherAccount._id, displayName: 'X' } } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    });
  });
});
