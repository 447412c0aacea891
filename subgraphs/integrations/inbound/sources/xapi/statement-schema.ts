import { z } from 'zod';
import { actorSchema } from './actor-schema';
import { duration, extensions, iri, languageMap, score, timestamp, uuid } from './xapi-fields';

export { uuid } from './xapi-fields';
export type { XapiActor } from './actor-schema';

/**
 * The essentials of an xAPI 1.0.3 statement, checked at the door: an identified actor, a verb
 * with an IRI, an object, and well-formed optional parts. Unknown properties and extensions pass
 * through untouched: statements the hub has never seen must still be accepted.
 */

export const VOIDED_VERB_ID = 'http://adlnet.gov/expapi/verbs/voided';

const verbSchema = z.looseObject({ id: iri, display: languageMap.optional() }, 'must be an object');

const OBJECT_TYPES = ['Activity', 'Agent', 'Group', 'StatementRef', 'SubStatement'] as const;

const activityDefinition = z.looseObject({
  name: languageMap.optional(),
  description: languageMap.optional(),
  type: iri.optional(),
  extensions: extensions.optional(),
});

/** What each kind of object must hold beyond its `objectType`. */
const objectRules = {
  Activity: z.object({ id: iri }),
  StatementRef: z.object({ id: uuid }),
  SubStatement: z.object({ actor: actorSchema, verb: verbSchema, object: z.looseObject({}, 'must be an object') }),
  Agent: actorSchema,
  Group: actorSchema,
} as const;

/** The object, checked by its `objectType` (an Activity when it has none). */
const objectSchema = z
  .looseObject(
    {
      objectType: z.enum(OBJECT_TYPES, `must be one of ${OBJECT_TYPES.join(', ')}`).optional(),
      id: z.string('must be text').optional(),
      definition: activityDefinition.optional(),
    },
    'must be an object',
  )
  .superRefine((value, context) => {
    const checked = objectRules[value.objectType ?? 'Activity'].safeParse(value);
    if (checked.success) return;
    for (const issue of checked.error.issues) context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

const resultSchema = z.looseObject(
  {
    score: score.optional(),
    success: z.boolean('must be true or false').optional(),
    completion: z.boolean('must be true or false').optional(),
    response: z.string('must be text').optional(),
    duration: duration.optional(),
    extensions: extensions.optional(),
  },
  'must be an object',
);

export const statementSchema = z
  .looseObject(
    {
      id: uuid.optional(),
      actor: actorSchema,
      verb: verbSchema,
      object: objectSchema,
      result: resultSchema.optional(),
      context: z.looseObject({ registration: uuid.optional(), extensions: extensions.optional() }, 'must be an object').optional(),
      timestamp: timestamp.optional(),
      version: z.string().regex(/^1\.0(\.\d+)?$/, 'must be a 1.0.x version').optional(),
    },
    'must be a statement object',
  )
  .superRefine((statement, context) => {
    if (statement.verb.id === VOIDED_VERB_ID && statement.object.objectType !== 'StatementRef') {
      context.addIssue({ code: 'custom', path: ['object', 'objectType'], message: 'must be StatementRef on a voiding statement' });
    }
  });
export type XapiStatement = z.output<typeof statementSchema>;

/** A statement as the inbox keeps it: its id assigned and the time it was stored. */
export const storedStatementSchema = statementSchema.and(z.looseObject({ id: uuid, stored: z.iso.datetime({ offset: true }) }));
export type StoredXapiStatement = z.output<typeof storedStatementSchema>;
