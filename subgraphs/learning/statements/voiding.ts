import type { StatementEnrollmentSync } from './enrollment-sync';
import type { LearningStatementDocument } from './model';
import type { StatementRecord } from './recorder';
import type { StatementsRepository } from './repository';

/**
 * Applies a stored voiding statement: marks its target voided and recomputes the target's
 * enrollment from the statements that remain. A target not stored yet is voided when it arrives
 * (the recorder looks for a voiding statement after storing each statement). Voiding statements
 * themselves cannot be voided, as xAPI says.
 */
export async function voidStatement(
  voiding: LearningStatementDocument,
  statements: StatementsRepository,
  sync: StatementEnrollmentSync,
  now: Date,
): Promise<StatementRecord> {
  const targetId = voiding.voidedStatementId ?? '';
  const record = (message: string, enrollment: StatementRecord['enrollment'] = null): StatementRecord => ({
    statementId: voiding._id,
    outcome: 'VOIDING',
    enrollment,
    message,
  });
  const target = await statements.findById(targetId);
  if (!target) return record(`statement ${targetId} is not stored yet; it will be stored voided when it arrives`);
  if (target.voidedStatementId) return record(`statement ${targetId} is itself a voiding statement, which cannot be voided: nothing changed`);
  await statements.markVoided(target._id, voiding._id);
  const enrollment = target.userId && target.courseId ? await sync.recompute(target.userId, target.courseId, now) : null;
  if (!enrollment) return record(`voided statement ${targetId}; it had changed no enrollment`);
  return record(`voided statement ${targetId}; enrollment ${enrollment._id} recomputed without it`, enrollment);
}
