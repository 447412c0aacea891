import { z } from 'zod';

/** Field schemas the playbook's sections share, so one kind of value is refused with one message. */

/** One message for every way a number can be wrong: a string, a fraction, out of range. */
export function wholeNumber(min: number, max: number, unit: string) {
  const message = `must be a whole number${unit} from ${min} to ${max}`;
  return z.number(message).int(message).min(min, message).max(max, message);
}

export const days = (max: number) => wholeNumber(0, max, ' of days');

/** A non-empty list of enum values without repeats. */
export function distinctList<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .array(z.enum(values, { error: `must be one of ${values.join(', ')}` }))
    .min(1, 'must list at least one value')
    .refine((list) => new Set(list).size === list.length, 'must not repeat a value');
}

/** A rule's key: what names it in errors and in the answers that quote it. */
export const ruleKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be 1–40 lower-case letters, digits or -, starting with a letter');

export const shortText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
