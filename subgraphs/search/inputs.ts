import { z } from 'zod';
import { CONTENT_TYPES } from '../kit/content-feed';
import { id, locale, optional, tag } from '../kit/input-fields';

export const MAX_QUERY_LENGTH = 500;
export const MAX_PREFIX_LENGTH = 100;
export const MAX_SUGGESTIONS = 20;

const queryText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => value.trim())
    .refine((value) => value.length > 0, 'must not be empty');

const filterList = <S extends z.ZodType>(item: S) => optional(z.array(item).max(20, 'must have at most 20 values'));

export const searchArguments = z.strictObject({
  query: queryText(MAX_QUERY_LENGTH),
  filter: optional(
    z.strictObject({
      types: filterList(z.enum(CONTENT_TYPES)),
      // A bare language (`ja`) is allowed too: it matches every region's locale.
      locales: filterList(z.union([locale, z.string().regex(/^[a-z]{2,3}$/)], 'must be a BCP 47 locale such as ja-JP, or a language such as ja').transform((value) => value.toLowerCase())),
      tags: filterList(tag),
    }),
  ),
  first: z.number().nullish(),
  after: z.string().nullish(),
});
export type SearchArguments = z.output<typeof searchArguments>;

export const searchSuggestionsArguments = z.strictObject({
  prefix: queryText(MAX_PREFIX_LENGTH),
  first: optional(z.number().int().min(1, 'must be at least 1').max(MAX_SUGGESTIONS, `must be at most ${MAX_SUGGESTIONS}`)),
});

export const idArgument = z.strictObject({ id });
