/**
 * What one statement contributes to its user's enrollment in its activity's course: a share of
 * the course done and an assessment score (0–100), either absent. Contributions combine with
 * max, min and latest only, so the enrollment is the same whatever order they arrive in, and
 * recomputing it from the statements that remain undoes a voided one exactly.
 */
export interface StatementEffect {
  progress: number | null;
  score: number | null;
}

/** The parts of an xAPI result the hub reads. */
export interface StatementResult {
  completion: boolean | null;
  success: boolean | null;
  scoreScaled: number | null;
  scoreRaw: number | null;
  scoreMin: number | null;
  scoreMax: number | null;
  /** Share of the activity done (0–1), from a progress result extension. */
  progress: number | null;
}

/** One xAPI statement as the learning subgraph stores it (`learningStatements`). */
export interface LearningStatementDocument {
  /** The statement's id: a lower-case UUID, unique. */
  _id: string;
  verbId: string;
  /** The activity the statement is about; null when its object is not an activity. */
  activityId: string | null;
  /** For a voiding statement: the statement it voids. */
  voidedStatementId: string | null;
  /** The hub user the actor is; null only on voiding statements sent by someone the hub does not know. */
  userId: string | null;
  accountId: string | null;
  /** The course whose `xapi` external id is the activity; null when none is. */
  courseId: string | null;
  /** Null when the verb has no effect on enrollments (unknown verbs, voiding statements). */
  effect: StatementEffect | null;
  result: StatementResult | null;
  /** When the experience happened (never after `stored`). */
  timestamp: Date;
  /** When the LRS stored it. */
  stored: Date;
  isVoided: boolean;
  /** The voiding statement's id, once voided. */
  voidedBy: string | null;
  /**
   * The statement as the LRS stored it, as JSON text: kept as text because xAPI extension keys
   * are IRIs, full of dots, which MongoDB field names do not take well.
   */
  json: string;
  /** Hash of the content that identifies the statement, to tell a resend from a conflicting one. */
  fingerprint: string;
  createdAt: Date;
}
