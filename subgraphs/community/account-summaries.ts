import DataLoader from 'dataloader';
import type { CommunityRepository } from './repository';

const DAY_MS = 86_400_000;
const ACTIVE_WINDOW_DAYS = 30;
const ATTENDANCE_WINDOW_DAYS = 90;

/** What `Account.community` reports for one account. */
export interface AccountCommunitySummary {
  activeMembers30d: number;
  members: number;
  posts: number;
  /** Posts of type QUESTION: the journey's "first question asked" signal. */
  questions: number;
  answers: number;
  acceptedAnswers: number;
  eventAttendance90d: number;
  /** When the account's earliest member joined; null without members. May precede `customerSince`. */
  firstMemberJoinedAt: Date | null;
}

interface CountRow {
  _id: string;
  count: number;
  /** Posts only: how many are questions. */
  questions?: number;
  accepted?: number;
  /** Members only: the earliest `joinedAt`. */
  firstJoinedAt?: Date | null;
  /** Users active in the window; `null` stands for the documents outside it. */
  recentUserIds?: Array<string | null>;
}

/** True when the field holds a value; a missing field counts as null, as in a query. */
function isSet(field: string) {
  return { $ne: [{ $ifNull: [`$${field}`, null] }, null] };
}

/** `$addToSet` of the user id for documents in the window, `null` for the rest (dropped later). */
function recentUsers(dateField: string, since: Date, userField: string, extraCondition?: object) {
  const inWindow = { $gte: [`$${dateField}`, since] };
  return { $addToSet: { $cond: [extraCondition ? { $and: [inWindow, extraCondition] } : inWindow, `$${userField}`, null] } };
}

/**
 * `Account.community` for every account asked for in one tick: one aggregation per collection
 * (members, posts, replies, registrations), each `$match`ing all the accounts and `$group`ing by
 * account, so the store calls do not grow with the number of accounts.
 */
export function createAccountSummaryLoader(repository: CommunityRepository, now: () => Date): DataLoader<string, AccountCommunitySummary> {
  return new DataLoader<string, AccountCommunitySummary>(async (keys) => {
    const accountIds = [...keys];
    const at = now().getTime();
    const activeSince = new Date(at - ACTIVE_WINDOW_DAYS * DAY_MS);
    const attendanceSince = new Date(at - ATTENDANCE_WINDOW_DAYS * DAY_MS);
    const match = { $match: { accountId: { $in: accountIds } } };
    const [members, posts, replies, attendances] = await Promise.all([
      repository.members
        .aggregate<CountRow>([match, { $group: { _id: '$accountId', count: { $sum: 1 }, firstJoinedAt: { $min: '$joinedAt' } } }])
        .toArray(),
      repository.posts
        .aggregate<CountRow>([
          match,
          {
            $group: {
              _id: '$accountId',
              count: { $sum: 1 },
              questions: { $sum: { $cond: [{ $eq: ['$type', 'QUESTION'] }, 1, 0] } },
              recentUserIds: recentUsers('createdAt', activeSince, 'authorUserId'),
            },
          },
        ])
        .toArray(),
      repository.replies
        .aggregate<CountRow>([
          match,
          {
            $group: {
              _id: '$accountId',
              count: { $sum: 1 },
              accepted: { $sum: { $cond: [isSet('acceptedAt'), 1, 0] } },
              recentUserIds: recentUsers('createdAt', activeSince, 'authorUserId'),
            },
          },
        ])
        .toArray(),
      repository.registrations
        .aggregate<CountRow>([
          { $match: { accountId: { $in: accountIds }, status: 'ATTENDED', attendedAt: { $gte: attendanceSince } } },
          {
            $group: {
              _id: '$accountId',
              count: { $sum: 1 },
              // Only attendees with a community profile are members.
              recentUserIds: recentUsers('attendedAt', activeSince, 'userId', isSet('memberId')),
            },
          },
        ])
        .toArray(),
    ]);
    const byAccount = (rows: CountRow[]) => new Map(rows.map((row) => [row._id, row]));
    const [memberRows, postRows, replyRows, attendanceRows] = [members, posts, replies, attendances].map(byAccount) as [
      Map<string, CountRow>,
      Map<string, CountRow>,
      Map<string, CountRow>,
      Map<string, CountRow>,
    ];
    return accountIds.map((accountId) => {
      const rows = [postRows.get(accountId), replyRows.get(accountId), attendanceRows.get(accountId)];
      const activeUsers = new Set(rows.flatMap((row) => row?.recentUserIds ?? []).filter((userId) => userId !== null));
      return {
        activeMembers30d: activeUsers.size,
        members: memberRows.get(accountId)?.count ?? 0,
        posts: postRows.get(accountId)?.count ?? 0,
        questions: postRows.get(accountId)?.questions ?? 0,
        answers: replyRows.get(accountId)?.count ?? 0,
        acceptedAnswers: replyRows.get(accountId)?.accepted ?? 0,
        eventAttendance90d: attendanceRows.get(accountId)?.count ?? 0,
        firstMemberJoinedAt: memberRows.get(accountId)?.firstJoinedAt ?? null,
      };
    });
  });
}
