import type { DirectEnrollmentState, EnrollmentDocument } from '../model';
import { statusForProgress } from '../progress';
import type { StatementEffect } from './model';

/** A stored statement's contribution, with when it happened. */
export interface TimedEffect extends StatementEffect {
  at: Date;
}

/** The enrollment fields statements decide. */
export type StatementDrivenFields = Pick<EnrollmentDocument, 'progress' | 'status' | 'score' | 'startedAt' | 'completedAt' | 'lastActivityAt'>;

const earliest = (dates: ReadonlyArray<Date | null>): Date | null =>
  dates.reduce<Date | null>((found, date) => (date && (!found || date < found) ? date : found), null);

const latest = (dates: readonly Date[]): Date | null =>
  dates.reduce<Date | null>((found, date) => (!found || date > found ? date : found), null);

/**
 * The enrollment as what was reported directly plus every statement that counts. Progress is
 * the highest reported; it started at the first report of progress and was completed at the
 * first report of completion; the score is the most recent one (a direct score dates from the
 * last direct report); the last activity is the latest report, or the enrollment itself. Only
 * max, min and latest are used, so the result depends on which statements count, never on the
 * order they arrived in: recomputing without a voided one undoes it exactly.
 */
export function enrollmentFromStatements(direct: DirectEnrollmentState, effects: readonly TimedEffect[], enrolledAt: Date): StatementDrivenFields {
  const progress = Math.min(1, Math.max(direct.progress, ...effects.map((effect) => effect.progress ?? 0)));
  const startedAt = earliest([direct.startedAt, ...effects.filter((effect) => (effect.progress ?? 0) > 0).map((effect) => effect.at)]);
  const completedAt = earliest([direct.completedAt, ...effects.filter((effect) => (effect.progress ?? 0) >= 1).map((effect) => effect.at)]);
  const lastActivityAt = latest([...(direct.lastActivityAt ? [direct.lastActivityAt] : []), ...effects.map((effect) => effect.at)]) ?? enrolledAt;
  const scored = [...effects]
    .filter((effect): effect is TimedEffect & { score: number } => effect.score !== null)
    .sort((left, right) => left.at.getTime() - right.at.getTime())
    .at(-1);
  const statementScoreWins = scored !== undefined && (direct.score === null || direct.lastActivityAt === null || scored.at >= direct.lastActivityAt);
  return {
    progress,
    status: statusForProgress(progress),
    score: statementScoreWins ? scored.score : direct.score,
    startedAt,
    completedAt,
    lastActivityAt,
  };
}

/** Nothing reported directly: the state of an enrollment a statement created. */
export const NO_DIRECT_REPORTS: DirectEnrollmentState = { progress: 0, score: null, startedAt: null, completedAt: null, lastActivityAt: null };

/**
 * What was reported directly: kept on the enrollment once statements touched it; before that,
 * the whole enrollment (made by direct reports alone), unless a statement just created it.
 */
export function directStateOf(enrollment: EnrollmentDocument, isCreatedByStatement = false): DirectEnrollmentState {
  if (enrollment.directState) return enrollment.directState;
  if (isCreatedByStatement) return NO_DIRECT_REPORTS;
  const { progress, score, startedAt, completedAt, lastActivityAt } = enrollment;
  return { progress, score, startedAt, completedAt, lastActivityAt };
}
