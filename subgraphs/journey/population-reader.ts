import type { GraphClient } from '../kit/graph-client';
import type { CourseLevel, HealthBand, Persona, Segment } from './model';
import type { CatalogArticle, CatalogCourse, CatalogEvent, CatalogStory, Population, PopulationAccount, PopulationUser } from './population-model';

/** Accounts per read: each brings up to USERS_PAGE_SIZE users with their learning and community. */
export const ACCOUNTS_PAGE_SIZE = 25;
export const USERS_PAGE_SIZE = 100;
const CATALOG_PAGE_SIZE = 100;
/** A user's latest enrollments read for completions and learning activity. */
export const ENROLLMENTS_PER_USER = 100;
/** Bounds every list read, so a runaway list cannot stall the journey: 100,000 items each. */
const MAX_PAGES = 1_000;

interface Page<T> {
  edges: Array<{ node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const USER_FIELDS = `fragment JourneyPopulationUser on User {
  id persona locale firstSeenAt lastSeenAt
  learning {
    completedCourses(first: 0) { totalCount }
    enrollments(first: ${ENROLLMENTS_PER_USER}) { edges { node { course { id } status completedAt lastActivityAt } } }
  }
  community { id acceptedAnswers }
}`;

const ACCOUNTS_QUERY = `query JourneyPopulation($first: Int!, $after: String, $users: Int!) {
  accounts(first: $first, after: $after) {
    edges { node {
      id segment
      health { band score }
      usageReport(period: MONTH) { users { user { id } featuresUsed lastActiveAt } }
      users(first: $users) { edges { node { ...JourneyPopulationUser } } pageInfo { hasNextPage endCursor } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
${USER_FIELDS}`;

const MORE_USERS_QUERY = `query JourneyPopulationUsers($id: ID!, $first: Int!, $after: String) {
  account(id: $id) { users(first: $first, after: $after) { edges { node { ...JourneyPopulationUser } } pageInfo { hasNextPage endCursor } } }
}
${USER_FIELDS}`;

const COURSES_QUERY = `query JourneyCourses($first: Int!, $after: String) {
  list: courses(first: $first, after: $after) { edges { node { id title level tags locale enrollmentCount } } pageInfo { hasNextPage endCursor } }
}`;
const ARTICLES_QUERY = `query JourneyArticles($first: Int!, $after: String) {
  list: articles(first: $first, after: $after) { edges { node { id title locale section labels visibility viewCount } } pageInfo { hasNextPage endCursor } }
}`;
const STORIES_QUERY = `query JourneyStories($first: Int!, $after: String) {
  list: posts(filter: { types: [CUSTOMER_STORY] }, first: $first, after: $after) {
    edges { node { id title tags locale views visibility author { id } account { segment } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const EVENTS_QUERY = `query JourneyEvents($first: Int!, $after: String) {
  list: events(upcoming: true, first: $first, after: $after) { edges { node { id title locale startsAt registeredCount isFull } } pageInfo { hasNextPage endCursor } }
}`;

interface GraphUser {
  id: string;
  persona: Persona;
  locale: string;
  firstSeenAt: string;
  lastSeenAt: string | null;
  learning: {
    completedCourses: { totalCount: number };
    enrollments: Page<{ course: { id: string }; status: string; completedAt: string | null; lastActivityAt: string }>;
  } | null;
  community: { id: string; acceptedAnswers: number } | null;
}

interface GraphAccount {
  id: string;
  segment: Segment;
  health: { band: HealthBand; score: number } | null;
  usageReport: { users: Array<{ user: { id: string }; featuresUsed: string[]; lastActiveAt: string }> } | null;
  users: Page<GraphUser>;
}

/** Every page of a list, one request each, `MAX_PAGES` at most. */
async function readAll<T>(graph: GraphClient, query: string, pick: (data: unknown) => Page<T>, variables: Record<string, unknown> = {}, pageSize = CATALOG_PAGE_SIZE): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const page = pick(await graph.request<unknown>(query, { ...variables, first: pageSize, after }));
    items.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return items;
}

const asList = <T>(data: unknown) => (data as { list: Page<T> }).list;
const latest = (dates: Date[]): Date | null => (dates.length ? new Date(Math.max(...dates.map((date) => date.getTime()))) : null);

function toUser(user: GraphUser, accountId: string, usage: Map<string, { featuresUsed: string[]; lastActiveAt: Date }>): PopulationUser {
  const enrollments = user.learning?.enrollments.edges.map((edge) => edge.node) ?? [];
  return {
    id: user.id,
    accountId,
    persona: user.persona,
    locale: user.locale,
    firstSeenAt: new Date(user.firstSeenAt),
    lastSeenAt: user.lastSeenAt ? new Date(user.lastSeenAt) : null,
    completedCourses: user.learning?.completedCourses.totalCount ?? 0,
    completions: enrollments.flatMap((enrollment) =>
      enrollment.status === 'COMPLETED' && enrollment.completedAt ? [{ courseId: enrollment.course.id, completedAt: new Date(enrollment.completedAt) }] : [],
    ),
    lastLearningAt: latest(enrollments.map((enrollment) => new Date(enrollment.lastActivityAt))),
    memberId: user.community?.id ?? null,
    acceptedAnswers: user.community?.acceptedAnswers ?? 0,
    usage: usage.get(user.id) ?? null,
  };
}

/** Every account with its users: pages of accounts, then further pages of users for large accounts. */
async function readAccounts(graph: GraphClient): Promise<{ accounts: PopulationAccount[]; users: PopulationUser[] }> {
  const graphAccounts = await readAll<GraphAccount>(graph, ACCOUNTS_QUERY, (data) => (data as { accounts: Page<GraphAccount> }).accounts, { users: USERS_PAGE_SIZE }, ACCOUNTS_PAGE_SIZE);
  const accounts: PopulationAccount[] = [];
  const users: PopulationUser[] = [];
  for (const account of graphAccounts) {
    accounts.push({ id: account.id, segment: account.segment, healthBand: account.health?.band ?? null, healthScore: account.health?.score ?? null });
    const usage = new Map((account.usageReport?.users ?? []).map((row) => [row.user.id, { featuresUsed: row.featuresUsed, lastActiveAt: new Date(row.lastActiveAt) }]));
    const accountUsers = account.users.edges.map((edge) => edge.node);
    if (account.users.pageInfo.hasNextPage) {
      // Rare: only accounts with more users than one page take further reads, one per page.
      const more = await readAll<GraphUser>(graph, MORE_USERS_QUERY, (data) => (data as { account: { users: Page<GraphUser> } }).account.users, { id: account.id }, USERS_PAGE_SIZE);
      accountUsers.splice(0, accountUsers.length, ...more);
    }
    users.push(...accountUsers.map((user) => toUser(user, account.id, usage)));
  }
  return { accounts, users };
}

interface GraphStory {
  id: string;
  title: string;
  tags: string[];
  locale: string;
  views: number;
  visibility: 'PUBLIC' | 'ACCOUNT';
  author: { id: string };
  account: { segment: Segment } | null;
}

/**
 * The population as of now, read through the gateway with the hub's own token: the reads are
 * bounded pages, each answered by the owners with batched lookups, so their number grows with the
 * number of accounts and catalog items, never with one request's list.
 */
export async function readPopulation(graph: GraphClient, now: () => Date = () => new Date()): Promise<Population> {
  const readAt = now();
  const [people, courses, articles, stories, events] = await Promise.all([
    readAccounts(graph),
    readAll<CatalogCourse & { level: CourseLevel }>(graph, COURSES_QUERY, asList),
    readAll<CatalogArticle & { visibility: string }>(graph, ARTICLES_QUERY, asList),
    readAll<GraphStory>(graph, STORIES_QUERY, asList),
    readAll<{ id: string; title: string; locale: string; startsAt: string; registeredCount: number; isFull: boolean }>(graph, EVENTS_QUERY, asList),
  ]);
  return {
    readAt,
    accounts: new Map(people.accounts.map((account) => [account.id, account])),
    users: people.users,
    courses,
    // Recommendations go to customers: internal articles never make the list.
    articles: articles.filter((article) => article.visibility === 'PUBLIC').map(({ visibility: _visibility, ...article }) => article),
    stories: stories.map(
      (story): CatalogStory => ({
        id: story.id,
        title: story.title,
        tags: story.tags,
        locale: story.locale,
        views: story.views,
        isPublic: story.visibility === 'PUBLIC',
        authorMemberId: story.author.id,
        segment: story.account?.segment ?? null,
      }),
    ),
    events: events
      .filter((event) => !event.isFull)
      .map((event): CatalogEvent => ({ id: event.id, title: event.title, locale: event.locale, startsAt: new Date(event.startsAt), registeredCount: event.registeredCount })),
  };
}
