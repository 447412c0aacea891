import type { InboundEventDocument } from '../../subgraphs/integrations/inbound/model';
import { InboxRepository } from '../../subgraphs/integrations/inbound/repository';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, testConfig, type Stack } from '../helpers/stack';
import { discourseHeaders, discoursePayload, type DiscourseFixtureName } from '../fixtures/discourse/discourse-events';

const SECRET = 'discourse-e2e-secret-7Hq2Lm9Vx4';
const INSTANCE = 'https://community.example.com';
const TOPIC_POST = `query($id: String!) {
  postByExternalId(source: "discourse", id: $id) {
    id title body tags locale visibility
    author { displayName }
    account { id }
    externalIds { source id }
    replies { totalCount edges { node { body author { displayName } externalIds { source id } } } }
  }
}`;
const MEMBER = `query {
  userByExternalId(source: "discourse", id: "42") {
    id email name account { id }
    community { displayName joinedAt externalIds { source id } }
  }
}`;
const POST_CHANGES = `query($since: DateTime) { postChanges(since: $since, first: 100) { edges { node { id removed title body } } } }`;

describe('Discourse community webhooks', () => {
  let stack: Stack;
  let inbox: InboxRepository;
  let eventId = 7000;
  const sakura = buildAccount({ name: 'Sakura Logistics', domains: ['sakura-logistics.co.jp'], locale: 'ja-JP' });
  const northwind = buildAccount({ domains: ['northwind.example'] });
  const tom = buildUser(northwind, {
    name: 'Tom Becker',
    email: 'tom.becker@northwind.example',
    externalIds: [{ source: 'discourse', id: '57' }],
    externalKeys: ['discourse:57'],
  });
  const startedAt = new Date().toISOString();

  beforeAll(async () => {
    stack = await startStack({
      config: testConfig({ DISCOURSE_WEBHOOK_SECRET: SECRET, HUB_INBOX_POLL_MS: '100', HUB_INBOX_RETRY_BASE_MS: '200', HUB_INBOX_MAX_ATTEMPTS: '3' }),
    });
    inbox = new InboxRepository(subgraphDatabase(stack, 'integrations'));
    await seedAccounts(stack, [sakura, northwind], [tom]);
  });
  afterAll(() => stack.stop());

  async function post(
    event: string,
    body: string,
    headers: Record<string, string> = discourseHeaders(event, ++eventId, body, SECRET),
  ): Promise<{ status: number; body: any; deliveryId: string }> {
    const response = await fetch(new URL('/webhooks/discourse', stack.gatewayUrl), { method: 'POST', headers, body });
    return { status: response.status, body: await response.json(), deliveryId: `${INSTANCE}#${headers['x-discourse-event-id']}` };
  }

  const send = (event: string, payload: unknown) => post(event, JSON.stringify(payload));

  /** The stored event once the inbox has settled it (applied, or failed for good). */
  async function settled(deliveryId: string): Promise<InboundEventDocument> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const event = await inbox.events.findOne({ source: 'discourse', deliveryId });
      if (event && event.status !== 'PENDING') return event;
      if (Date.now() > deadline) throw new Error(`event ${deliveryId} was not settled: ${JSON.stringify(event)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function sendAndSettle(event: string, fixture: DiscourseFixtureName | object): Promise<InboundEventDocument> {
    const answer = await send(event, typeof fixture === 'string' ? discoursePayload(fixture) : fixture);
    expect(answer.status).toBe(200);
    return settled(answer.deliveryId);
  }

  async function topicPost() {
    const result = await stack.query<any>(TOPIC_POST, { token: await stack.staffToken(), variables: { id: 'topic:517' } });
    expect(result.errors).toBeUndefined();
    return result.data.postByExternalId;
  }

  it('makes a new forum user a hub user of the account of their e-mail\'s domain, with a community profile from when they joined', async () => {
    expect(await sendAndSettle('user_created', 'user_created')).toMatchObject({ status: 'APPLIED' });
    const result = await stack.query<any>(MEMBER, { token: await stack.staffToken() });
    expect(result.errors).toBeUndefined();
    expect(result.data.userByExternalId).toMatchObject({
      email: 'hanako.sato@sakura-logistics.co.jp',
      name: '佐藤 花子',
      account: { id: sakura._id },
      community: { displayName: '佐藤 花子', joinedAt: '2026-01-20T06:02:17.533Z', externalIds: [{ source: 'discourse', id: '42' }] },
    });
  });

  it('publishes a topic\'s first post as a community post, and its text is what search reads', async () => {
    const stored = await sendAndSettle('post_created', 'post_created.first-post');
    expect(stored.result).toMatch(/^post pst_\w+ created from topic 517$/);
    const created = await topicPost();
    expect(created).toMatchObject({
      title: 'CSV 取り込みを差分だけにしたい',
      body: expect.stringContaining('**取り込みが 30 分**かかる'),
      locale: 'ja-JP',
      visibility: 'PUBLIC',
      author: { displayName: '佐藤 花子' },
      account: { id: sakura._id },
      externalIds: [
        { source: 'discourse', id: 'topic:517' },
        { source: 'discourse', id: 'post:1842' },
      ],
    });
    const changes = await stack.query<any>(POST_CHANGES, { token: await stack.integrationToken(['community:read']), variables: { since: startedAt } });
    const change = changes.data.postChanges.edges.map((edge: any) => edge.node).find((node: any) => node.id === created.id);
    expect(change).toMatchObject({ removed: false, title: 'CSV 取り込みを差分だけにしたい' });
    expect(change.body).toContain('取り込みが 30 分かかるのですが');
    expect(change.body).not.toContain('**');
  });

  it('makes one post of the same delivery sent twice, and of the same post delivered again under a new id', async () => {
    const body = JSON.stringify(discoursePayload('post_created.first-post'));
    const headers = discourseHeaders('post_created', 6001, body, SECRET);
    const first = await post('post_created', body, headers);
    const again = await post('post_created', body, headers);
    expect(again.body).toEqual({ received: 0, duplicates: 1 });
    expect(await settled(first.deliveryId)).toMatchObject({ status: 'APPLIED', result: expect.stringMatching(/updated from topic 517/) });
    const posts = await stack.query<any>(`{ posts(first: 100) { totalCount } }`, { token: await stack.staffToken() });
    expect(posts.data.posts.totalCount).toBe(1);
  });

  it('adds a later post as a reply by its own author', async () => {
    expect((await sendAndSettle('post_created', 'post_created.reply')).result).toMatch(/^reply rpl_\w+ to post pst_\w+ created from post 1851$/);
    expect((await topicPost()).replies).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            body: expect.stringContaining('Use the `updated_since` filter'),
            author: { displayName: 'Tom Becker' },
            externalIds: [{ source: 'discourse', id: 'post:1851' }],
          },
        },
      ],
    });
  });

  it('shows the new text of an edited post', async () => {
    await sendAndSettle('post_edited', 'post_edited.first-post');
    const edited = await topicPost();
    expect(edited.body).toContain('取り込みが 45 分');
    expect(edited.body).not.toContain('30 分');
  });

  it('retitles and tags the post when its topic is edited, keeping only tags the community can hold', async () => {
    await sendAndSettle('topic_edited', 'topic_edited');
    expect(await topicPost()).toMatchObject({ title: 'CSV 取り込みを差分だけにするには？', tags: ['csv', 'import'] });
  });

  it('removes a destroyed reply', async () => {
    expect((await sendAndSettle('post_destroyed', 'post_destroyed.reply')).result).toMatch(/^reply rpl_\w+ deleted$/);
    expect((await topicPost()).replies.totalCount).toBe(0);
  });

  it('removes the post of a destroyed first post, and search is told', async () => {
    const { id } = await topicPost();
    const destroyed = discoursePayload('post_edited.first-post');
    destroyed.post.deleted_at = '2026-02-12T00:00:00.000Z';
    await sendAndSettle('post_destroyed', destroyed);
    expect(await topicPost()).toBeNull();
    const changes = await stack.query<any>(POST_CHANGES, { token: await stack.staffToken(), variables: { since: startedAt } });
    expect(changes.data.postChanges.edges.map((edge: any) => edge.node)).toContainEqual(expect.objectContaining({ id, removed: true }));
  });

  it('lets a topic created just before its first post wait for it, then tags it', async () => {
    const topic = discoursePayload('topic_created');
    topic.topic.id = 600;
    const first = discoursePayload('post_created.first-post');
    Object.assign(first.post, { id: 2001, topic_id: 600, topic_title: 'Webhook の再送について' });
    const topicEvent = await send('topic_created', topic);
    const postEvent = await send('post_created', first);
    expect(await settled(postEvent.deliveryId)).toMatchObject({ status: 'APPLIED' });
    expect(await settled(topicEvent.deliveryId)).toMatchObject({ status: 'APPLIED' });
    const result = await stack.query<any>(TOPIC_POST, { token: await stack.staffToken(), variables: { id: 'topic:600' } });
    expect(result.data.postByExternalId).toMatchObject({ title: 'CSV 取り込みを差分だけにしたい', tags: ['csv', 'import', 'パフォーマンス'] });
  });

  it('keeps a post by an author no user event has linked as FAILED, saying who is missing', async () => {
    const stranger = discoursePayload('post_created.first-post');
    Object.assign(stranger.post, { id: 3001, topic_id: 700, user_id: 99, username: 'stranger' });
    const failed = await sendAndSettle('post_created', stranger);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(failed.lastError).toMatch(/no user has the Discourse user id 99 \(stranger\)/);
  });

  it('keeps events it does not map, and personal messages, without changing anything', async () => {
    expect(await sendAndSettle('user_logged_in', discoursePayload('user_created'))).toMatchObject({ status: 'APPLIED', result: 'ignored: user_logged_in is not mapped' });
    const message = discoursePayload('post_created.first-post');
    Object.assign(message.post, { id: 4001, topic_id: 800, topic_archetype: 'private_message' });
    expect((await sendAndSettle('post_created', message)).result).toBe('ignored: post 4001 is a personal message');
  });

  describe('refused requests', () => {
    const body = JSON.stringify(discoursePayload('post_created.reply'));

    it('refuses a signature made with another secret with 401, storing nothing', async () => {
      const answer = await post('post_created', body, discourseHeaders('post_created', 9101, body, 'not-the-secret'));
      expect(answer.status).toBe(401);
      expect(answer.body.errors[0]).toMatchObject({ message: 'The X-Discourse-Event-Signature does not match the body', extensions: { code: 'UNAUTHENTICATED' } });
      expect(await inbox.events.countDocuments({ deliveryId: answer.deliveryId })).toBe(0);
    });

    it('refuses a signed body that is not JSON with 400 and the reason, storing nothing', async () => {
      const broken = '{"post": {"id": 1851,';
      const answer = await post('post_created', broken, discourseHeaders('post_created', 9102, broken, SECRET));
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].message).toMatch(/^The body is not valid JSON: /);
      expect(await inbox.events.countDocuments({ deliveryId: answer.deliveryId })).toBe(0);
    });
  });
});
