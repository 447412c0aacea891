import { z } from 'zod';

/** Field schemas every subgraph's inputs are built from, so one kind of value is checked one way. */

/** GraphQL lets a client send `null` for an optional field; here that means "not given". */
export const optional = <S extends z.ZodType>(schema: S) => schema.nullish().transform((value) => value ?? undefined);

export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -');

/** Trimmed, non-empty text of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const locale = z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-\d{3})?$/, 'must be a BCP 47 locale such as ja-JP');

export const date = z.date('must be a date-time');

export const webUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000, 'must be at most 2000 characters');

/** A lower-cased tag; lists of them drop duplicates. */
export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_+.#-]{0,39}$/u, 'must be 1–40 letters or digits (also _ + . # -), starting with a letter or digit');

export const tags = (max: number) =>
  z
    .array(tag)
    .max(max, `must be at most ${max} tags`)
    .transform((values) => [...new Set(values)]);

/** The system a record was imported from, e.g. `zendesk`. */
export const externalSource = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'must be 1–40 lower-case letters, digits, _ or -');

export const externalIdInput = z.strictObject({
  source: externalSource,
  id: text(200),
});
