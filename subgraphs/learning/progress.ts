import type { DirectEnrollmentState, EnrollmentDocument, EnrollmentStatus } from './model';

/** The fields a progress report may change. */
export type ProgressUpdate = Pick<
  EnrollmentDocument,
  'progress' | 'status' | 'startedAt' | 'completedAt' | 'score' | 'lastActivityAt' | 'updatedAt'
>;

export function statusForProgress(progress: number): EnrollmentStatus {
  if (progress >= 1) return 'COMPLETED';
  return progress > 0 ? 'IN_PROGRESS' : 'ENROLLED';
}

/**
 * The enrollment after a progress report. Progress only moves forward (a lower value, say from
 * a second device that lagged behind, leaves it as it is); the first progress sets `startedAt`
 * and reaching 1 sets `completedAt`, both once. A given score replaces the stored one.
 */
export function applyProgress(
  stored: Pick<EnrollmentDocument, 'progress' | 'startedAt' | 'completedAt' | 'score'>,
  report: { progress: number; score?: number | null | undefined },
  now: Date,
): ProgressUpdate {
  const progress = Math.min(1, Math.max(stored.progress, report.progress));
  const status = statusForProgress(progress);
  return {
    progress,
    status,
    startedAt: stored.startedAt ?? (progress > 0 ? now : null),
    completedAt: stored.completedAt ?? (status === 'COMPLETED' ? now : null),
    score: report.score ?? stored.score,
    lastActivityAt: now,
    updatedAt: now,
  };
}

/**
 * The update a progress report makes: `applyProgress`, and once xAPI statements have touched the
 * enrollment, the same report applied to what was reported directly, so undoing a statement
 * later keeps this report.
 */
export function progressReportUpdate(
  stored: Pick<EnrollmentDocument, 'progress' | 'startedAt' | 'completedAt' | 'score' | 'directState'>,
  report: { progress: number; score?: number | null | undefined },
  now: Date,
): ProgressUpdate & { directState?: DirectEnrollmentState } {
  const update = applyProgress(stored, report, now);
  if (!stored.directState) return update;
  const { progress, score, startedAt, completedAt, lastActivityAt } = applyProgress(stored.directState, report, now);
  return { ...update, directState: { progress, score, startedAt, completedAt, lastActivityAt } };
}
