import { generateCommunityDemoData, type CommunityDemoData } from '../../scripts/demo-data/community';
import { profileAccounts, type DemoScale, type DomainContext } from '../../scripts/demo-data/context';
import { generateDemoData } from '../../scripts/demo-data/generate';
import { POINTS, rankOf } from '../../subgraphs/community/rules';

const NOW = new Date('2026-03-01T09:00:00.000Z');
const DAY_MS = 86_400_000;

function contextFor(options: { seed?: number; scale?: DemoScale; accounts?: number; teamScale?: number } = {}): DomainContext {
  const { seed = 42, scale = 'demo', accounts = 40, teamScale = 1 } = options;
  const base = generateDemoData({ seed, now: NOW, accounts, teamScale });
  return { seed, now: NOW, scale, ...base, profiles: profileAccounts(base.accounts, base.users, NOW) };
}

/** Members who posted, replied or attended in the 30 days before NOW, by account. */
function activeMembersByAccount(data: CommunityDemoData): Map<string, Set<string>> {
  const since = NOW.getTime() - 30 * DAY_MS;
  const active = new Map<string, Set<string>>();
  const mark = (accountId: string, userId: string, at: Date | null) => {
    if (!at || at.getTime() < since) return;
    active.set(accountId, (active.get(accountId) ?? new Set()).add(userId));
  };
  for (const post of data.posts) mark(post.accountId, post.authorUserId, post.createdAt);
  for (const reply of data.replies) mark(reply.accountId, reply.authorUserId, reply.createdAt);
  for (const registration of data.registrations) mark(registration.accountId, registration.userId, registration.attendedAt);
  return active;
}

describe('community demo data', () => {
  const context = contextFor();
  const data = generateCommunityDemoData(context);
  const usersById = new Map(context.users.map((user) => [user._id, user]));
  const membersById = new Map(data.members.map((member) => [member._id, member]));
  const postsById = new Map(data.posts.map((post) => [post._id, post]));

  it('gives deep-equal output for the same context and different output for another seed', () => {
    expect(generateCommunityDemoData(contextFor())).toEqual(data);
    expect(generateCommunityDemoData(contextFor({ seed: 7 }))).not.toEqual(data);
  });

  it('makes about 40% of the users members, a few hundred posts and replies, and ten events', () => {
    expect(data.members.length / context.users.length).toBeGreaterThan(0.3);
    expect(data.members.length / context.users.length).toBeLessThan(0.5);
    expect(data.posts.length).toBeGreaterThanOrEqual(150);
    expect(data.posts.length).toBeLessThanOrEqual(400);
    expect(data.replies.length).toBeGreaterThanOrEqual(150);
    expect(data.replies.length).toBeLessThanOrEqual(500);
    expect(data.events).toHaveLength(10);
  });

  it('refers to the same users and accounts as the accounts data', () => {
    expect(new Set(data.members.map((member) => member.userId)).size).toBe(data.members.length);
    for (const member of data.members) expect(usersById.get(member.userId)?.accountId).toBe(member.accountId);
    for (const post of data.posts) {
      expect(membersById.get(post.authorId)).toMatchObject({ userId: post.authorUserId, accountId: post.accountId });
    }
    for (const reply of data.replies) {
      expect(postsById.has(reply.postId)).toBe(true);
      expect(membersById.get(reply.authorId)).toMatchObject({ userId: reply.authorUserId, accountId: reply.accountId });
    }
    for (const registration of data.registrations) {
      expect(data.events.some((event) => event._id === registration.eventId)).toBe(true);
      expect(usersById.get(registration.userId)?.accountId).toBe(registration.accountId);
    }
  });

  it('gives members opaque ids that reveal neither the user nor the account', () => {
    for (const member of data.members) {
      expect(member._id).toMatch(/^mem_[0-9a-f]{12}$/);
      expect(member._id).not.toContain(member.userId.slice(4));
    }
  });

  it('dates members who joined before their company became a customer from when their user was first seen', () => {
    const accountsById = new Map(context.accounts.map((account) => [account._id, account]));
    const early = data.members.filter((member) => {
      const since = accountsById.get(member.accountId)?.customerSince;
      return since && member.joinedAt < since;
    });
    expect(early.length).toBeGreaterThan(0);
    for (const member of early) {
      expect(member.joinedAt).toEqual(usersById.get(member.userId)?.firstSeenAt);
      expect(member.badges.map((badge) => badge.kind)).toContain('EARLY_MEMBER');
    }
  });

  it('keeps activity between joining and now, and replies after their post', () => {
    for (const post of data.posts) {
      expect(post.createdAt.getTime()).toBeGreaterThanOrEqual(membersById.get(post.authorId)!.joinedAt.getTime());
      expect(post.createdAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    for (const reply of data.replies) {
      expect(reply.createdAt.getTime()).toBeGreaterThanOrEqual(postsById.get(reply.postId)!.createdAt.getTime());
      expect(reply.createdAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(reply.createdAt.getTime()).toBeGreaterThanOrEqual(membersById.get(reply.authorId)!.joinedAt.getTime());
    }
  });

  it('writes Japanese posts for Japanese accounts and English ones otherwise, including mixed-script titles', () => {
    const accountsById = new Map(context.accounts.map((account) => [account._id, account]));
    for (const post of data.posts) expect(post.locale.slice(0, 2)).toBe(accountsById.get(post.accountId)!.locale.slice(0, 2));
    const japanese = data.posts.filter((post) => post.locale === 'ja-JP');
    expect(japanese.length).toBeGreaterThan(0);
    expect(data.posts.some((post) => post.locale === 'en-US')).toBe(true);
    expect(japanese.some((post) => /[A-Za-z]/.test(post.title) && /[\u3040-\u30ff\u4e00-\u9fff]/.test(post.title))).toBe(true);
  });

  it('has every post type, account-only posts, and accepted answers only on questions', () => {
    expect(new Set(data.posts.map((post) => post.type))).toEqual(new Set(['QUESTION', 'DISCUSSION', 'IDEA', 'CUSTOMER_STORY']));
    expect(data.posts.some((post) => post.visibility === 'ACCOUNT')).toBe(true);
    const accepted = data.posts.filter((post) => post.acceptedReplyId);
    expect(accepted.length).toBeGreaterThan(0);
    for (const post of accepted) {
      expect(post.type).toBe('QUESTION');
      const reply = data.replies.find((candidate) => candidate._id === post.acceptedReplyId);
      expect(reply).toMatchObject({ postId: post._id });
      expect(reply!.acceptedAt!.getTime()).toBeGreaterThanOrEqual(reply!.createdAt.getTime());
    }
    expect(data.replies.filter((reply) => reply.acceptedAt).length).toBe(accepted.length);
  });

  it('keeps replies to account-only posts within the account', () => {
    for (const reply of data.replies) {
      const post = postsById.get(reply.postId)!;
      if (post.visibility === 'ACCOUNT') expect(reply.accountId).toBe(post.accountId);
    }
  });

  it('gives members at least the points their activity earns, and public profiles to authors of public content', () => {
    const earned = new Map<string, number>();
    const add = (memberId: string, points: number) => earned.set(memberId, (earned.get(memberId) ?? 0) + points);
    for (const post of data.posts) add(post.authorId, POINTS.post);
    for (const reply of data.replies) {
      add(reply.authorId, POINTS.reply);
      if (reply.acceptedAt && reply.authorUserId !== postsById.get(reply.postId)!.authorUserId) add(reply.authorId, POINTS.acceptedAnswer);
    }
    for (const member of data.members) expect(member.points).toBeGreaterThanOrEqual(earned.get(member._id) ?? 0);
    const publicAuthors = new Set(data.posts.filter((post) => post.visibility === 'PUBLIC').map((post) => post.authorId));
    for (const authorId of publicAuthors) expect(membersById.get(authorId)?.hasPublicContent).toBe(true);
    expect(new Set(data.members.map((member) => rankOf(member.points))).size).toBeGreaterThanOrEqual(3);
  });

  it('gives at-risk accounts fewer recently active members than healthy ones', () => {
    const active = activeMembersByAccount(data);
    const share = (atRisk: boolean) => {
      const profiles = context.profiles.filter((profile) => profile.isAtRisk === atRisk && profile.account.customerSince);
      const members = profiles.flatMap((profile) => data.members.filter((member) => member.accountId === profile.account._id));
      const activeCount = profiles.reduce((sum, profile) => sum + (active.get(profile.account._id)?.size ?? 0), 0);
      return activeCount / Math.max(1, members.length);
    };
    expect(share(true)).toBeLessThan(share(false) * 0.75);
  });

  it('holds past and upcoming events in both languages, with registrations within capacity', () => {
    const isPast = (event: (typeof data.events)[number]) => event.endsAt <= NOW;
    expect(data.events.filter(isPast).length).toBeGreaterThan(0);
    expect(data.events.filter((event) => !isPast(event)).length).toBeGreaterThan(0);
    expect(new Set(data.events.map((event) => event.locale))).toEqual(new Set(['ja-JP', 'en-US']));
    for (const event of data.events) {
      const registrations = data.registrations.filter((registration) => registration.eventId === event._id);
      expect(event.registeredCount).toBe(registrations.length);
      if (event.capacity !== null) expect(event.registeredCount).toBeLessThanOrEqual(event.capacity);
      expect(event.kind === 'MEETUP' ? event.place : event.onlineUrl).toBeTruthy();
      for (const registration of registrations) {
        expect(registration.status === 'REGISTERED').toBe(!isPast(event));
        expect(registration.registeredAt.getTime()).toBeLessThanOrEqual(Math.min(event.startsAt.getTime(), NOW.getTime()));
      }
    }
    expect(data.events.some((event) => !isPast(event) && event.capacity !== null && event.registeredCount === event.capacity)).toBe(true);
  });

  it('reaches the benchmark volumes: about 20,000 members, 60,000 posts and 60,000 replies', () => {
    // The benchmark dataset's size (see scripts/demo-data/dataset.ts).
    const bench = contextFor({ scale: 'bench', accounts: 2_000, teamScale: 1.7 });
    const benchData = generateCommunityDemoData(bench);
    expect(benchData.members.length).toBeGreaterThan(16_000);
    expect(benchData.members.length).toBeLessThan(24_000);
    expect(benchData.posts.length).toBeGreaterThan(50_000);
    expect(benchData.posts.length).toBeLessThan(70_000);
    expect(benchData.replies.length).toBeGreaterThan(50_000);
    expect(benchData.replies.length).toBeLessThan(70_000);
  });
});
