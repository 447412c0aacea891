import type { AccountDocument } from '../../subgraphs/accounts/model';
import type { BadgeKind, MemberDocument, PostDocument, RegistrationDocument, ReplyDocument } from '../../subgraphs/community/model';
import { badgesForPost, POINTS } from '../../subgraphs/community/rules';
import { latest } from './dates';

/**
 * Gives members the points, badges and public profile their activity earns, by the same rules as
 * the subgraph's writes: points per post, reply and accepted answer (not for answering oneself),
 * each badge dated when it was first earned. Activity is walked oldest first.
 */
export function rewardMembers(
  members: readonly MemberDocument[],
  accounts: readonly AccountDocument[],
  posts: readonly PostDocument[],
  replies: readonly ReplyDocument[],
  registrations: readonly RegistrationDocument[],
): void {
  const byId = new Map(members.map((member) => [member._id, member]));
  const customerSince = new Map(accounts.map((account) => [account._id, account.customerSince]));
  const postsById = new Map(posts.map((post) => [post._id, post]));
  const award = (memberId: string | null, at: Date, points: number, badges: BadgeKind[], isPublic = false) => {
    const member = memberId ? byId.get(memberId) : undefined;
    if (!member) return;
    member.points += points;
    for (const kind of badges) {
      if (!member.badges.some((badge) => badge.kind === kind)) member.badges.push({ kind, earnedAt: at });
    }
    member.hasPublicContent ||= isPublic;
    member.updatedAt = latest(member.updatedAt, at);
  };

  for (const member of members) {
    const since = customerSince.get(member.accountId);
    if (since && member.joinedAt < since) award(member._id, member.joinedAt, 0, ['EARLY_MEMBER']);
  }
  for (const post of posts) {
    award(post.authorId, post.createdAt, POINTS.post, badgesForPost(post.type), post.visibility === 'PUBLIC');
  }
  for (const reply of replies) {
    const post = postsById.get(reply.postId);
    award(reply.authorId, reply.createdAt, POINTS.reply, ['FIRST_REPLY'], post?.visibility === 'PUBLIC');
  }
  const acceptedReplies = replies.filter((reply) => reply.acceptedAt !== null);
  acceptedReplies.sort((first, second) => (first.acceptedAt?.getTime() ?? 0) - (second.acceptedAt?.getTime() ?? 0));
  for (const reply of acceptedReplies) {
    if (reply.authorUserId === postsById.get(reply.postId)?.authorUserId) continue;
    award(reply.authorId, reply.acceptedAt ?? reply.createdAt, POINTS.acceptedAnswer, ['ACCEPTED_ANSWER']);
  }
  for (const registration of registrations) {
    if (registration.attendedAt) award(registration.memberId, registration.attendedAt, 0, ['EVENT_GOER']);
  }
  for (const member of members) member.badges.sort((first, second) => first.earnedAt.getTime() - second.earnedAt.getTime());
}
