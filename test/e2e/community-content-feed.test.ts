import {
  buildEvent,
  buildMember,
  buildPost,
  buildReply,
  daysAgo,
  seedCommunity,
} from '../helpers/community';
import { readFeedPage, readWholeFeed, type ContentChangeNode } from '../helpers/content-feed';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const UPDATE_POST = `mutation($id: ID!, $input: UpdatePostInput!) { updatePost(id: $id, input: $input) { id updatedAt } }`;
const DELETE_POST = `mutation($id: ID!) { deletePost(id: $id) }`;
const REPLY = `mutation($input: ReplyInput!) { reply(input: $input) { id } }`;
const ACCEPT = `mutation($postId: ID!, $replyId: ID!) { acceptAnswer(postId: $postId, replyId: $replyId) { id } }`;
const REGISTER = `mutation($eventId: ID!) { registerForEvent(eventId: $eventId) { id } }`;
const CANCEL = `mutation($id: ID!) { cancelEvent(id: $id) { id cancelledAt } }`;

describe('the community change feeds that search reads', () => {
  let stack: Stack;
  const mine = buildAccount();
  const theirs = buildAccount();
  const me = buildUser(mine);
  const stranger = buildUser(theirs);
  const myMember = buildMember(me, { displayName: 'Hanako' });
  const strangerMember = buildMember(stranger, { displayName: 'Stranger' });
  const at = (days: number) => ({ createdAt: daysAgo(days), updatedAt: daysAgo(days) });
  const answeredQuestion = buildPost(myMember, { title: 'How do I export invoices?', tags: ['billing'], views: 7, votes: 3, ...at(9) });
  const acceptedReply = buildReply(answeredQuestion, strangerMember, { acceptedAt: daysAgo(8) });
  answeredQuestion.acceptedReplyId = acceptedReply._id;
  const accountOnly = buildPost(strangerMember, { type: 'DISCUSSION', title: 'Northwind rollout', visibility: 'ACCOUNT', ...at(8) });
  const story = buildPost(strangerMember, {
    type: 'CUSTOMER_STORY',
    title: 'How we cut reporting time',
    body: '## Results\n\nWe **halved** the time, see [the report](https://example.com/report).',
    locale: 'ja-JP',
    tags: ['reporting', 'success'],
    ...at(7),
  });
  const downvotedIdea = buildPost(myMember, { type: 'IDEA', title: 'Remove exports', votes: -9, views: 2, ...at(6) });
  const openQuestion = buildPost(myMember, { title: 'Where is the API key?', ...at(5) });
  const editedLater = buildPost(myMember, { type: 'DISCUSSION', title: 'Roadmap thoughts', ...at(4) });
  const doomed = buildPost(myMember, { type: 'DISCUSSION', title: 'Posted by mistake', ...at(3) });
  const seededPosts = [answeredQuestion, accountOnly, story, downvotedIdea, openQuestion, editedLater, doomed];
  const meetup = buildEvent({ title: 'Tokyo user meetup', description: 'Talks and drinks', kind: 'MEETUP', place: 'Shibuya, Tokyo', onlineUrl: null, registeredCount: 12, ...at(20) });
  const webinar = buildEvent({ title: 'Reporting webinar', description: 'Dashboards in depth', locale: 'ja-JP', ...at(19) });
  const cancelledMeetup = buildEvent({ title: 'Osaka meetup', kind: 'MEETUP', place: 'Osaka', onlineUrl: null, cancelledAt: daysAgo(2), ...at(2) });
  const toCancel = buildEvent({ title: 'Webinar that will be cancelled', ...at(18) });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, stranger]);
    await seedCommunity(stack, {
      members: [myMember, strangerMember],
      posts: seededPosts,
      replies: [acceptedReply],
      events: [meetup, webinar, cancelledMeetup, toCancel],
    });
  });
  afterAll(() => stack.stop());

  const customer = (user = me) => stack.customerToken(user.accountId, user._id);
  const staffChanges = async (feed: 'postChanges' | 'eventChanges', options: { since?: string; pageSize?: number } = {}) =>
    (await readWholeFeed(stack, feed, await stack.staffToken(), { since: options.since, first: options.pageSize ?? 1000 })).changes;
  const changeOf = (changes: ContentChangeNode[], id: string) => changes.find((change) => change.id === id);

  it('reports every post with its audience, account, type, text and popularity', async () => {
    const changes = await staffChanges('postChanges');
    expect(changes.map((change) => change.id)).toEqual(seededPosts.map((post) => post._id));
    expect(changeOf(changes, answeredQuestion._id)).toEqual({
      id: answeredQuestion._id,
      type: 'POST',
      removed: false,
      title: 'How do I export invoices?',
      body: answeredQuestion.body,
      tags: ['billing'],
      locale: 'en-US',
      audience: 'PUBLIC',
      accountId: mine._id,
      popularity: 7 + 3 + 5,
      publishedAt: answeredQuestion.createdAt.toISOString(),
      updatedAt: answeredQuestion.updatedAt.toISOString(),
    });
    expect(changeOf(changes, accountOnly._id)).toMatchObject({ type: 'POST', audience: 'ACCOUNT', accountId: theirs._id, removed: false, popularity: 0 });
    expect(changeOf(changes, story._id)).toMatchObject({
      type: 'CUSTOMER_STORY',
      audience: 'PUBLIC',
      accountId: theirs._id,
      locale: 'ja-JP',
      tags: ['reporting', 'success'],
      body: 'Results\n\nWe halved the time, see the report.',
    });
    expect(changeOf(changes, downvotedIdea._id)).toMatchObject({ type: 'POST', popularity: 0 });
  });

  it('reports every event as public, tagged with its kind, with registrations as popularity and cancelled ones removed', async () => {
    const changes = await staffChanges('eventChanges');
    expect(changes.map((change) => change.id)).toEqual([meetup._id, webinar._id, toCancel._id, cancelledMeetup._id]);
    expect(changeOf(changes, meetup._id)).toEqual({
      id: meetup._id,
      type: 'EVENT',
      removed: false,
      title: 'Tokyo user meetup',
      body: 'Talks and drinks\n\nShibuya, Tokyo',
      tags: ['meetup'],
      locale: 'en-US',
      audience: 'PUBLIC',
      accountId: null,
      popularity: 12,
      publishedAt: meetup.createdAt.toISOString(),
      updatedAt: meetup.updatedAt.toISOString(),
    });
    expect(changeOf(changes, webinar._id)).toMatchObject({ body: 'Dashboards in depth', tags: ['webinar'], locale: 'ja-JP', removed: false });
    expect(changeOf(changes, webinar._id)?.body).not.toContain('https://');
    expect(changeOf(changes, cancelledMeetup._id)).toMatchObject({ removed: true, title: 'Osaka meetup' });
  });

  it('pages through the feed with after, every item exactly once, in feed order', async () => {
    const token = await stack.staffToken();
    const { changes: whole } = await readWholeFeed(stack, 'postChanges', token, { first: 1000 });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await readFeedPage(stack, 'postChanges', token, { first: 2, after });
      expect(page.errors).toBeUndefined();
      const connection = page.data!['postChanges']!;
      expect(connection.edges.length).toBeLessThanOrEqual(2);
      seen.push(...connection.edges.map((edge) => edge.node.id));
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(whole.length / 2));
    expect(seen).toEqual(whole.map((change) => change.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('returns only changes at or after since', async () => {
    const changes = await staffChanges('postChanges', { since: openQuestion.updatedAt.toISOString() });
    expect(changes.map((change) => change.id)).toEqual([openQuestion._id, editedLater._id, doomed._id]);
  });

  it('moves an edited post to the end of the feed with its new text', async () => {
    const before = new Date().toISOString();
    const result = await stack.query<any>(UPDATE_POST, {
      token: await customer(),
      variables: { id: editedLater._id, input: { title: 'Roadmap thoughts, revised', body: 'Now with **more** detail', visibility: 'ACCOUNT' } },
    });
    expect(result.errors).toBeUndefined();
    const changes = await staffChanges('postChanges');
    expect(changes.at(-1)).toMatchObject({
      id: editedLater._id,
      title: 'Roadmap thoughts, revised',
      body: 'Now with more detail',
      audience: 'ACCOUNT',
      accountId: mine._id,
      publishedAt: editedLater.createdAt.toISOString(),
    });
    expect(changes.filter((change) => change.id === editedLater._id)).toHaveLength(1);
    expect((await staffChanges('postChanges', { since: before })).map((change) => change.id)).toEqual([editedLater._id]);
  });

  it('reports a deleted post as a removed change carrying its id', async () => {
    const deleted = await stack.query<any>(DELETE_POST, { token: await customer(), variables: { id: doomed._id } });
    expect(deleted.errors).toBeUndefined();
    const changes = await staffChanges('postChanges');
    expect(changes.at(-1)).toMatchObject({ id: doomed._id, removed: true, type: 'POST', publishedAt: doomed.createdAt.toISOString() });
    expect(changes.filter((change) => change.id === doomed._id)).toHaveLength(1);
  });

  it('moves a question whose answer is accepted, with its higher popularity, but not one that only got a reply', async () => {
    const token = await customer();
    const reply = await stack.query<any>(REPLY, { token: await customer(stranger), variables: { input: { postId: openQuestion._id, body: 'Under settings' } } });
    expect(reply.errors).toBeUndefined();
    expect(changeOf(await staffChanges('postChanges'), openQuestion._id)?.updatedAt).toBe(openQuestion.updatedAt.toISOString());
    const accepted = await stack.query<any>(ACCEPT, { token, variables: { postId: openQuestion._id, replyId: reply.data.reply.id } });
    expect(accepted.errors).toBeUndefined();
    expect((await staffChanges('postChanges')).at(-1)).toMatchObject({ id: openQuestion._id, popularity: 5 });
  });

  it('moves an event that gained a registration, with the new count as popularity', async () => {
    const registered = await stack.query<any>(REGISTER, { token: await customer(), variables: { eventId: webinar._id } });
    expect(registered.errors).toBeUndefined();
    expect((await staffChanges('eventChanges')).at(-1)).toMatchObject({ id: webinar._id, popularity: 1, removed: false });
  });

  it('reports an event removed once it is cancelled', async () => {
    const cancelled = await stack.query<any>(CANCEL, { token: await stack.staffToken(), variables: { id: toCancel._id } });
    expect(cancelled.errors).toBeUndefined();
    const last = (await staffChanges('eventChanges')).at(-1);
    expect(last).toMatchObject({ id: toCancel._id, removed: true, updatedAt: cancelled.data.cancelEvent.cancelledAt });
  });

  it.each(['postChanges', 'eventChanges'] as const)('lets integrations with community:read or community:write read %s', async (feed) => {
    for (const scopes of [['community:read'], ['community:write']]) {
      const result = await readFeedPage(stack, feed, await stack.integrationToken(scopes));
      expect(result.errors).toBeUndefined();
      expect(result.data![feed]!.edges.length).toBeGreaterThan(0);
    }
  });

  it.each(['postChanges', 'eventChanges'] as const)('refuses %s to customers and to integrations without a community scope', async (feed) => {
    for (const token of [await customer(), await stack.integrationToken(['support:read', 'accounts:read'])]) {
      const result = await readFeedPage(stack, feed, token);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(result.data?.[feed]).toBeFalsy();
    }
  });

  it('refuses a page larger than 1,000 and a cursor from another list, naming the argument', async () => {
    const token = await stack.staffToken();
    const tooLarge = await readFeedPage(stack, 'postChanges', token, { first: 1001 });
    expect(tooLarge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const foreign = await readFeedPage(stack, 'postChanges', token, { after: 'bm90LWEtY3Vyc29y' });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
