import { directStateOf, enrollmentFromStatements, NO_DIRECT_REPORTS, type TimedEffect } from '../../subgraphs/learning/statements/enrollment-state';
import { statementFingerprint } from '../../subgraphs/kit/xapi-statement-fingerprint';
import type { StatementResult } from '../../subgraphs/learning/statements/model';
import { effectOf, MAPPED_VERBS, scoreOf, VOIDED_VERB } from '../../subgraphs/learning/statements/verbs';
import type { DirectEnrollmentState, EnrollmentDocument } from '../../subgraphs/learning/model';

const result = (fields: Partial<StatementResult>): StatementResult => ({
  completion: null,
  success: null,
  scoreScaled: null,
  scoreRaw: null,
  scoreMin: null,
  scoreMax: null,
  progress: null,
  ...fields,
});

const ENROLLED_AT = new Date('2026-02-01T08:00:00Z');
const at = (day: number) => new Date(Date.UTC(2026, 1, day, 10));
const justEnrolled: DirectEnrollmentState = { progress: 0, score: null, startedAt: null, completedAt: null, lastActivityAt: ENROLLED_AT };

describe('what an xAPI statement does to an enrollment', () => {
  describe('verbs', () => {
    it.each([
      ['completed', MAPPED_VERBS.completed, null, { progress: 1, score: null }],
      ['passed with a scaled score', MAPPED_VERBS.passed, result({ scoreScaled: 0.85, success: true }), { progress: 1, score: 85 }],
      ['failed with a raw score in its range', MAPPED_VERBS.failed, result({ scoreRaw: 12, scoreMin: 0, scoreMax: 40, success: false }), { progress: null, score: 30 }],
      ['progressed with cmi5 progress', MAPPED_VERBS.progressed, result({ progress: 0.4 }), { progress: 0.4, score: null }],
      ['progressed with a scaled score, which is its progress', MAPPED_VERBS.progressed, result({ scoreScaled: 0.6 }), { progress: 0.6, score: null }],
      ['attempted with nothing', MAPPED_VERBS.attempted, null, { progress: null, score: null }],
      ['attempted with a completed result (the specification\'s example)', MAPPED_VERBS.attempted, result({ scoreScaled: 0.95, completion: true, success: true }), { progress: 1, score: 95 }],
      ['experienced', MAPPED_VERBS.experienced, null, { progress: null, score: null }],
      ['failed with a negative scaled score, kept at 0', MAPPED_VERBS.failed, result({ scoreScaled: -0.5 }), { progress: null, score: 0 }],
    ])('%s', (_name, verbId, statementResult, effect) => {
      expect(effectOf(verbId, statementResult)).toEqual(effect);
    });

    it.each([
      ['an unknown verb', 'http://adlnet.gov/expapi/verbs/attended'],
      ['a verb of another vocabulary', 'http://example.com/xapi/verbs#sent-a-statement'],
      ['voided, which acts on another statement', VOIDED_VERB],
      ['a completed verb outside ADL\'s vocabulary', 'http://example.com/verbs/completed'],
    ])('ignores %s', (_name, verbId) => {
      expect(effectOf(verbId, result({ completion: true, scoreScaled: 1 }))).toBeNull();
    });

    it('leaves out a raw score without its range', () => {
      expect(scoreOf(result({ scoreRaw: 7 }))).toBeNull();
      expect(scoreOf(result({ scoreRaw: 7, scoreMin: 10, scoreMax: 10 }))).toBeNull();
    });
  });

  describe('recomputing an enrollment', () => {
    const progressed: TimedEffect = { at: at(3), progress: 0.3, score: null };
    const quiz: TimedEffect = { at: at(5), progress: null, score: 60 };
    const completed: TimedEffect = { at: at(9), progress: 1, score: 88 };

    it('takes the highest progress, the first start and completion, the latest score and activity', () => {
      expect(enrollmentFromStatements(justEnrolled, [progressed, quiz, completed], ENROLLED_AT)).toEqual({
        progress: 1,
        status: 'COMPLETED',
        score: 88,
        startedAt: at(3),
        completedAt: at(9),
        lastActivityAt: at(9),
      });
    });

    it('gives the same enrollment whatever order the statements came in', () => {
      const orders = [
        [progressed, quiz, completed],
        [completed, progressed, quiz],
        [quiz, completed, progressed],
      ];
      const results = orders.map((effects) => enrollmentFromStatements(justEnrolled, effects, ENROLLED_AT));
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    });

    it('undoes a statement exactly when recomputed without it', () => {
      expect(enrollmentFromStatements(justEnrolled, [progressed, quiz], ENROLLED_AT)).toEqual({
        progress: 0.3,
        status: 'IN_PROGRESS',
        score: 60,
        startedAt: at(3),
        completedAt: null,
        lastActivityAt: at(5),
      });
      expect(enrollmentFromStatements(justEnrolled, [], ENROLLED_AT)).toEqual({ ...justEnrolled, status: 'ENROLLED' });
    });

    it('keeps what was reported directly: its progress as a floor, its score when newer than the statements', () => {
      const direct: DirectEnrollmentState = { progress: 0.5, score: 70, startedAt: at(4), completedAt: null, lastActivityAt: at(6) };
      expect(enrollmentFromStatements(direct, [progressed, quiz], ENROLLED_AT)).toEqual({
        progress: 0.5,
        status: 'IN_PROGRESS',
        score: 70,
        startedAt: at(3),
        completedAt: null,
        lastActivityAt: at(6),
      });
      expect(enrollmentFromStatements(direct, [completed], ENROLLED_AT).score).toBe(88);
    });

    it('dates an enrollment a statement created by its statements, or by the enrollment once none counts', () => {
      expect(enrollmentFromStatements(NO_DIRECT_REPORTS, [progressed], ENROLLED_AT)).toMatchObject({ lastActivityAt: at(3), startedAt: at(3) });
      expect(enrollmentFromStatements(NO_DIRECT_REPORTS, [], ENROLLED_AT)).toEqual({
        progress: 0,
        status: 'ENROLLED',
        score: null,
        startedAt: null,
        completedAt: null,
        lastActivityAt: ENROLLED_AT,
      });
    });

    it('takes an untouched enrollment\'s fields as what was reported directly', () => {
      const enrollment = { progress: 0.25, score: 40, startedAt: at(2), completedAt: null, lastActivityAt: at(2), status: 'IN_PROGRESS' } as EnrollmentDocument;
      expect(directStateOf(enrollment)).toEqual({ progress: 0.25, score: 40, startedAt: at(2), completedAt: null, lastActivityAt: at(2) });
      const kept: DirectEnrollmentState = { ...justEnrolled, progress: 0.1 };
      expect(directStateOf({ ...enrollment, directState: kept })).toBe(kept);
      expect(directStateOf(enrollment, true)).toBe(NO_DIRECT_REPORTS);
    });
  });

  describe('telling a resend from a different statement with the same id', () => {
    const statement = {
      id: 'D1EEC41F-1E93-4ED6-ACBF-5C4BD0C24269',
      actor: { mbox: 'mailto:joe@example.com', name: 'Joe' },
      verb: { id: MAPPED_VERBS.completed },
      object: { id: 'http://www.example.com/activities/001' },
    };

    it('ignores member order, null members, id letter case and what the LRS assigns', () => {
      const resent = {
        object: { id: 'http://www.example.com/activities/001' },
        verb: { id: MAPPED_VERBS.completed },
        actor: { name: 'Joe', mbox: 'mailto:joe@example.com' },
        id: 'd1eec41f-1e93-4ed6-acbf-5c4bd0c24269',
        result: null,
        stored: '2026-03-01T00:00:00Z',
        authority: { mbox: 'mailto:lrs@example.com' },
        version: '1.0.3',
      };
      expect(statementFingerprint(resent)).toBe(statementFingerprint(statement));
    });

    it('tells apart statements that differ in what they say', () => {
      expect(statementFingerprint({ ...statement, verb: { id: MAPPED_VERBS.passed } })).not.toBe(statementFingerprint(statement));
      expect(statementFingerprint({ ...statement, result: { completion: true } })).not.toBe(statementFingerprint(statement));
    });
  });
});
