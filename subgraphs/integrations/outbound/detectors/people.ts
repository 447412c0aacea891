import type { DetectedFact } from '../outbox';
import { announceFacts, type EventDetector } from './detector';

/** The most the journey lists give at once (their `first` maximum). */
const LIST_SIZE = 100;
/** Advocate candidates read in one scan at the most: a hundred thousand users. */
const MAX_PAGES = 1_000;

const PERSON_FIELDS = 'id name email account { id name }';

/**
 * The users who became dormant most recently: a scan every minute announces them as they cross
 * the line. Longest inactive first would fill the list with users announced long ago, and nobody
 * newly dormant would be announced once more than a list's worth were dormant.
 */
const DORMANT_USERS = `query OutboundDormantUsers($first: Int) {
  dormantUsers(first: $first, order: RECENTLY_DORMANT) { user { ${PERSON_FIELDS} } lastActiveAt inactiveDays suggestedFeatures }
}`;

const ADVOCATE_CANDIDATES = `query OutboundAdvocateCandidates($first: Int, $after: ID) {
  advocateCandidates(first: $first, after: $after) { user { ${PERSON_FIELDS} } score evidence }
}`;

interface Person {
  id: string;
  name: string;
  email: string;
  account: { id: string; name: string };
}

const personData = (user: Person) => ({ userId: user.id, email: user.email, name: user.name, accountId: user.account.id, accountName: user.account.name });

/**
 * `user.dormant`: the journey's dormant users (its playbook's number of days). Once per user per
 * dormancy: the key holds when the user was last active, so a user who comes back and falls
 * asleep again is announced again.
 */
export function dormantUsersDetector(): EventDetector {
  return {
    name: 'dormant users',
    async detect(context) {
      type Dormant = { user: Person; lastActiveAt: string | null; inactiveDays: number; suggestedFeatures: string[] };
      const { dormantUsers } = await context.graph.request<{ dormantUsers: Dormant[] }>(DORMANT_USERS, { first: LIST_SIZE });
      const facts = dormantUsers.map(
        (dormant): DetectedFact => ({
          eventType: 'USER_DORMANT',
          factKey: `user.dormant|${dormant.user.id}|${dormant.lastActiveAt ?? 'never'}`,
          data: {
            ...personData(dormant.user),
            lastActiveAt: dormant.lastActiveAt,
            inactiveDays: dormant.inactiveDays,
            suggestedFeatures: dormant.suggestedFeatures,
          },
        }),
      );
      return announceFacts(context, facts);
    },
  };
}

/** `community.promoter`: the journey's advocate candidates, once per user. */
export function promotersDetector(): EventDetector {
  return {
    name: 'promoters',
    async detect(context) {
      type Candidate = { user: Person; score: number; evidence: string[] };
      // Every candidate, a list at a time: one who just qualified may rank below the first hundred.
      const candidates: Candidate[] = [];
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const after = candidates.at(-1)?.user.id ?? null;
        const { advocateCandidates } = await context.graph.request<{ advocateCandidates: Candidate[] }>(ADVOCATE_CANDIDATES, { first: LIST_SIZE, after });
        candidates.push(...advocateCandidates);
        if (advocateCandidates.length < LIST_SIZE) break;
      }
      const facts = candidates.map(
        (candidate): DetectedFact => ({
          eventType: 'COMMUNITY_PROMOTER',
          factKey: `community.promoter|${candidate.user.id}`,
          data: { ...personData(candidate.user), score: candidate.score, evidence: candidate.evidence },
        }),
      );
      return announceFacts(context, facts);
    },
  };
}
