import type { Identity } from '../../kit/auth';
import { isDuplicateKeyError } from '../../kit/store/types';
import { parseInput } from '../../kit/validation';
import type { EnrollmentWriter } from '../enrollment-writer';
import { isArchived, type CourseDocument, type EnrollmentDocument } from '../model';
import { learningPolicy } from '../policy';
import type { LearningRepository } from '../repository';
import type { StatementEnrollmentSync } from './enrollment-sync';
import { statementFingerprint } from '../../kit/xapi-statement-fingerprint';
import { recordLearningStatementsArguments, type LearningStatementInput } from './inputs';
import type { LearningStatementDocument } from './model';
import type { StatementsRepository } from './repository';
import { effectOf } from './verbs';
import { voidStatement } from './voiding';

export const STATEMENT_OUTCOMES = ['APPLIED', 'UNKNOWN_VERB', 'NO_COURSE', 'VOIDING', 'ALREADY_VOIDED', 'DUPLICATE', 'CONFLICT'] as const;
export type StatementOutcome = (typeof STATEMENT_OUTCOMES)[number];

/** What recording one statement did, as `recordLearningStatements` answers it. */
export interface StatementRecord {
  statementId: string;
  outcome: StatementOutcome;
  enrollment: EnrollmentDocument | null;
  message: string;
}

/** The activity id a course carries to receive statements about it. */
export const XAPI_SOURCE = 'xapi';

function toDocument(input: LearningStatementInput, course: CourseDocument | null, now: Date): LearningStatementDocument {
  return {
    _id: input.id,
    verbId: input.verbId,
    activityId: input.activityId ?? null,
    voidedStatementId: input.voidedStatementId ?? null,
    userId: input.userId ?? null,
    accountId: input.accountId ?? null,
    courseId: course?._id ?? null,
    effect: effectOf(input.verbId, input.result ?? null),
    result: input.result ?? null,
    // A timestamp in the future would keep the enrollment "active" until then.
    timestamp: input.timestamp > input.stored ? input.stored : input.timestamp,
    stored: input.stored,
    isVoided: false,
    voidedBy: null,
    json: input.json.text,
    fingerprint: statementFingerprint({ ...input.json.value, id: input.id }),
    createdAt: now,
  };
}

/**
 * Stores xAPI statements and applies them to enrollments. A statement is stored first, then its
 * effect follows from what is stored, so sending it again (same content) redoes the follow-up
 * without a second effect: a crash between the two steps heals on the retry.
 */
export class StatementRecorder {
  constructor(
    private readonly identity: Identity,
    private readonly repository: LearningRepository,
    private readonly statements: StatementsRepository,
    private readonly sync: StatementEnrollmentSync,
    private readonly enrollments: EnrollmentWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records the statements in the order given, so a voiding statement may follow its target. */
  async record(rawArguments: unknown): Promise<StatementRecord[]> {
    learningPolicy.assertCanRecordStatements(this.identity);
    const { statements } = parseInput(recordLearningStatementsArguments, rawArguments);
    const records: StatementRecord[] = [];
    for (const input of statements) records.push(await this.recordOne(input));
    return records;
  }

  private async recordOne(input: LearningStatementInput): Promise<StatementRecord> {
    const now = this.now();
    const course = input.activityId ? await this.repository.findCourseByExternalKeys([`${XAPI_SOURCE}:${input.activityId}`]) : null;
    const candidate = toDocument(input, course, now);
    const { statement, isDuplicate } = await this.store(candidate);
    if (statement.fingerprint !== candidate.fingerprint) {
      const message = `another statement with id ${input.id} is stored: nothing changed`;
      return { statementId: input.id, outcome: 'CONFLICT', enrollment: null, message };
    }
    const record = statement.voidedStatementId
      ? await voidStatement(statement, this.statements, this.sync, now)
      : await this.apply(statement, course, now);
    return isDuplicate ? { ...record, outcome: 'DUPLICATE', message: `already stored: ${record.message}` } : record;
  }

  private async store(candidate: LearningStatementDocument): Promise<{ statement: LearningStatementDocument; isDuplicate: boolean }> {
    try {
      await this.statements.insert(candidate);
      return { statement: candidate, isDuplicate: false };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const stored = await this.statements.findById(candidate._id);
      if (!stored) throw error;
      return { statement: stored, isDuplicate: true };
    }
  }

  private async apply(statement: LearningStatementDocument, course: CourseDocument | null, now: Date): Promise<StatementRecord> {
    const record = (outcome: StatementOutcome, message: string, enrollment: EnrollmentDocument | null = null): StatementRecord => ({
      statementId: statement._id,
      outcome,
      enrollment,
      message,
    });
    const { userId, accountId, courseId } = statement;
    // Checked after storing, so a target and its voiding statement arriving at once still meet.
    const voiding = statement.isVoided ? null : await this.statements.findVoidingOf(statement._id);
    if (statement.isVoided || voiding) {
      if (voiding) await this.statements.markVoided(statement._id, voiding._id);
      const enrollment = userId && courseId ? await this.sync.recompute(userId, courseId, now) : null;
      return record('ALREADY_VOIDED', `voided by statement ${voiding?._id ?? statement.voidedBy}: it changes nothing`, enrollment);
    }
    if (!statement.effect) return record('UNKNOWN_VERB', `stored; the verb ${statement.verbId} does not change enrollments`);
    if (!userId || !accountId || !course || course._id !== courseId) {
      return record('NO_COURSE', `stored; no course carries the activity ${statement.activityId ?? '(none)'} as its ${XAPI_SOURCE} external id`);
    }
    const isEnrolled = (await this.repository.findEnrollment(userId, course._id)) !== null;
    if (isArchived(course) && !isEnrolled) return record('NO_COURSE', `stored; course ${course._id} is archived and takes no new enrollments`);
    await this.enrollments.enroll({ courseId: course._id, userId, accountId });
    const enrollment = await this.sync.recompute(userId, course._id, now, !isEnrolled);
    return record('APPLIED', `applied to enrollment ${enrollment?._id ?? '(none)'} in course ${course._id}`, enrollment);
  }
}
