import { buildEvent, buildMember, buildPost, buildRegistration, buildReply, daysAgo, seedCommunity } from '../helpers/community';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type Stack } from '../helpers/stack';

const MEMBER = `query($id: ID!) { communityMember(id: $id) { id displayName joinedAt points rank user { id } account { id } } }`;
const MEMBER_ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on CommunityMember { id displayName } } }`;
const USER_ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { id community { id displayName } } }
}`;
const ACCOUNT_ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Account { id community { members posts } } }
}`;
const ACCOUNT_COMMUNITY = `query($id: ID!) { account(id: $id) { name community {
  activeMembers30d members posts answers acceptedAnswers eventAttendance90d
} } }`;

describe('community member profiles and the community fields of users and accounts', () => {
  let stack: Stack;
  const mine = buildAccount({ customerSince: daysAgo(365) });
  const theirs = buildAccount();
  const me = buildUser(mine, { firstSeenAt: daysAgo(500) });
  const quiet = buildUser(mine);
  const lurker = buildUser(mine);
  const nonMember = buildUser(mine);
  const stranger = buildUser(theirs);
  const shy = buildUser(theirs);
  // Joined the community before the company became a customer.
  const myMember = buildMember(me, { displayName: 'Early Hanako', joinedAt: me.firstSeenAt, points: 60 });
  const quietMember = buildMember(quiet, { displayName: 'Quiet', hasPublicContent: false });
  const lurkerMember = buildMember(lurker, { displayName: 'Lurker', hasPublicContent: false });
  const strangerMember = buildMember(stranger, { displayName: 'Stranger' });
  const shyMember = buildMember(shy, { displayName: 'Shy Private Person', hasPublicContent: false });

  const recentPost = buildPost(myMember, { createdAt: daysAgo(3) });
  const oldPost = buildPost(quietMember, { createdAt: daysAgo(60), visibility: 'ACCOUNT' });
  const theirPost = buildPost(strangerMember, { createdAt: daysAgo(2) });
  const acceptedReply = buildReply(theirPost, quietMember, { createdAt: daysAgo(40), acceptedAt: daysAgo(39) });
  const recentReply = buildReply(theirPost, myMember, { createdAt: daysAgo(1) });
  const pastMeetup = buildEvent({ kind: 'MEETUP', startsAt: daysAgo(10) });
  const oldMeetup = buildEvent({ kind: 'MEETUP', startsAt: daysAgo(120) });
  const attendances = [
    buildRegistration(pastMeetup, lurker, lurkerMember, { status: 'ATTENDED', attendedAt: pastMeetup.startsAt }),
    buildRegistration(pastMeetup, nonMember, null, { status: 'ATTENDED', attendedAt: pastMeetup.startsAt }),
    buildRegistration(oldMeetup, quiet, quietMember, { status: 'ATTENDED', attendedAt: oldMeetup.startsAt }),
  ];

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, quiet, lurker, nonMember, stranger, shy]);
    await seedCommunity(stack, {
      members: [myMember, quietMember, lurkerMember, strangerMember, shyMember],
      posts: [recentPost, oldPost, theirPost],
      replies: [acceptedReply, recentReply],
      events: [pastMeetup, oldMeetup],
      registrations: attendances,
    });
  });
  afterAll(() => stack.stop());

  const customer = () => stack.customerToken(mine._id, me._id);
  const directly = (query: string, token: string, variables: Record<string, unknown>) =>
    postGraphql<any>(stack.subgraphUrls['community']!, query, { token, variables });

  it('shows a member who joined before their company became a customer with that join date', async () => {
    const result = await stack.query<any>(MEMBER, { token: await customer(), variables: { id: myMember._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.communityMember).toEqual({
      id: myMember._id,
      displayName: 'Early Hanako',
      joinedAt: me.firstSeenAt.toISOString(),
      points: 60,
      rank: 'CONTRIBUTOR',
      user: { id: me._id },
      account: { id: mine._id },
    });
    expect(new Date(result.data.communityMember.joinedAt) < mine.customerSince!).toBe(true);
  });

  it("shows another account's public member without their user or account", async () => {
    const result = await stack.query<any>(MEMBER, { token: await customer(), variables: { id: strangerMember._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.communityMember).toMatchObject({ displayName: 'Stranger', user: null, account: null });
    expect(JSON.stringify(result)).not.toContain(theirs._id);
  });

  it.each([
    ['staff', () => stack.staffToken(), true, true],
    ['a customer of the same account', () => stack.customerToken(mine._id, me._id), true, false],
    ['a customer of another account', () => stack.customerToken(theirs._id, stranger._id), false, true],
  ])('lets %s read private profiles only of their own account', async (_name, token, canReadMine, canReadTheirs) => {
    for (const [member, allowed] of [
      [quietMember, canReadMine],
      [shyMember, canReadTheirs],
    ] as const) {
      const result = await stack.query<any>(MEMBER, { token: await token(), variables: { id: member._id } });
      if (allowed) expect(result.data.communityMember.displayName).toBe(member.displayName);
      else {
        expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
        expect(JSON.stringify(result)).not.toContain(member.displayName);
      }
    }
  });

  it("returns a customer's own community profile as User.community through the gateway", async () => {
    const result = await stack.query<any>(`{ viewer { user { name community { displayName rank } } } }`, { token: await customer() });
    expect(result.errors).toBeUndefined();
    expect(result.data.viewer.user).toEqual({ name: me.name, community: { displayName: 'Early Hanako', rank: 'CONTRIBUTOR' } });
  });

  it('returns null as User.community for a user who is not a member', async () => {
    const result = await stack.query<any>(`query($id: ID!) { user(id: $id) { community { id } } }`, {
      token: await stack.staffToken(),
      variables: { id: nonMember._id },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.user).toEqual({ community: null });
  });

  it('authorizes User.community by the account stored with the member when the subgraph is called directly', async () => {
    const representations = [me, stranger, { _id: 'usr_unknown' }].map((user) => ({ __typename: 'User', id: user._id }));
    const result = await directly(USER_ENTITIES, await customer(), { representations });
    expect(result.data._entities[0]).toEqual({ id: me._id, community: { id: myMember._id, displayName: 'Early Hanako' } });
    expect(result.data._entities[1]).toEqual({ id: stranger._id, community: null });
    expect(result.data._entities[2]).toEqual({ id: 'usr_unknown', community: null });
    expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
    const staff = await directly(USER_ENTITIES, await stack.staffToken(), { representations });
    expect(staff.errors).toBeUndefined();
    expect(staff.data._entities[1].community.displayName).toBe('Stranger');
  });

  it('authorizes CommunityMember _entities like communityMember(id) when the subgraph is called directly', async () => {
    const representations = [strangerMember, shyMember].map((member) => ({ __typename: 'CommunityMember', id: member._id }));
    const result = await directly(MEMBER_ENTITIES, await customer(), { representations });
    expect(result.data._entities[0]).toEqual({ id: strangerMember._id, displayName: 'Stranger' });
    expect(result.data._entities[1]).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain(shyMember.displayName);
  });

  it("reports the account's community activity: active members, content, answers and attendance", async () => {
    const result = await stack.query<any>(ACCOUNT_COMMUNITY, { token: await customer(), variables: { id: mine._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.account.community).toEqual({
      // Hanako posted and replied, the lurker attended; the non-member attendee is not a member.
      activeMembers30d: 2,
      members: 3,
      posts: 2,
      answers: 2,
      acceptedAnswers: 1,
      eventAttendance90d: 2,
    });
  });

  it('reports zeros for an account with no community activity', async () => {
    const empty = buildAccount();
    await seedAccounts(stack, [empty]);
    const result = await stack.query<any>(ACCOUNT_COMMUNITY, { token: await stack.staffToken(), variables: { id: empty._id } });
    expect(result.data.account.community).toEqual({
      activeMembers30d: 0,
      members: 0,
      posts: 0,
      answers: 0,
      acceptedAnswers: 0,
      eventAttendance90d: 0,
    });
  });

  it.each([
    ['staff', () => stack.staffToken(), [true, true]],
    ['a customer of the same account', () => stack.customerToken(mine._id, me._id), [true, false]],
    ['a customer of another account', () => stack.customerToken(theirs._id, stranger._id), [false, true]],
    ['an integration with community:read', () => stack.integrationToken(['community:read']), [true, true]],
    ['an integration without a community scope', () => stack.integrationToken(['accounts:read']), [false, false]],
  ])('authorizes Account _entities as %s like reading that account', async (_name, token, allowed) => {
    const representations = [mine, theirs].map((account) => ({ __typename: 'Account', id: account._id }));
    const result = await directly(ACCOUNT_ENTITIES, await token(), { representations });
    allowed.forEach((isAllowed, index) => {
      if (isAllowed) expect(result.data._entities[index]).toEqual({ id: representations[index]!.id, community: expect.any(Object) });
      else expect(result.data._entities[index]).toBeNull();
    });
    const forbidden = allowed.filter((isAllowed) => !isAllowed).length;
    expect((result.errors ?? []).filter((error) => error.extensions?.['code'] === 'FORBIDDEN')).toHaveLength(forbidden);
  });

  it('answers entity lookups without a token with UNAUTHENTICATED', async () => {
    const result = await postGraphql(stack.subgraphUrls['community']!, ACCOUNT_ENTITIES, {
      variables: { representations: [{ __typename: 'Account', id: mine._id }] },
    });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const gateway = await stack.query(MEMBER, { token: null, variables: { id: myMember._id } });
    expect(gateway.status).toBe(401);
  });
});
