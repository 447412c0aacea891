import { randomUUID } from 'node:crypto';
import { assertPrivileged } from '../kit/access';
import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { isDuplicateKeyError } from '../kit/store/types';
import { parseInput } from '../kit/validation';
import type { AwardWriter } from './award-writer';
import { enrollInput, recordProgressInput, type EnrollInput } from './inputs';
import { isArchived, type EnrollmentDocument } from './model';
import { learningPolicy, SCOPES, type LearnerRef } from './policy';
import { progressReportUpdate } from './progress';
import type { LearningRepository } from './repository';

/**
 * Each compare-and-set round lets one of the concurrent reports on an enrollment through, so
 * this many rounds settle as many reports arriving at once (more than one learner's devices send).
 */
const MAX_ATTEMPTS = 10;

function newEnrollmentId(): string {
  return `enr_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/**
 * Enrollments and progress. Input is validated and authorized completely before the first
 * write; every write is idempotent or compare-and-set, so retries and concurrent requests never
 * duplicate an enrollment or an award.
 */
export class EnrollmentWriter {
  constructor(
    private readonly identity: Identity,
    private readonly repository: LearningRepository,
    private readonly awards: AwardWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Enrolls the learner in the course, or returns their existing enrollment unchanged. An
   * archived course keeps its learners but takes no new ones.
   */
  async enroll(rawInput: unknown): Promise<EnrollmentDocument> {
    const input = parseInput(enrollInput, rawInput, 'input');
    const learner = this.learnerOf(input);
    learningPolicy.assertCanWriteFor(this.identity, learner);
    const course = await this.repository.findCourseById(input.courseId);
    if (!course) throw errors.notFound('Course', input.courseId);
    const existing = await this.repository.findEnrollment(learner.userId, course._id);
    if (existing) return this.sameAccount(existing, learner);
    // Checked after the existing enrollment, so a learner's retried enroll still answers.
    if (isArchived(course)) {
      throw errors.badUserInput([{ field: 'input.courseId', message: `course ${course._id} is archived and takes no new enrollments` }]);
    }

    const now = this.now();
    try {
      await this.repository.ensureLearner(learner.userId, learner.accountId, now);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw errors.conflict(`User ${learner.userId}'s learning belongs to another account`);
      throw error;
    }
    const enrollment: EnrollmentDocument = {
      _id: newEnrollmentId(),
      userId: learner.userId,
      accountId: learner.accountId,
      courseId: course._id,
      progress: 0,
      status: 'ENROLLED',
      enrolledAt: now,
      startedAt: null,
      completedAt: null,
      score: null,
      lastActivityAt: now,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.repository.insertEnrollment(enrollment);
    } catch (error) {
      // A concurrent request enrolled the same user first: theirs is the enrollment.
      if (!isDuplicateKeyError(error)) throw error;
      const winner = await this.repository.findEnrollment(learner.userId, course._id);
      if (!winner) throw error;
      return this.sameAccount(winner, learner);
    }
    await this.repository.countCourseEnrollment(course._id);
    return enrollment;
  }

  /**
   * Moves the enrollment forward. When it is (or already was) complete, grants whatever the
   * completion earned that the learner does not hold yet, so a retry after a failure between
   * the two writes still awards everything, and nothing twice.
   */
  async recordProgress(rawInput: unknown): Promise<EnrollmentDocument> {
    const input = parseInput(recordProgressInput, rawInput, 'input');
    let enrollment = await this.repository.findEnrollmentById(input.enrollmentId);
    if (!enrollment) {
      if (this.identity.role === 'customer') throw errors.forbidden(`enrollment ${input.enrollmentId}`);
      assertPrivileged(this.identity, [SCOPES.write], 'recording progress');
      throw errors.notFound('Enrollment', input.enrollmentId);
    }
    learningPolicy.assertCanWriteFor(this.identity, enrollment);

    for (let attempt = 0; ; attempt += 1) {
      if (attempt === MAX_ATTEMPTS) throw errors.conflict(`Enrollment ${input.enrollmentId} kept changing concurrently; try again`);
      const update = progressReportUpdate(enrollment, input, this.now());
      const updated = await this.repository.updateEnrollmentIfUnchanged(enrollment._id, enrollment.version, update);
      if (updated) {
        enrollment = updated;
        break;
      }
      enrollment = await this.repository.findEnrollmentById(input.enrollmentId);
      if (!enrollment) throw errors.notFound('Enrollment', input.enrollmentId);
    }
    if (enrollment.status === 'COMPLETED') await this.awards.grantDue(enrollment, this.now());
    return enrollment;
  }

  /** Customers enroll themselves; staff and integrations name the user and their account. */
  private learnerOf(input: EnrollInput): LearnerRef {
    if (input.userId && input.accountId) return { userId: input.userId, accountId: input.accountId };
    if (this.identity.role === 'customer' && this.identity.accountId) {
      return { userId: this.identity.subject, accountId: this.identity.accountId };
    }
    assertPrivileged(this.identity, [SCOPES.write], 'enrolling users');
    throw errors.badUserInput([{ field: 'input.userId', message: 'is required: give the user to enroll and their accountId' }]);
  }

  private sameAccount(enrollment: EnrollmentDocument, learner: LearnerRef): EnrollmentDocument {
    if (enrollment.accountId !== learner.accountId) {
      throw errors.conflict(`User ${learner.userId} is enrolled under another account`);
    }
    return enrollment;
  }
}
