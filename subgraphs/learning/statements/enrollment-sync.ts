import { errors } from '../../kit/errors';
import type { AwardWriter } from '../award-writer';
import type { EnrollmentDocument } from '../model';
import type { LearningRepository } from '../repository';
import { directStateOf, enrollmentFromStatements, type StatementDrivenFields } from './enrollment-state';
import type { StatementsRepository } from './repository';

/** Like progress reports: each compare-and-set round lets one concurrent writer through. */
const MAX_ATTEMPTS = 10;

const FIELDS: ReadonlyArray<keyof StatementDrivenFields> = ['progress', 'status', 'score', 'startedAt', 'completedAt', 'lastActivityAt'];

function sameValue(left: unknown, right: unknown): boolean {
  return left instanceof Date && right instanceof Date ? left.getTime() === right.getTime() : left === right;
}

/**
 * Keeps an enrollment equal to what was reported directly plus the statements that count for
 * it. It always recomputes from the stored statements instead of adding one statement's effect,
 * so applying a statement twice (a retry, a replay) changes nothing the second time, and voiding
 * one undoes it exactly.
 */
export class StatementEnrollmentSync {
  constructor(
    private readonly repository: LearningRepository,
    private readonly statements: StatementsRepository,
    private readonly awards: AwardWriter,
  ) {}

  /**
   * Recomputes the user's enrollment in the course; null when they have none. `isCreatedByStatement`
   * says that a statement has just enrolled the user, so nothing was reported directly. Each round reads
   * the enrollment's version before the statements, so a statement stored by a concurrent writer
   * after that read makes this write fail and the round start again with it included.
   */
  async recompute(userId: string, courseId: string, now: Date, isCreatedByStatement = false): Promise<EnrollmentDocument | null> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const enrollment = await this.repository.findEnrollment(userId, courseId);
      if (!enrollment) return null;
      const direct = directStateOf(enrollment, isCreatedByStatement);
      const next = enrollmentFromStatements(direct, await this.statements.effectsFor(userId, courseId), enrollment.enrolledAt);
      const isUnchanged = enrollment.directState !== undefined && FIELDS.every((field) => sameValue(enrollment[field], next[field]));
      const settled = isUnchanged
        ? enrollment
        : await this.repository.updateEnrollmentIfUnchanged(enrollment._id, enrollment.version, { ...next, directState: direct, updatedAt: now });
      if (settled) {
        // Awards are granted once and kept: a completion voided later does not take them back.
        if (settled.status === 'COMPLETED') await this.awards.grantDue(settled, now);
        return settled;
      }
    }
    throw errors.conflict(`The enrollment of user ${userId} in course ${courseId} kept changing concurrently; send the statement again`);
  }
}
