import { buildMember, seedCommunity } from '../helpers/community';
import { buildAccount, buildUser } from '../helpers/factories';
import { hitIds, searchFollowing, searchUntil } from '../helpers/search';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const CREATE_POST = `mutation($input: CreatePostInput!) { createPost(input: $input) { id } }`;
const UPDATE_POST = `mutation($id: ID!, $input: UpdatePostInput!) { updatePost(id: $id, input: $input) { id } }`;
const DELETE_POST = `mutation($id: ID!) { deletePost(id: $id) }`;
const IMPORT = `mutation($documents: [ExternalDocumentInput!]!) { upsertExternalDocuments(documents: $documents) { created updated unchanged documents { id } } }`;
const DELETE_EXTERNAL = `mutation($id: ID!) { deleteExternalDocument(id: $id) }`;
const UPSERT_TICKET = `mutation($input: UpsertTicketInput!) { upsertTicket(input: $input) { id } }`;
const UPSERT_ARTICLE = `mutation($input: UpsertArticleInput!) { upsertArticle(input: $input) { id } }`;
const DELETE_ARTICLE = `mutation($id: ID!) { deleteArticle(id: $id) }`;
const UPSERT_COURSE = `mutation($input: UpsertCourseInput!) { upsertCourse(input: $input) { id } }`;
const ARCHIVE_COURSE = `mutation($id: ID!) { archiveCourse(id: $id) { id } }`;
const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
const CANCEL_EVENT = `mutation($id: ID!) { cancelEvent(id: $id) { id } }`;

describe('keeping search fresh', () => {
  let stack: Stack;
  const account = buildAccount();
  const other = buildAccount();
  const author = buildUser(account);
  const neighbour = buildUser(other);

  beforeAll(async () => {
    stack = await startStack({
      config: searchFollowing(),
      arrange: async (target) => {
        await seedAccounts(target, [account, other], [author, neighbour]);
        await seedCommunity(target, { members: [buildMember(author)], posts: [], replies: [] });
      },
    });
  });
  afterAll(() => stack.stop());

  const authorToken = () => stack.customerToken(account._id, author._id);
  const neighbourToken = () => stack.customerToken(other._id, neighbour._id);

  it('finds a new post within 5 s of its creation, and not after its deletion', async () => {
    const created = await stack.query<{ createPost: { id: string } }>(CREATE_POST, {
      token: await authorToken(),
      variables: { input: { type: 'QUESTION', title: 'Webhook retries keep failing', body: 'Our endpoint answers 503 during deploys.', tags: ['webhooks'] } },
    });
    expect(created.errors).toBeUndefined();
    const postId = created.data!.createPost.id;

    const found = await searchUntil(stack, await neighbourToken(), { query: 'webhook retry' }, (view) => hitIds(view).includes(postId));
    expect(hitIds(found)).toContain(postId);
    expect(found.edges[0]?.node.highlights).toContainEqual({ field: 'TITLE', snippet: '<mark>Webhook retries</mark> keep failing' });

    const deleted = await stack.query(DELETE_POST, { token: await authorToken(), variables: { id: postId } });
    expect(deleted.errors).toBeUndefined();
    const gone = await searchUntil(stack, await neighbourToken(), { query: 'webhook retry' }, (view) => view.totalCount === 0);
    expect(hitIds(gone)).not.toContain(postId);
    expect(gone.totalCount).toBe(0);
  });

  it('finds an edited post by its new words only, and hides it from others once it is made account-only', async () => {
    const created = await stack.query<{ createPost: { id: string } }>(CREATE_POST, {
      token: await authorToken(),
      variables: { input: { type: 'DISCUSSION', title: 'Quarterly roadmap thoughts', body: 'What should come next?' } },
    });
    const postId = created.data!.createPost.id;
    await searchUntil(stack, await neighbourToken(), { query: 'roadmap' }, (view) => hitIds(view).includes(postId));

    const edited = await stack.query(UPDATE_POST, { token: await authorToken(), variables: { id: postId, input: { title: 'ロードマップについて' } } });
    expect(edited.errors).toBeUndefined();
    const byNewTitle = await searchUntil(stack, await neighbourToken(), { query: 'ロードマップ' }, (view) => hitIds(view).includes(postId));
    expect(hitIds(byNewTitle)).toContain(postId);
    const byOldTitle = await searchUntil(stack, await neighbourToken(), { query: 'roadmap' }, (view) => !hitIds(view).includes(postId));
    expect(hitIds(byOldTitle)).not.toContain(postId);

    await stack.query(UPDATE_POST, { token: await authorToken(), variables: { id: postId, input: { visibility: 'ACCOUNT' } } });
    const hidden = await searchUntil(stack, await neighbourToken(), { query: 'ロードマップ' }, (view) => view.totalCount === 0);
    expect(hidden.totalCount).toBe(0);
    const ownAccount = await searchUntil(stack, await authorToken(), { query: 'ロードマップ' }, (view) => hitIds(view).includes(postId));
    expect(hitIds(ownAccount)).toEqual([postId]);
  });

  it('finds an imported external document within 5 s, and drops it when it is deleted', async () => {
    const imported = await stack.query<{ upsertExternalDocuments: { created: number; documents: Array<{ id: string }> } }>(IMPORT, {
      token: await stack.staffToken(),
      variables: {
        documents: [
          { source: 'status-page', externalId: 'inc-1', title: 'Scheduled maintenance window', url: 'https://status.example.com/inc-1', body: '<p>The <b>billing</b> service is down for maintenance.</p>', locale: 'en-US' },
        ],
      },
    });
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.upsertExternalDocuments.created).toBe(1);
    const documentId = imported.data!.upsertExternalDocuments.documents[0]!.id;

    const found = await searchUntil(stack, await neighbourToken(), { query: 'maintenance billing' }, (view) => hitIds(view).includes(documentId));
    expect(found.edges[0]?.node.item).toMatchObject({ __typename: 'ExternalDocument', id: documentId, url: 'https://status.example.com/inc-1', source: 'status-page' });
    expect(found.edges[0]?.node.highlights).toContainEqual({ field: 'BODY', snippet: 'The <mark>billing</mark> service is down for <mark>maintenance</mark>.' });

    await stack.query(DELETE_EXTERNAL, { token: await stack.staffToken(), variables: { id: documentId } });
    const gone = await searchUntil(stack, await neighbourToken(), { query: 'maintenance billing' }, (view) => view.totalCount === 0);
    expect(gone.totalCount).toBe(0);
  });

  it('finds a new ticket (for its own account only), article, course and event within 5 s, and drops what is deleted, archived or cancelled', async () => {
    const staff = await stack.staffToken();
    const write = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const result = await stack.query<T>(query, { token: staff, variables });
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    const ticket = await write<{ upsertTicket: { id: string } }>(UPSERT_TICKET, {
      input: { subject: 'Zeppelin integration broken', description: 'The zeppelin sync stopped.', requesterId: author._id, accountId: account._id, status: 'NEW', priority: 'HIGH' },
    });
    const article = await write<{ upsertArticle: { id: string } }>(UPSERT_ARTICLE, {
      input: { title: 'Zeppelin integration guide', body: 'Connect the zeppelin.', locale: 'en-US', section: 'integrations', visibility: 'PUBLIC' },
    });
    const course = await write<{ upsertCourse: { id: string } }>(UPSERT_COURSE, {
      input: { title: 'Zeppelin basics', description: 'Learn the zeppelin.', level: 'BEGINNER', locale: 'en-US', modules: [{ title: 'Intro', minutes: 10 }] },
    });
    const event = await write<{ createEvent: { id: string } }>(CREATE_EVENT, {
      input: { title: 'Zeppelin webinar', description: 'Live zeppelin demo.', kind: 'WEBINAR', startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString(), onlineUrl: 'https://meet.example.com/zeppelin' },
    });
    const ids = [ticket.upsertTicket.id, article.upsertArticle.id, course.upsertCourse.id, event.createEvent.id];

    const byAuthor = await searchUntil(stack, await authorToken(), { query: 'zeppelin' }, (view) => view.totalCount === 4);
    expect(hitIds(byAuthor).sort()).toEqual([...ids].sort());
    const byNeighbour = await searchUntil(stack, await neighbourToken(), { query: 'zeppelin' }, (view) => view.totalCount === 3);
    expect(hitIds(byNeighbour).sort()).toEqual(ids.slice(1).sort());

    await write(DELETE_ARTICLE, { id: article.upsertArticle.id });
    await write(ARCHIVE_COURSE, { id: course.upsertCourse.id });
    await write(CANCEL_EVENT, { id: event.createEvent.id });
    const remaining = await searchUntil(stack, staff, { query: 'zeppelin' }, (view) => view.totalCount === 1);
    expect(hitIds(remaining)).toEqual([ticket.upsertTicket.id]);
  });
});
