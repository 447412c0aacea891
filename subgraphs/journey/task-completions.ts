import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { parseInput } from '../kit/validation';
import type { AccountDirectory } from './account-directory';
import { onboardingTaskArguments } from './inputs';
import type { OnboardingTaskTemplate, Playbook } from './playbook-schema';
import { templateFitsSegment } from './onboarding';
import { journeyPolicy } from './policy';
import { completionId, type JourneyRepository } from './repository';

/** What `completeOnboardingTask` and `reopenOnboardingTask` answer. */
export interface OnboardingTaskUpdate {
  account: { id: string };
  taskKey: string;
  markedDone: boolean;
  completedAt: Date | null;
}

/**
 * Marks and unmarks onboarding tasks by hand. Everything is checked before anything is written:
 * the arguments, the caller's right to the account, the task in the playbook, the account itself
 * and that the task is one for its segment.
 */
export class TaskCompletionWriter {
  constructor(
    readonly identity: Identity,
    readonly repository: JourneyRepository,
    readonly playbook: Playbook,
    readonly accounts: AccountDirectory,
    readonly now: () => Date = () => new Date(),
  ) {}

  async complete(args: unknown): Promise<OnboardingTaskUpdate> {
    const { accountId, template } = await this.resolveTask(args);
    const completion = await this.repository.markDone({
      _id: completionId(accountId, template.key),
      accountId,
      taskKey: template.key,
      completedAt: this.now(),
      completedBy: { subject: this.identity.subject, role: this.identity.role },
    });
    return { account: { id: accountId }, taskKey: template.key, markedDone: true, completedAt: completion.completedAt };
  }

  async reopen(args: unknown): Promise<OnboardingTaskUpdate> {
    const { accountId, template } = await this.resolveTask(args);
    await this.repository.unmark(accountId, template.key);
    return { account: { id: accountId }, taskKey: template.key, markedDone: false, completedAt: null };
  }

  private async resolveTask(args: unknown): Promise<{ accountId: string; template: OnboardingTaskTemplate }> {
    const { accountId, taskKey } = parseInput(onboardingTaskArguments, args);
    journeyPolicy.assertCanChangeOnboarding(this.identity, accountId);
    const template = this.playbook.onboardingTasks.find((candidate) => candidate.key === taskKey);
    if (!template) throw errors.badUserInput([{ field: 'taskKey', message: `is not a task of the playbook (${this.playbook.version})` }]);
    const segment = await this.accounts.segmentOf(accountId);
    if (!segment) throw errors.notFound('Account', accountId);
    if (!templateFitsSegment(template, segment)) {
      throw errors.badUserInput([{ field: 'taskKey', message: `is not a task for ${segment} accounts` }]);
    }
    return { accountId, template };
  }
}
