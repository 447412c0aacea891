import { z } from 'zod';
import { date, id, optional } from '../../kit/input-fields';
import { VOIDED_VERB } from './verbs';

/** The largest statement kept, as JSON text: xAPI statements are small; attachments are not taken. */
export const MAX_STATEMENT_JSON_CHARS = 65_536;
export const MAX_STATEMENTS_PER_CALL = 100;

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID')
  .transform((value) => value.toLowerCase());

/** An absolute IRI: a scheme, then no spaces. */
const iri = z
  .string()
  .max(2_000, 'must be at most 2000 characters')
  .regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/, 'must be an absolute IRI such as http://adlnet.gov/expapi/verbs/completed');

const finite = (min: number, max: number) =>
  optional(z.number('must be a number').min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`));

const resultInput = z
  .strictObject({
    completion: optional(z.boolean('must be true or false')),
    success: optional(z.boolean('must be true or false')),
    scoreScaled: finite(-1, 1),
    scoreRaw: optional(z.number('must be a number')),
    scoreMin: optional(z.number('must be a number')),
    scoreMax: optional(z.number('must be a number')),
    progress: finite(0, 1),
  })
  .transform((result) => ({
    completion: result.completion ?? null,
    success: result.success ?? null,
    scoreScaled: result.scoreScaled ?? null,
    scoreRaw: result.scoreRaw ?? null,
    scoreMin: result.scoreMin ?? null,
    scoreMax: result.scoreMax ?? null,
    progress: result.progress ?? null,
  }));

const statementJson = z
  .string()
  .max(MAX_STATEMENT_JSON_CHARS, `must be at most ${MAX_STATEMENT_JSON_CHARS} characters`)
  .transform((text, context) => {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return { text, value: parsed as Record<string, unknown> };
    } catch {
      // Reported below, like any other value that is not a JSON object.
    }
    context.addIssue({ code: 'custom', message: 'must be a statement as a JSON object' });
    return z.NEVER;
  });

/**
 * One statement. Its user is required, except on voiding statements: an LMS often voids as
 * itself, an agent the hub does not know, and the voided statement already names the user.
 */
export const learningStatementInput = z
  .strictObject({
    id: uuid,
    userId: optional(id),
    accountId: optional(id),
    verbId: iri,
    activityId: optional(iri),
    voidedStatementId: optional(uuid),
    result: optional(resultInput),
    timestamp: date,
    stored: date,
    json: statementJson,
  })
  .superRefine((input, context) => {
    const isVoiding = input.verbId === VOIDED_VERB;
    if ((input.userId === undefined) !== (input.accountId === undefined)) {
      context.addIssue({ code: 'custom', path: [input.userId === undefined ? 'userId' : 'accountId'], message: 'userId and accountId go together' });
    }
    if (!isVoiding && input.userId === undefined) {
      context.addIssue({ code: 'custom', path: ['userId'], message: 'is required (only a voiding statement may omit it)' });
    }
    if (isVoiding && input.voidedStatementId === undefined) {
      context.addIssue({ code: 'custom', path: ['voidedStatementId'], message: 'is required on a voiding statement' });
    }
    if (!isVoiding && input.voidedStatementId !== undefined) {
      context.addIssue({ code: 'custom', path: ['voidedStatementId'], message: `is only for statements with the verb ${VOIDED_VERB}` });
    }
    const jsonId = input.json.value['id'];
    if (jsonId !== undefined && (typeof jsonId !== 'string' || jsonId.toLowerCase() !== input.id)) {
      context.addIssue({ code: 'custom', path: ['json', 'id'], message: 'must be the statement\'s id' });
    }
    if (input.voidedStatementId !== undefined && input.voidedStatementId === input.id) {
      context.addIssue({ code: 'custom', path: ['voidedStatementId'], message: 'a statement cannot void itself' });
    }
  });
export type LearningStatementInput = z.output<typeof learningStatementInput>;

/** The whole call: at most 100 statements, each id once. */
export const recordLearningStatementsArguments = z.strictObject({
  statements: z
    .array(learningStatementInput)
    .min(1, 'must hold at least one statement')
    .max(MAX_STATEMENTS_PER_CALL, `must hold at most ${MAX_STATEMENTS_PER_CALL} statements`)
    .superRefine((statements, context) => {
      const seen = new Set<string>();
      statements.forEach((statement, index) => {
        if (seen.has(statement.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: 'is given twice in this call' });
        seen.add(statement.id);
      });
    }),
});

export const learningStatementArguments = z.strictObject({ id: uuid });
