import type { HubCollection } from '../kit/store/types';
import type { EnrollmentDocument, LearnerDocument } from './model';

/**
 * The batched queries behind `LearningRepository`'s per-user and per-account loaders: each
 * answers for many users or accounts with one `$in` query or one aggregation, and returns one
 * result per key in the keys' order, as DataLoader expects.
 */

/** One account's enrollment figures. */
export interface AccountEnrollmentSummary {
  enrollments: number;
  completions: number;
  activeLearners30d: number;
}

const ACTIVE_WINDOW_MS = 30 * 86_400_000;

export async function completedCourseIdsOfUsers(enrollments: HubCollection<EnrollmentDocument>, userIds: readonly string[]): Promise<string[][]> {
  const rows = await enrollments
    .find({ userId: { $in: [...userIds] }, status: 'COMPLETED' }, { projection: { userId: 1, courseId: 1 } })
    .toArray();
  const byUser = new Map<string, string[]>(userIds.map((userId) => [userId, []]));
  for (const row of rows) byUser.get(row.userId)?.push(row.courseId);
  return userIds.map((userId) => byUser.get(userId) ?? []);
}

/**
 * Grouped first per user (so an active learner counts once however many courses they touched),
 * then per account. "Active" means an enrollment touched in the 30 days before `now`.
 */
export async function enrollmentSummariesOfAccounts(
  enrollments: HubCollection<EnrollmentDocument>,
  accountIds: readonly string[],
  now: Date,
): Promise<AccountEnrollmentSummary[]> {
  const activeSince = new Date(now.getTime() - ACTIVE_WINDOW_MS);
  const rows = await enrollments
    .aggregate<AccountEnrollmentSummary & { _id: string }>([
      { $match: { accountId: { $in: [...accountIds] } } },
      {
        $group: {
          _id: { accountId: '$accountId', userId: '$userId' },
          enrollments: { $sum: 1 },
          completions: { $sum: { $cond: [{ $eq: ['$status', 'COMPLETED'] }, 1, 0] } },
          lastActivityAt: { $max: '$lastActivityAt' },
        },
      },
      {
        $group: {
          _id: '$_id.accountId',
          enrollments: { $sum: '$enrollments' },
          completions: { $sum: '$completions' },
          activeLearners30d: { $sum: { $cond: [{ $gte: ['$lastActivityAt', activeSince] }, 1, 0] } },
        },
      },
    ])
    .toArray();
  const byAccount = new Map(rows.map((row) => [row._id, row]));
  return accountIds.map((accountId) => {
    const row = byAccount.get(accountId);
    return { enrollments: row?.enrollments ?? 0, completions: row?.completions ?? 0, activeLearners30d: row?.activeLearners30d ?? 0 };
  });
}

/** Users per account holding at least one certification badge. */
export async function certifiedUserCountsOfAccounts(learners: HubCollection<LearnerDocument>, accountIds: readonly string[]): Promise<number[]> {
  const rows = await learners
    .aggregate<{ _id: string; count: number }>([
      { $match: { accountId: { $in: [...accountIds] }, 'badges.isCertification': true } },
      { $group: { _id: '$accountId', count: { $sum: 1 } } },
    ])
    .toArray();
  const byAccount = new Map(rows.map((row) => [row._id, row.count]));
  return accountIds.map((accountId) => byAccount.get(accountId) ?? 0);
}
