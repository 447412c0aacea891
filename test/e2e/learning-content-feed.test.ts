import { recordRemoval } from '../../subgraphs/kit/content-feed';
import { feedQuery, readWholeFeed, type ContentChangeNode } from '../helpers/content-feed';
import { buildCourse, learningRepository, seedLearning } from '../helpers/learning';

const COURSE_CHANGES = feedQuery('courseChanges');
import { startStack, type Stack } from '../helpers/stack';

const UPSERT = `mutation($input: UpsertCourseInput!) { upsertCourse(input: $input) { id updatedAt } }`;
const ARCHIVE = `mutation($id: ID!) { archiveCourse(id: $id) { id archivedAt updatedAt } }`;

function at(minute: number): Date {
  return new Date(Date.UTC(2024, 5, 1, 9, minute));
}

describe('the course change feed', () => {
  let stack: Stack;
  const salesforce = buildCourse({
    title: 'Salesforce連携の設定入門',
    description: 'Salesforceの取引先を同期します。',
    tags: ['integrations', 'salesforce'],
    locale: 'ja-JP',
    modules: [
      { id: 'm1', title: '連携の仕組み', estimatedMinutes: 10 },
      { id: 'm2', title: '項目マッピング', estimatedMinutes: 25 },
    ],
    estimatedMinutes: 35,
    enrollmentCount: 42,
    createdAt: new Date('2023-04-01T00:00:00Z'),
    updatedAt: at(1),
  });
  const archived = buildCourse({ title: 'Legacy exports', archivedAt: at(2), updatedAt: at(2) });
  const offeredWithNull = buildCourse({ title: 'Offered, archivedAt null', archivedAt: null, updatedAt: at(3) });
  // Two changes at the same instant: the feed orders them by id, and paging must not lose either.
  const tiedA = buildCourse({ _id: 'crs_tie_a', title: 'Tie A', updatedAt: at(4) });
  const tiedB = buildCourse({ _id: 'crs_tie_b', title: 'Tie B', updatedAt: at(4) });
  const later = Array.from({ length: 4 }, (_, index) => buildCourse({ title: `Later ${index}`, updatedAt: at(10 + index) }));
  const seeded = [salesforce, archived, offeredWithNull, tiedA, tiedB, ...later];

  beforeAll(async () => {
    stack = await startStack();
    // Like the demo data and every course stored before archiving existed: no `archivedAt` field at all.
    expect('archivedAt' in salesforce).toBe(false);
    await seedLearning(stack, { courses: seeded });
  });
  afterAll(() => stack.stop());

  async function allChanges(options: { since?: Date; first?: number } = {}): Promise<ContentChangeNode[]> {
    return (await readWholeFeed(stack, 'courseChanges', await stack.staffToken(), options)).changes;
  }

  function changeOf(changes: ContentChangeNode[], id: string): ContentChangeNode | undefined {
    return changes.find((change) => change.id === id);
  }

  it('reports a course as public course content of no account, its module titles in the body and its enrollments as popularity', async () => {
    expect(changeOf(await allChanges(), salesforce._id)).toEqual({
      id: salesforce._id,
      type: 'COURSE',
      removed: false,
      title: 'Salesforce連携の設定入門',
      body: 'Salesforceの取引先を同期します。\n連携の仕組み\n項目マッピング',
      tags: ['integrations', 'salesforce'],
      locale: 'ja-JP',
      audience: 'PUBLIC',
      accountId: null,
      popularity: 42,
      publishedAt: '2023-04-01T00:00:00.000Z',
      updatedAt: at(1).toISOString(),
    });
  });

  it('reports an archived course as removed, and courses stored without archivedAt or with null as offered', async () => {
    const changes = await allChanges();
    expect(changeOf(changes, archived._id)).toMatchObject({ removed: true, title: 'Legacy exports', audience: 'PUBLIC' });
    expect(changeOf(changes, salesforce._id)?.removed).toBe(false);
    expect(changeOf(changes, offeredWithNull._id)?.removed).toBe(false);
  });

  it('pages through every change exactly once, oldest first, ties on updatedAt ordered by id', async () => {
    const paged = await allChanges({ first: 2 });
    const ids = paged.map((change) => change.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual((await allChanges({ first: 1_000 })).map((change) => change.id));
    expect(ids).toEqual(expect.arrayContaining(seeded.map((course) => course._id)));
    const repository = learningRepository(stack);
    expect(ids).toHaveLength((await repository.courses.countDocuments()) + (await repository.removals.countDocuments()));
    const order = paged.map((change) => [Date.parse(change.updatedAt), change.id] as const);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
    expect(order).toEqual(sorted);
    expect(ids.indexOf(tiedA._id) + 1).toBe(ids.indexOf(tiedB._id));
  });

  it('returns only the changes at or after since', async () => {
    const changes = await allChanges({ since: at(4) });
    expect(changes.map((change) => change.id).slice(0, 6)).toEqual([tiedA._id, tiedB._id, ...later.map((course) => course._id)]);
    expect(changes.every((change) => Date.parse(change.updatedAt) >= at(4).getTime())).toBe(true);
    expect(changeOf(changes, salesforce._id)).toBeUndefined();
  });

  it('moves an updated course to the end of the feed with its new title, tags and module titles', async () => {
    const token = await stack.staffToken();
    const before = Date.now();
    const result = await stack.query<any>(UPSERT, {
      token,
      variables: { input: { id: later[0]!._id, title: 'Later, renamed', tags: ['Reporting'], modules: [{ title: 'A new module', minutes: 5 }] } },
    });
    expect(result.errors).toBeUndefined();
    const changes = await allChanges();
    expect(changes.at(-1)).toMatchObject({
      id: later[0]!._id,
      removed: false,
      title: 'Later, renamed',
      tags: ['reporting'],
      body: 'A course for tests.\nA new module',
      updatedAt: result.data.upsertCourse.updatedAt,
    });
    expect(Date.parse(changes.at(-1)!.updatedAt)).toBeGreaterThanOrEqual(before);
    expect(changes.filter((change) => change.id === later[0]!._id)).toHaveLength(1);
  });

  it('reports a course archived through the graph as removed, at the end of the feed', async () => {
    const result = await stack.query<any>(ARCHIVE, { token: await stack.staffToken(), variables: { id: later[1]!._id } });
    expect(result.errors).toBeUndefined();
    const changes = await allChanges({ since: new Date(result.data.archiveCourse.updatedAt) });
    expect(changes.at(-1)).toMatchObject({ id: later[1]!._id, removed: true, updatedAt: result.data.archiveCourse.archivedAt });
  });

  it('reports a deleted course as a removed change carrying its id', async () => {
    const repository = learningRepository(stack);
    const deletedAt = new Date();
    await recordRemoval(repository.removals, { id: later[2]!._id, source: 'courses', type: 'COURSE', publishedAt: later[2]!.createdAt }, deletedAt);
    await repository.courses.deleteOne({ _id: later[2]!._id });
    const changes = await allChanges({ since: deletedAt });
    expect(changes).toEqual([expect.objectContaining({ id: later[2]!._id, type: 'COURSE', removed: true, updatedAt: deletedAt.toISOString() })]);
  });

  it.each([
    ['staff', () => stack.staffToken()],
    ['an integration with learning:read', () => stack.integrationToken(['learning:read'])],
    ['an integration with learning:write', () => stack.integrationToken(['learning:write'])],
  ])('serves %s', async (_name, token) => {
    const result = await stack.query<any>(COURSE_CHANGES, { token: await token(), variables: { first: 1 } });
    expect(result.errors).toBeUndefined();
    expect(result.data.courseChanges.edges).toHaveLength(1);
    expect(result.data.courseChanges.pageInfo.hasNextPage).toBe(true);
  });

  it.each([
    ['a customer', () => stack.customerToken('acc_feed', 'usr_feed')],
    ['an integration without a learning scope', () => stack.integrationToken(['support:read', 'community:read'])],
  ])('refuses %s with FORBIDDEN', async (_name, token) => {
    const result = await stack.query<any>(COURSE_CHANGES, { token: await token(), variables: { first: 10 } });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it.each([
    ['a page larger than 1000', { first: 1_001 }, 'first'],
    ['a negative page size', { first: -1 }, 'first'],
    ['a cursor from nowhere', { after: 'not-a-cursor' }, 'after'],
  ])('rejects %s with BAD_USER_INPUT naming the argument', async (_name, variables, field) => {
    const result = await stack.query<any>(COURSE_CHANGES, { token: await stack.staffToken(), variables });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('rejects a since that is not a date-time with BAD_USER_INPUT', async () => {
    const result = await stack.query<any>(COURSE_CHANGES, { token: await stack.staffToken(), variables: { since: 'last week' } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/DateTime/);
  });
});
