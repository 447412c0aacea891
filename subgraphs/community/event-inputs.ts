import { z } from 'zod';
import { locale, optional, text } from '../kit/input-fields';
import { EVENT_KINDS } from './model';

const title = text(200);
const description = text(5_000);
const kind = z.enum(EVENT_KINDS);
const moment = z.date({ error: 'must be a date-time' });
const place = text(200);
const onlineUrl = z.url({ protocol: /^https$/, error: 'must be an https:// link' }).max(2_000, 'must be at most 2,000 characters');
const capacity = z.number().int().min(0, 'must be 0 or more (null: unlimited)').max(1_000_000, 'must be at most 1,000,000');

/** `null` means "none" for these fields (no place, no link, unlimited seats), so it is kept, not dropped. */
const clearable = <S extends z.ZodType>(schema: S) => schema.nullable().optional();

export const createEventInput = z.strictObject({
  title,
  description,
  kind,
  locale: optional(locale),
  startsAt: moment,
  endsAt: moment,
  place: optional(place),
  onlineUrl: optional(onlineUrl),
  capacity: optional(capacity),
});
export type CreateEventInput = z.output<typeof createEventInput>;

/** An edit names at least one field; `null` leaves title, text, kind, locale and times as they are. */
export const updateEventInput = z
  .strictObject({
    title: optional(title),
    description: optional(description),
    kind: optional(kind),
    locale: optional(locale),
    startsAt: optional(moment),
    endsAt: optional(moment),
    place: clearable(place),
    onlineUrl: clearable(onlineUrl),
    capacity: clearable(capacity),
  })
  .refine((fields) => Object.values(fields).some((value) => value !== undefined), {
    message: 'must change at least one field',
  });
export type UpdateEventInput = z.output<typeof updateEventInput>;

/**
 * The rules a whole event must keep, checked on a new event and on a stored one with an edit
 * applied: an edit of one field (the kind, the start) can break a rule that involves another.
 * A meetup happens at a place; a webinar online, through a link.
 */
export const eventPlan = z
  .object({ kind, startsAt: moment, endsAt: moment, place: z.string().nullable(), onlineUrl: z.string().nullable() })
  .superRefine((event, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (event.endsAt.getTime() <= event.startsAt.getTime()) issue('endsAt', 'must be after startsAt');
    if (event.kind === 'MEETUP') {
      if (!event.place) issue('place', 'is required for a meetup');
      if (event.onlineUrl) issue('onlineUrl', 'must be null for a meetup: only webinars have a link to join');
    } else {
      if (!event.onlineUrl) issue('onlineUrl', 'is required for a webinar');
      if (event.place) issue('place', 'must be null for a webinar: webinars take place online');
    }
  });
