import { z } from 'zod';

/** Field schemas xAPI statements are built from. */

export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');

/** An absolute IRI: a scheme, a colon, then no white space. */
export const iri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, 'must be an absolute IRI');

export const languageMap = z.record(z.string(), z.string('must map language tags to text'), 'must be a language map');

export const extensions = z.record(iri, z.unknown(), 'must be an object keyed by IRIs');

const number = z.number('must be a number');

export const timestamp = z.iso.datetime({ offset: true, local: true, error: 'must be an ISO 8601 date-time' });

/** An ISO 8601 duration such as `PT1H30M` or `P2DT4H`. */
export const duration = z
  .string()
  .regex(
    /^P(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/,
    'must be an ISO 8601 duration such as PT1H30M',
  );

/** A score: `scaled` within −1 and 1, `raw` within `min` and `max` when they are given. */
export const score = z
  .looseObject({
    scaled: number.min(-1, 'must be between -1 and 1').max(1, 'must be between -1 and 1').optional(),
    raw: number.optional(),
    min: number.optional(),
    max: number.optional(),
  })
  .superRefine(({ raw, min, max }, context) => {
    if (min !== undefined && max !== undefined && min > max) context.addIssue({ code: 'custom', path: ['max'], message: 'must not be below min' });
    if (raw !== undefined && min !== undefined && raw < min) context.addIssue({ code: 'custom', path: ['raw'], message: 'must not be below min' });
    if (raw !== undefined && max !== undefined && raw > max) context.addIssue({ code: 'custom', path: ['raw'], message: 'must not be above max' });
  });
