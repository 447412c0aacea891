import { buildEvent, buildMember, buildPost, buildRegistration, buildReply, daysAgo, seedCommunity } from '../helpers/community';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { storeCallRecorder } from '../helpers/store-calls';
import { startStack, type Stack } from '../helpers/stack';

const ACCOUNT_COMMUNITY = `query($first: Int!) {
  accounts(first: $first) { edges { node { id community { activeMembers30d members posts answers acceptedAnswers eventAttendance90d } } } }
}`;
const USER_COMMUNITY = `query($first: Int!) {
  accounts(first: $first) { edges { node { users(first: 3) { edges { node { id community { displayName points rank badges { kind } } } } } } } }
}`;
const POSTS = `query($first: Int!) {
  posts(first: $first) { edges { node {
    author { displayName } account { name }
    replies(first: 2) { totalCount edges { node { author { displayName } } } }
    acceptedAnswer { author { displayName } }
  } } }
}`;
const EVENTS = `query($first: Int!) { events(first: $first) { edges { node { title viewerRegistration { status } onlineUrl } } } }`;

/** Store calls per operation must not grow with the number of accounts, users, posts or events listed. */
describe('community store calls per operation', () => {
  let stack: Stack;
  const storeCalls = storeCallRecorder();
  const accounts = Array.from({ length: 20 }, () => buildAccount());
  const users = accounts.flatMap((account) => Array.from({ length: 3 }, () => buildUser(account)));
  // Two of each account's three users are members; the third is not.
  const members = users.filter((_, index) => index % 3 !== 2).map((user) => buildMember(user, { points: 60 }));
  const posts = members.map((member, index) => buildPost(member, { createdAt: daysAgo(index + 1) }));
  const replies = posts.flatMap((post, index) => {
    const answer = buildReply(post, members[(index + 1) % members.length]!, { acceptedAt: daysAgo(0.5) });
    post.acceptedReplyId = answer._id;
    return [answer, buildReply(post, members[(index + 2) % members.length]!)];
  });
  const events = Array.from({ length: 20 }, (_, index) => buildEvent({ startsAt: daysAgo(index - 10) }));
  const viewer = users[0]!;
  const registrations = events.map((event) => buildRegistration(event, viewer, members[0]!));

  beforeAll(async () => {
    stack = await startStack({ store: await storeCalls.openStore() });
    await seedAccounts(stack, accounts, users);
    await seedCommunity(stack, { members, posts, replies, events, registrations });
  });
  afterAll(async () => {
    await stack.stop();
    await stack.store.close();
  });

  /** The store calls of one query run for a short and for a long list, and the long list's data. */
  async function callsForTwoAndTwenty(query: string, token: string) {
    let large: any;
    const fewCalls = await storeCalls.count(() => stack.query<any>(query, { token, variables: { first: 2 } }));
    const manyCalls = await storeCalls.count(async () => {
      large = await stack.query<any>(query, { token, variables: { first: 20 } });
    });
    expect(large.errors).toBeUndefined();
    return { fewCalls, manyCalls, data: large.data };
  }

  it('summarizes the community of many accounts with one aggregation per collection', async () => {
    const { fewCalls, manyCalls, data } = await callsForTwoAndTwenty(ACCOUNT_COMMUNITY, await stack.staffToken());
    expect(data.accounts.edges).toHaveLength(20);
    for (const edge of data.accounts.edges) {
      expect(edge.node.community).toMatchObject({ members: 2, posts: 2, answers: 4, acceptedAnswers: 2, eventAttendance90d: 0 });
    }
    expect(manyCalls).toBe(fewCalls);
    expect(manyCalls).toBeLessThanOrEqual(5);
  });

  it('loads the community profiles of many users with one query', async () => {
    const { fewCalls, manyCalls, data } = await callsForTwoAndTwenty(USER_COMMUNITY, await stack.staffToken());
    const profiles = data.accounts.edges.flatMap((edge: any) => edge.node.users.edges.map((user: any) => user.node.community));
    expect(profiles).toHaveLength(60);
    expect(profiles.filter((profile: any) => profile === null)).toHaveLength(20);
    expect(profiles.filter((profile: any) => profile?.rank === 'CONTRIBUTOR')).toHaveLength(40);
    expect(manyCalls).toBe(fewCalls);
    expect(manyCalls).toBeLessThanOrEqual(3);
  });

  it('loads authors, accounts, replies and accepted answers of many posts in batches', async () => {
    const { fewCalls, manyCalls, data } = await callsForTwoAndTwenty(POSTS, await stack.staffToken());
    expect(data.posts.edges).toHaveLength(20);
    for (const edge of data.posts.edges) {
      expect(edge.node.replies.totalCount).toBe(2);
      expect(edge.node.replies.edges).toHaveLength(2);
      expect(edge.node.acceptedAnswer.author.displayName).toMatch(/^Member/);
      expect(edge.node.account.name).toMatch(/^Test Company/);
    }
    expect(manyCalls).toBe(fewCalls);
    expect(manyCalls).toBeLessThanOrEqual(8);
  });

  it("loads a customer's registrations for many events with one query", async () => {
    const { fewCalls, manyCalls, data } = await callsForTwoAndTwenty(EVENTS, await stack.customerToken(viewer.accountId, viewer._id));
    expect(data.events.edges.every((edge: any) => edge.node.viewerRegistration?.status === 'REGISTERED')).toBe(true);
    expect(manyCalls).toBe(fewCalls);
    expect(manyCalls).toBeLessThanOrEqual(2);
  });

  it('resolves many Account references with one store call per collection', async () => {
    const representations = accounts.map((account) => ({ __typename: 'Account', id: account._id }));
    let result: any;
    const calls = await storeCalls.count(async () => {
      result = await stack.query<any>(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Account { id community { members } } } }`,
        { token: await stack.staffToken(), variables: { representations }, url: stack.subgraphUrls['community'] },
      );
    });
    expect(result.data._entities.map((entity: any) => entity.community.members)).toEqual(accounts.map(() => 2));
    expect(calls).toBe(4);
  });
});
