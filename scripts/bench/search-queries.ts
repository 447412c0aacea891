import type { ContentType } from '../../subgraphs/kit/content-feed';
import type { Random } from '../demo-data/random';

/**
 * The searches of the benchmark: words that occur in the generated posts, tickets, articles,
 * courses and events (see scripts/demo-data), in English and Japanese, as people type them.
 */
const ENGLISH_WORDS = ['csv', 'salesforce', 'dashboard', 'webhooks', 'invoices', 'onboarding', 'permissions', 'slack', 'integration', 'timeout', 'meetup', 'analytics'];
const ENGLISH_PAIRS = ['export invoices', 'salesforce sync', 'permission denied', 'admin console', 'rate limit', 'csv import', 'monthly reports', 'mobile app', 'single sign-on', 'health score'];
const JAPANESE_WORDS = ['請求書', 'ダッシュボード', 'ログイン', 'エクスポート', '権限', '連携', '文字化け', 'オンボーディング', 'ユーザー会', '通知'];
const JAPANESE_PAIRS = ['請求書 CSV', 'Salesforce 連携', 'ダッシュボード 表示', 'SSO ログイン', '権限 設定'];
/** Long words with one or two typos, which only typo tolerance finds. */
const TYPOS = ['integraton', 'notifcations', 'dashbaord', 'salesfroce', 'permissons', 'onboardng'];
/** Unfinished words, which only prefix search finds. */
const PREFIXES = ['dash', 'integ', 'onboa', 'webh', 'salesf', 'invoi', 'ダッシュ'];
/** What a search box sends while someone types. */
const TYPEAHEAD = ['how do i set', 'salesforce se', 'csv ex', 'dash', 'webho', 'sso', 'customer hub me', 'api', '請求', 'ダッシュ', 'ユーザー'];
const WORDS_AND_PAIRS = [...ENGLISH_WORDS, ...ENGLISH_PAIRS, ...JAPANESE_WORDS, ...JAPANESE_PAIRS];
const EVERY_QUERY = [...WORDS_AND_PAIRS, ...TYPOS, ...PREFIXES];

interface SearchFilter {
  types?: ContentType[];
  locales?: string[];
}

const FILTERS: readonly SearchFilter[] = [
  { types: ['TICKET'] },
  { types: ['ARTICLE', 'COURSE'] },
  { types: ['POST', 'CUSTOMER_STORY'] },
  { locales: ['ja'] },
  { locales: ['en-US'] },
];

/** Entity fields would need the gateway: the benchmark reads what the search subgraph answers alone. */
export const SEARCH_OPERATION = `query Search($query: String!, $filter: SearchFilter, $after: String) {
  search(query: $query, filter: $filter, after: $after) {
    totalCount
    edges { node { score type highlights { field snippet } item { __typename } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export const SUGGESTIONS_OPERATION = `query Suggestions($prefix: String!) {
  searchSuggestions(prefix: $prefix) { text type score }
}`;

export type SearchCaller = 'staff' | 'customer';
export type SearchKind = 'first page' | 'second page' | 'suggestions';

export interface SearchBenchRequest {
  kind: SearchKind;
  caller: SearchCaller;
  token: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface SearchCallers {
  staffToken: string;
  customerTokens: readonly string[];
}

const STAFF_SHARE = 1 / 3;
const SECOND_PAGE_SHARE = 0.15;
const SUGGESTIONS_SHARE = 0.2;
const FILTERED_SHARE = 0.25;

/**
 * `count` requests drawn from the seeded random: a third by staff, the rest by customers of many
 * accounts; first pages (a quarter of them filtered by kind or locale), second pages and
 * typeahead. A second page's `after` is filled in once its first page has been read.
 */
export function searchRequestMix(random: Random, callers: SearchCallers, count: number): SearchBenchRequest[] {
  return Array.from({ length: count }, (): SearchBenchRequest => {
    const caller: SearchCaller = random.chance(STAFF_SHARE) ? 'staff' : 'customer';
    const token = caller === 'staff' ? callers.staffToken : random.pick(callers.customerTokens);
    const draw = random.next();
    if (draw < SUGGESTIONS_SHARE) {
      return { kind: 'suggestions', caller, token, query: SUGGESTIONS_OPERATION, variables: { prefix: random.pick(TYPEAHEAD) } };
    }
    const isSecondPage = draw < SUGGESTIONS_SHARE + SECOND_PAGE_SHARE;
    // Second pages are asked for after broad searches, which have one.
    const text = random.pick(isSecondPage ? WORDS_AND_PAIRS : EVERY_QUERY);
    const filter = random.chance(FILTERED_SHARE) ? random.pick(FILTERS) : null;
    return { kind: isSecondPage ? 'second page' : 'first page', caller, token, query: SEARCH_OPERATION, variables: { query: text, filter, after: null } };
  });
}
