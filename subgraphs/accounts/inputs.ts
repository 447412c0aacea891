import { z } from 'zod';
import { PERSONAS, SEGMENTS } from './model';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const email = z.email('must be an e-mail address').max(254).transform((value) => value.toLowerCase());
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as example.com');
const locale = z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-\d{3})?$/, 'must be a BCP 47 locale such as ja-JP');
const date = z.date('must be a date-time');

export const externalIdInput = z.strictObject({
  source: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'must be 1–40 lower-case letters, digits, _ or -'),
  id: text(200),
});

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

export const accountFilterInput = z.strictObject({
  segment: z.enum(SEGMENTS).optional(),
  ownerId: id.optional(),
  nameContains: text(100).optional(),
});
