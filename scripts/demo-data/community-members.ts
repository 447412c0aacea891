import type { Persona, UserDocument } from '../../subgraphs/accounts/model';
import type { MemberDocument } from '../../subgraphs/community/model';
import type { AccountProfile } from './context';
import { daysBefore, latest } from './dates';
import { languageOf, type Language } from './names';
import type { Random } from './random';

/** A member with what the post, reply and event generators need to know about them. */
export interface CommunityAuthor {
  member: MemberDocument;
  language: Language;
  isAtRisk: boolean;
  /** The last moment they can have done anything: when their user was last seen. */
  activeUntil: Date;
  /** How much they write compared with others: a few members write most posts. */
  weight: number;
}

/** Share of each persona who join the community; calibrated so about 40% of users are members. */
const MEMBER_SHARE: Readonly<Record<Persona, number>> = {
  ADMIN: 0.65,
  CHAMPION: 0.9,
  EXECUTIVE: 0.2,
  DEVELOPER: 0.6,
  END_USER: 0.36,
};

const PERSONA_WEIGHT: Readonly<Record<Persona, number>> = { ADMIN: 2, CHAMPION: 3, EXECUTIVE: 1, DEVELOPER: 2, END_USER: 1 };
const IMPORTED_SHARE = 0.2;
const MAX_IMPORTED_POINTS = 1_400;

function hex(random: Random, digits: number): string {
  return random.int(0, 16 ** digits - 1).toString(16).padStart(digits, '0');
}

/** Opaque ids: they appear on public posts, so they must not reveal the user's or account's id. */
function createMemberIds(random: Random): () => string {
  const issued = new Set<string>();
  return () => {
    for (;;) {
      const id = `mem_${hex(random, 6)}${hex(random, 6)}`;
      if (!issued.has(id)) {
        issued.add(id);
        return id;
      }
    }
  };
}

/**
 * Picks the users who are community members and writes their profiles (points and badges are
 * added once their activity is known). Users who were seen before their company became a
 * customer joined the community then: their `joinedAt` is their `firstSeenAt`.
 */
export function chooseMembers(random: Random, profiles: readonly AccountProfile[], now: Date, featuredUserId: string | null): CommunityAuthor[] {
  const nextId = createMemberIds(random);
  const authors: CommunityAuthor[] = [];
  for (const profile of profiles) {
    const { customerSince } = profile.account;
    for (const user of profile.users) {
      const isEarly = customerSince !== null && user.firstSeenAt < customerSince;
      const isFeatured = user._id === featuredUserId;
      const share = MEMBER_SHARE[user.persona] * (profile.isAtRisk ? 0.75 : 1);
      if (!isEarly && !isFeatured && !random.chance(share)) continue;
      const joinedAt = isEarly || customerSince === null ? user.firstSeenAt : random.dateBetween(user.firstSeenAt, user.lastSeenAt ?? user.firstSeenAt);
      authors.push({
        member: buildMember(random, nextId(), user, joinedAt, authors.length, now),
        language: languageOf(profile.account.locale),
        isAtRisk: profile.isAtRisk,
        activeUntil: latest(joinedAt, user.lastSeenAt ?? joinedAt),
        // A heavy tail: most write once or twice, a few write a lot. The featured user writes a lot.
        weight: isFeatured ? 12 : Math.min(20, Math.floor(1 / (0.05 + 0.95 * random.next()))) * PERSONA_WEIGHT[user.persona],
      });
    }
  }
  return authors;
}

function buildMember(random: Random, id: string, user: UserDocument, joinedAt: Date, index: number, now: Date): MemberDocument {
  // Some members came over from an earlier community platform with the points they had there.
  const isImported = random.chance(IMPORTED_SHARE);
  const externalIds = isImported ? [{ source: 'discourse', id: String(100_000 + index) }] : [];
  return {
    _id: id,
    userId: user._id,
    accountId: user.accountId,
    displayName: user.name,
    joinedAt,
    points: isImported ? random.int(0, MAX_IMPORTED_POINTS) : 0,
    badges: [],
    hasPublicContent: false,
    externalIds,
    ...(isImported ? { externalKeys: [`discourse:${100_000 + index}`] } : {}),
    syncedAt: isImported ? random.dateBetween(latest(joinedAt, daysBefore(now, 10)), now) : null,
    createdAt: joinedAt,
    updatedAt: joinedAt,
  };
}
