import { z } from 'zod';
import { id } from '../kit/input-fields';

/** A task key as the playbook spells them; whether the playbook holds it is checked after. */
export const taskKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be 1–40 lower-case letters, digits or -, starting with a letter');

/** `completeOnboardingTask` and `reopenOnboardingTask`. */
export const onboardingTaskArguments = z.strictObject({ accountId: id, taskKey });
export type OnboardingTaskArguments = z.output<typeof onboardingTaskArguments>;
