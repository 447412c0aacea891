import type { BadgeKind, PostDocument, PostType, ReplyDocument } from './model';

/** Points a member earns for each kind of contribution. */
export const POINTS = {
  post: 10,
  reply: 5,
  /** To the reply's author, when someone else accepts it as the answer to their question. */
  acceptedAnswer: 25,
} as const;

export const RANKS = ['NEWCOMER', 'CONTRIBUTOR', 'EXPERT', 'LEADER'] as const;
export type CommunityRank = (typeof RANKS)[number];

/** The lowest points of each rank; the schema's enum descriptions quote the same numbers. */
export const RANK_THRESHOLDS: ReadonlyArray<readonly [rank: CommunityRank, minimumPoints: number]> = [
  ['LEADER', 1_000],
  ['EXPERT', 250],
  ['CONTRIBUTOR', 50],
  ['NEWCOMER', 0],
];

export function rankOf(points: number): CommunityRank {
  return RANK_THRESHOLDS.find(([, minimum]) => points >= minimum)?.[0] ?? 'NEWCOMER';
}

export const BADGE_NAMES: Readonly<Record<BadgeKind, string>> = {
  FIRST_POST: 'First Post',
  FIRST_REPLY: 'First Reply',
  ACCEPTED_ANSWER: 'Accepted Answer',
  STORYTELLER: 'Storyteller',
  EARLY_MEMBER: 'Early Member',
  EVENT_GOER: 'Event Goer',
};

/** The badges a new post earns its author (each is kept only the first time). */
export function badgesForPost(type: PostType): BadgeKind[] {
  return type === 'CUSTOMER_STORY' ? ['FIRST_POST', 'STORYTELLER'] : ['FIRST_POST'];
}

/**
 * The points a post and its replies earned their writers, per member: what deleting the post takes
 * back. Badges are not taken back: they record a first time that did happen.
 */
export function pointsEarnedThrough(
  post: Pick<PostDocument, 'authorId' | 'authorUserId'>,
  replies: ReadonlyArray<Pick<ReplyDocument, 'authorId' | 'authorUserId' | 'acceptedAt'>>,
): Map<string, number> {
  const points = new Map<string, number>();
  const add = (memberId: string, amount: number) => points.set(memberId, (points.get(memberId) ?? 0) + amount);
  add(post.authorId, POINTS.post);
  for (const reply of replies) add(reply.authorId, pointsEarnedByReply(post, reply));
  return points;
}

/** The points one reply earned its writer: for replying, and for an answer someone else accepted. */
export function pointsEarnedByReply(
  post: Pick<PostDocument, 'authorUserId'>,
  reply: Pick<ReplyDocument, 'authorUserId' | 'acceptedAt'>,
): number {
  return POINTS.reply + (reply.acceptedAt && reply.authorUserId !== post.authorUserId ? POINTS.acceptedAnswer : 0);
}

// Hiragana, katakana and CJK ideographs: a title containing any of them is Japanese.
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/;

/** The locale a post gets when none is given: Japanese when its title is written in Japanese. */
export function defaultLocale(title: string): string {
  return JAPANESE_SCRIPT.test(title) ? 'ja-JP' : 'en-US';
}
