import { z } from 'zod';

/**
 * What Zendesk sends and answers, as its API references document it. Objects are loose: Zendesk
 * adds fields over time, and a field the hub does not read must never make a payload invalid.
 */

/**
 * A Zendesk id: an integer in the REST API, a string of digits in event webhooks; kept as the
 * string either way. `0` is how events say "none" (a ticket without organization).
 */
export const zendeskId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/, 'must be a Zendesk id (digits)')]).transform(String);
const optionalZendeskId = zendeskId
  .nullish()
  .transform((value) => (value === undefined || value === null || value === '0' ? undefined : value));

const isoTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).transform((value) => new Date(value));

/** Zendesk writes these in lower case in the REST API and in upper case in event webhooks. */
const lowerCased = z.string().transform((value) => value.toLowerCase());

export const ZENDESK_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed', 'deleted'] as const;
export const ZENDESK_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

/** `satisfaction_rating` of the Tickets API; `offered` and `unoffered` carry no verdict yet. */
export const satisfactionRating = z.looseObject({
  score: lowerCased.pipe(z.enum(['offered', 'unoffered', 'good', 'bad', 'good_with_comment', 'bad_with_comment'])),
  comment: z.string().nullish(),
});

/** A ticket as the Tickets API returns it, and as the `detail` of a ticket event (string ids). */
export const zendeskTicket = z.looseObject({
  id: zendeskId,
  subject: z.string().nullish(),
  description: z.string().nullish(),
  status: lowerCased.pipe(z.enum(ZENDESK_STATUSES, `must be one of ${ZENDESK_STATUSES.join(', ')}`)),
  priority: lowerCased.pipe(z.enum(ZENDESK_PRIORITIES, `must be one of ${ZENDESK_PRIORITIES.join(', ')}`)).nullish(),
  tags: z.array(z.string()).nullish(),
  satisfaction_rating: satisfactionRating.nullish(),
  requester_id: optionalZendeskId,
  organization_id: optionalZendeskId,
  created_at: isoTime,
  updated_at: isoTime,
  /** Not in the Tickets API: what a trigger's body may add with `{{ticket.requester.email}}` and friends. */
  requester: z
    .looseObject({ name: z.string().nullish(), email: z.string().nullish() })
    .nullish(),
});
export type ZendeskTicket = z.output<typeof zendeskTicket>;

/** A user of the Users API (or a side-loaded one of the incremental export). */
export const zendeskUser = z.looseObject({
  id: zendeskId,
  name: z.string().nullish(),
  email: z.string().nullish(),
  organization_id: optionalZendeskId,
  role: z.string().nullish(),
  locale: z.string().nullish(),
  created_at: isoTime.nullish(),
  last_login_at: isoTime.nullish(),
});
export type ZendeskUser = z.output<typeof zendeskUser>;

/** An organization of the Organizations API. */
export const zendeskOrganization = z.looseObject({
  id: zendeskId,
  name: z.string().min(1, 'must not be empty'),
  domain_names: z.array(z.string()).nullish(),
  tags: z.array(z.string()).nullish(),
  created_at: isoTime.nullish(),
});
export type ZendeskOrganization = z.output<typeof zendeskOrganization>;

/** A Help Center article of the Articles API. */
export const helpCenterArticle = z.looseObject({
  id: zendeskId,
  title: z.string(),
  body: z.string().nullish(),
  locale: z.string(),
  section_id: zendeskId.nullish(),
  label_names: z.array(z.string()).nullish(),
  draft: z.boolean().nullish(),
  html_url: z.string().nullish(),
  user_segment_id: zendeskId.nullish(),
  created_at: isoTime.nullish(),
  updated_at: isoTime,
});
export type HelpCenterArticle = z.output<typeof helpCenterArticle>;

/** The shared envelope of Zendesk's event webhooks (`zen:event-type:…`). */
export const zendeskEvent = z.looseObject({
  id: z.string().min(1, 'must not be empty'),
  type: z.string().startsWith('zen:event-type:', 'must start with zen:event-type:'),
  subject: z.string().optional(),
  time: z.string().optional(),
  account_id: z.number().optional(),
  detail: z.unknown().optional(),
  event: z.unknown().optional(),
});

/** The `event` of `ticket.comment_added`: the comment that was written. */
export const commentAddedEvent = z.looseObject({
  comment: z.looseObject({
    id: zendeskId,
    body: z.string(),
    is_public: z.boolean().nullish(),
    author: z.looseObject({ id: zendeskId.nullish(), name: z.string().nullish(), is_staff: z.boolean().nullish() }).nullish(),
  }),
});

export type ZendeskComment = z.output<typeof commentAddedEvent>['comment'];

/** A trigger or automation webhook whose JSON body carries a ticket of the Tickets API. */
export const ticketTriggerBody = z.looseObject({ ticket: zendeskTicket });

/** A body that carries a Help Center article of the Articles API. */
export const articleBody = z.looseObject({ article: helpCenterArticle });

/** `article.*` events name the article in `detail`. */
export const articleEventDetail = z.looseObject({ id: zendeskId });
