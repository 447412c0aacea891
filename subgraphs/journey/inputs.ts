import { z } from 'zod';
import { id, optional } from '../kit/input-fields';

/** A task key as the playbook spells them; whether the playbook holds it is checked after. */
export const taskKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be 1–40 lower-case letters, digits or -, starting with a letter');

/** `completeOnboardingTask` and `reopenOnboardingTask`. */
export const onboardingTaskArguments = z.strictObject({ accountId: id, taskKey });
export type OnboardingTaskArguments = z.output<typeof onboardingTaskArguments>;

/** `first` of a list with its own maximum; GraphQL's `null` means the default. */
const listSize = (max: number, fallback: number) =>
  optional(z.number().int(`must be a whole number from 0 to ${max}`).min(0, `must be a whole number from 0 to ${max}`).max(max, `must be a whole number from 0 to ${max}`)).transform(
    (value) => value ?? fallback,
  );

export const MAX_RECOMMENDATIONS = 20;
export const MAX_STAFF_LIST_SIZE = 100;

/** `Journey.recommendations`. */
export const recommendationsArguments = z.strictObject({ first: listSize(MAX_RECOMMENDATIONS, 5) });

/** `advocateCandidates`. */
export const advocateCandidatesArguments = z.strictObject({ first: listSize(MAX_STAFF_LIST_SIZE, 20), after: optional(id) });

/** `dormantUsers`; a missing `inactiveDays` is the playbook's default. */
export const dormantUsersArguments = z.strictObject({
  inactiveDays: optional(z.number().int('must be a whole number of days from 1 to 3650').min(1, 'must be a whole number of days from 1 to 3650').max(3650, 'must be a whole number of days from 1 to 3650')),
  first: listSize(MAX_STAFF_LIST_SIZE, 50),
  order: optional(z.enum(['LONGEST_INACTIVE', 'RECENTLY_DORMANT'], 'must be LONGEST_INACTIVE or RECENTLY_DORMANT')),
});
