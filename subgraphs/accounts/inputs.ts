import { z } from 'zod';
import { date, externalIdInput, id, locale, text } from '../kit/input-fields';
import { PERSONAS, SEGMENTS } from './model';

const email = z.email('must be an e-mail address').max(254).transform((value) => value.toLowerCase());
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as example.com');

export const upsertAccountInput = z.strictObject({
  id: id.optional(),
  name: text(200).optional(),
  domains: z.array(domain).max(20).optional(),
  segment: z.enum(SEGMENTS).optional(),
  industry: text(100).optional(),
  locale: locale.optional(),
  customerSince: date.optional(),
  owner: z.strictObject({ id, name: text(200), email }).optional(),
  externalIds: z.array(externalIdInput).max(20).optional(),
});
export type UpsertAccountInput = z.output<typeof upsertAccountInput>;

export const upsertUserInput = z.strictObject({
  id: id.optional(),
  accountId: id.optional(),
  email: email.optional(),
  name: text(200).optional(),
  title: text(200).optional(),
  persona: z.enum(PERSONAS).optional(),
  locale: locale.optional(),
  firstSeenAt: date.optional(),
  lastSeenAt: date.optional(),
  externalIds: z.array(externalIdInput).max(20).optional(),
});
export type UpsertUserInput = z.output<typeof upsertUserInput>;

/** Arguments of `accountByExternalId` and `userByExternalId`. */
export const externalIdLookupArgs = externalIdInput;

/** Arguments of `userByEmail`. */
export const emailLookupArgs = z.strictObject({ email });

export const accountFilterInput = z.strictObject({
  segment: z.enum(SEGMENTS).optional(),
  ownerId: id.optional(),
  nameContains: text(100).optional(),
});
