import type { PostDocument, PostType, ReplyDocument } from '../../subgraphs/community/model';
import type { CommunityAuthor } from './community-members';
import { writePost, writeReply } from './community-texts';
import { DAY_MS, daysAfter, daysBefore, earliest, latest } from './dates';
import { languageOf, type Language } from './names';
import type { Random } from './random';

const HOUR_MS = 3_600_000;
const POST_TYPE_SHARES: ReadonlyArray<readonly [PostType, number]> = [
  ['QUESTION', 0.45],
  ['DISCUSSION', 0.25],
  ['IDEA', 0.18],
  ['CUSTOMER_STORY', 0.12],
];
const ACCOUNT_ONLY_SHARE = 0.15;
const ACCEPTED_SHARE = 0.65;

export interface PostVolume {
  postsPerMember: number;
  repliesPerPost: number;
}

function pickPostType(random: Random): PostType {
  let roll = random.next();
  for (const [type, share] of POST_TYPE_SHARES) {
    roll -= share;
    if (roll < 0) return type;
  }
  return 'QUESTION';
}

/**
 * When a member did something. At-risk accounts' members went quiet more than a month ago;
 * other members are often active in the last 30 days. Never before joining, never after last seen.
 */
export function activityDate(random: Random, author: CommunityAuthor, now: Date): Date {
  let from = author.member.joinedAt;
  let to = author.activeUntil;
  if (author.isAtRisk && random.chance(0.9)) to = earliest(to, daysBefore(now, 31));
  else if (random.chance(0.35)) from = latest(from, daysBefore(now, 30));
  return to < from ? from : random.dateBetween(from, to);
}

/** Each author appears once per unit of weight, so a uniform pick favours heavy writers. */
function weightedTickets(authors: readonly CommunityAuthor[]): number[] {
  return authors.flatMap((author, index) => Array<number>(author.weight).fill(index));
}

/** Posts in the authors' languages, numbered in publication order (`pst_000001` is the oldest). */
export function generatePosts(random: Random, authors: readonly CommunityAuthor[], volume: PostVolume, now: Date): PostDocument[] {
  const tickets = weightedTickets(authors);
  const count = Math.round(authors.length * volume.postsPerMember);
  const posts: PostDocument[] = [];
  for (let index = 0; index < count && tickets.length; index += 1) {
    const author = authors[random.pick(tickets)] as CommunityAuthor;
    const type = pickPostType(random);
    const visibility = type !== 'CUSTOMER_STORY' && random.chance(ACCOUNT_ONLY_SHARE) ? 'ACCOUNT' : 'PUBLIC';
    const createdAt = activityDate(random, author, now);
    const ageDays = (now.getTime() - createdAt.getTime()) / DAY_MS;
    const reach = (visibility === 'ACCOUNT' ? 0.2 : 1) * (type === 'CUSTOMER_STORY' ? 3 : 1);
    const views = Math.round((random.int(5, 40) + ageDays * random.next() * 2) * reach);
    const isImported = author.member.externalIds.length > 0 && random.chance(0.5);
    posts.push({
      _id: '',
      type,
      ...writePost(random, author.language, type),
      locale: author.language === 'ja' ? 'ja-JP' : 'en-US',
      authorId: author.member._id,
      authorUserId: author.member.userId,
      accountId: author.member.accountId,
      visibility,
      views,
      votes: Math.round(views * random.next() * 0.08),
      acceptedReplyId: null,
      externalIds: isImported ? [{ source: 'discourse', id: `t${index + 1}` }] : [],
      ...(isImported ? { externalKeys: [`discourse:t${index + 1}`] } : {}),
      syncedAt: isImported ? latest(createdAt, daysBefore(now, 3)) : null,
      createdAt,
      updatedAt: createdAt,
    });
  }
  posts.sort((first, second) => first.createdAt.getTime() - second.createdAt.getTime());
  posts.forEach((post, index) => {
    post._id = `pst_${String(index + 1).padStart(6, '0')}`;
  });
  return posts;
}

/** Who may reply to a post: anyone writing its language, or only its own account for account-only posts. */
function replyPools(authors: readonly CommunityAuthor[]) {
  const byLanguage = new Map<Language, CommunityAuthor[]>();
  const byAccount = new Map<string, CommunityAuthor[]>();
  const add = <K>(groups: Map<K, CommunityAuthor[]>, key: K, author: CommunityAuthor) => {
    const group = groups.get(key);
    if (group) group.push(author);
    else groups.set(key, [author]);
  };
  for (const author of authors) {
    add(byLanguage, author.language, author);
    add(byAccount, author.member.accountId, author);
  }
  return (post: PostDocument) =>
    (post.visibility === 'ACCOUNT' ? byAccount.get(post.accountId) : byLanguage.get(languageOf(post.locale))) ?? [];
}

/**
 * Replies within a week of each post, by members who had joined by then; about two thirds of
 * the questions that got an answer from someone else have it accepted.
 */
export function generateReplies(random: Random, authors: readonly CommunityAuthor[], posts: readonly PostDocument[], volume: PostVolume, now: Date): ReplyDocument[] {
  const poolOf = replyPools(authors);
  const replies: ReplyDocument[] = [];
  const accepted: Array<[PostDocument, ReplyDocument]> = [];
  for (const post of posts) {
    const pool = poolOf(post);
    const answers: ReplyDocument[] = [];
    // Uniform from 0 to twice the average.
    for (let count = Math.floor(random.next() * (2 * volume.repliesPerPost + 1)); count > 0 && pool.length; count -= 1) {
      const createdAt = random.dateBetween(post.createdAt, earliest(now, daysAfter(post.createdAt, 7)));
      // A few tries for someone who had joined by then; otherwise this reply is not written.
      const replier = [0, 1, 2, 3].map(() => random.pick(pool)).find((candidate) => candidate.member.joinedAt <= createdAt);
      if (!replier) continue;
      answers.push({
        _id: '',
        postId: post._id,
        authorId: replier.member._id,
        authorUserId: replier.member.userId,
        accountId: replier.member.accountId,
        body: writeReply(random, languageOf(post.locale)),
        votes: random.int(0, 8),
        acceptedAt: null,
        createdAt,
        updatedAt: createdAt,
      });
    }
    replies.push(...answers);
    const answer = answers.find((reply) => reply.authorId !== post.authorId);
    if (post.type === 'QUESTION' && answer && random.chance(ACCEPTED_SHARE)) accepted.push([post, answer]);
  }
  replies.sort((first, second) => first.createdAt.getTime() - second.createdAt.getTime());
  replies.forEach((reply, index) => {
    reply._id = `rpl_${String(index + 1).padStart(6, '0')}`;
  });
  for (const [post, reply] of accepted) {
    const acceptedAt = new Date(Math.min(now.getTime(), reply.createdAt.getTime() + random.int(1, 72) * HOUR_MS));
    reply.acceptedAt = acceptedAt;
    reply.updatedAt = acceptedAt;
    post.acceptedReplyId = reply._id;
    post.updatedAt = acceptedAt;
  }
  return replies;
}
