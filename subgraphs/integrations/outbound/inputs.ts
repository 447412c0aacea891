import { z } from 'zod';
import { id, optional, text } from '../../kit/input-fields';
import { DELIVERY_STATUSES } from './documents';
import { WEBHOOK_EVENT_TYPE_KEYS } from './event-types';
import { webhookSecretBytes } from './signing';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where webhooks go: https, so payloads and signatures travel encrypted. Plain http is allowed
 * for a receiver on the same machine, and anywhere outside production (development, tests).
 */
export function webhookUrl(isProduction: boolean) {
  return z
    .string()
    .trim()
    .max(2000, 'must be at most 2000 characters')
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be an absolute https URL' });
        return;
      }
      const isHttpAllowed = !isProduction || LOCAL_HOSTS.has(url.hostname);
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isHttpAllowed)) {
        ctx.addIssue({ code: 'custom', message: 'must be an https URL (http only for localhost, or outside production)' });
      } else if (url.username || url.password) {
        ctx.addIssue({ code: 'custom', message: 'must not hold a user name or password' });
      }
    });
}

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPE_KEYS))
  .min(1, 'must list at least one event type')
  .transform((values) => [...new Set(values)]);

const secret = z
  .string()
  .refine((value) => webhookSecretBytes(value) !== null, 'must be whsec_ followed by the base64 of 24 to 64 random bytes');

export function createWebhookSubscriptionInput(isProduction: boolean) {
  return z.strictObject({
    url: webhookUrl(isProduction),
    events: eventTypes,
    secret: optional(secret),
    description: optional(text(500)),
  });
}
export type CreateWebhookSubscriptionInput = z.output<ReturnType<typeof createWebhookSubscriptionInput>>;

export function updateWebhookSubscriptionInput(isProduction: boolean) {
  return z
    .strictObject({
      url: optional(webhookUrl(isProduction)),
      events: optional(eventTypes),
      enabled: optional(z.boolean()),
      description: optional(text(500)),
    })
    .refine((input) => Object.values(input).some((value) => value !== undefined), 'must change at least one field');
}
export type UpdateWebhookSubscriptionInput = z.output<ReturnType<typeof updateWebhookSubscriptionInput>>;

export const subscriptionIdArgument = z.strictObject({ id });

export const deliveriesArguments = z.strictObject({
  subscriptionId: id,
  status: optional(z.enum(DELIVERY_STATUSES)),
});
