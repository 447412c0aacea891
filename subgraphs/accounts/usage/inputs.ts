import { z } from 'zod';
import { id, text } from '../../kit/input-fields';
import { USAGE_EVENT_TYPES } from './model';

/** At most this many events per ingest call (Segment batches are split by the route). */
export const MAX_EVENTS_PER_CALL = 1_000;
/** Serialized size limit of one event's properties or traits, like Segment's 32 KB per call. */
const MAX_OBJECT_BYTES = 32_000;
const MAX_OBJECT_DEPTH = 6;
/** Events from further in the future than this are clock errors, not usage. */
const MAX_CLOCK_SKEW_MS = 86_400_000;


/** A plain object whose keys never start with `$` (they would read as operators to the store). */
function isSafeObject(value: unknown, depth = 0): boolean {
  if (depth > MAX_OBJECT_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isSafeObject(item, depth + 1));
  if (value === null || typeof value !== 'object') return true;
  return Object.entries(value).every(([key, item]) => !key.startsWith('$') && isSafeObject(item, depth + 1));
}

const jsonObject = z
  .record(z.string(), z.unknown(), 'must be a JSON object')
  .refine((value) => isSafeObject(value), `must nest at most ${MAX_OBJECT_DEPTH} levels and have no keys starting with $`)
  .refine((value) => Buffer.byteLength(JSON.stringify(value)) <= MAX_OBJECT_BYTES, `must be at most ${MAX_OBJECT_BYTES} bytes as JSON`);

export const usageEventInput = z
  .strictObject({
    messageId: text(200),
    type: z.enum(USAGE_EVENT_TYPES).default('TRACK'),
    userId: id,
    accountId: id.nullish(),
    event: text(200).nullish(),
    timestamp: z
      .date('must be a date-time')
      .refine((date) => date.getTime() <= Date.now() + MAX_CLOCK_SKEW_MS, 'must not be more than a day in the future'),
    properties: jsonObject.nullish(),
    traits: jsonObject.nullish(),
  })
  .superRefine((input, context) => {
    if (input.type === 'TRACK' && !input.event) context.addIssue({ code: 'custom', path: ['event'], message: 'is required for TRACK events' });
  });
export type UsageEventInput = z.output<typeof usageEventInput>;

export const usageEventsInput = z
  .array(usageEventInput)
  .min(1, 'must hold at least one event')
  .max(MAX_EVENTS_PER_CALL, `must hold at most ${MAX_EVENTS_PER_CALL} events`);
