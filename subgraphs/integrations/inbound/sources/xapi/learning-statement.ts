import type { HubLearner } from './actor';
import { VOIDED_VERB_ID, type StoredXapiStatement } from './statement-schema';

/** cmi5's progress result extension: a whole number from 0 to 100. */
export const CMI5_PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

/** The statement as the learning subgraph's `recordLearningStatements` takes it. */
export interface LearningStatementInput {
  id: string;
  userId: string | null;
  accountId: string | null;
  verbId: string;
  activityId: string | null;
  voidedStatementId: string | null;
  result: Record<string, number | boolean | null> | null;
  timestamp: string;
  stored: string;
  json: string;
}

/** A time without an offset is read as UTC, whatever the server's time zone. */
function instant(value: string): string {
  const hasOffset = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/.test(value);
  return new Date(hasOffset ? value : `${value}Z`).toISOString();
}

function progressOf(extensions: Record<string, unknown> | undefined): number | null {
  const value = extensions?.[CMI5_PROGRESS_EXTENSION];
  return typeof value === 'number' && value >= 0 && value <= 100 ? value / 100 : null;
}

function resultOf(statement: StoredXapiStatement): LearningStatementInput['result'] {
  const { result } = statement;
  if (!result) return null;
  return {
    completion: result.completion ?? null,
    success: result.success ?? null,
    scoreScaled: result.score?.scaled ?? null,
    scoreRaw: result.score?.raw ?? null,
    scoreMin: result.score?.min ?? null,
    scoreMax: result.score?.max ?? null,
    progress: progressOf(result.extensions),
  };
}

/**
 * Maps a stored statement onto the learning subgraph's input: the learner found for its actor,
 * the activity (when the object is one) or the voided statement, the result's figures, and the
 * statement itself as JSON.
 */
export function toLearningStatement(statement: StoredXapiStatement, payload: unknown, learner: HubLearner | null): LearningStatementInput {
  const { object } = statement;
  const objectType = object.objectType ?? 'Activity';
  const isVoiding = statement.verb.id === VOIDED_VERB_ID;
  return {
    id: statement.id.toLowerCase(),
    userId: learner?.userId ?? null,
    accountId: learner?.accountId ?? null,
    verbId: statement.verb.id,
    activityId: objectType === 'Activity' ? (object.id ?? null) : null,
    voidedStatementId: isVoiding && object.id ? object.id.toLowerCase() : null,
    result: resultOf(statement),
    timestamp: instant(statement.timestamp ?? statement.stored),
    stored: instant(statement.stored),
    // The statement as the inbox keeps it, its members in the sender's order.
    json: JSON.stringify(payload),
  };
}
