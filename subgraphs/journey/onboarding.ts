import type { JourneyStage, OnboardingChecklist, OnboardingSignalValues, OnboardingTask, Segment, TaskCompletionDocument } from './model';
import type { OnboardingTaskTemplate, Playbook } from './playbook-schema';

/** Whether a template belongs on the checklist of an account at this stage and in this segment. */
export function templateApplies(template: OnboardingTaskTemplate, stage: JourneyStage, segment: Segment): boolean {
  return template.stages.includes(stage) && (!template.segments || template.segments.includes(segment));
}

/** Whether a template is ever on the checklist of an account of this segment, at any stage. */
export function templateFitsSegment(template: OnboardingTaskTemplate, segment: Segment): boolean {
  return !template.segments || template.segments.includes(segment);
}

/**
 * One task as it stands: done automatically while its signal reaches the target, or by hand once
 * marked. A hand-marked task stays done even when its signal drops (fewer active users next week).
 */
export function taskStatus(template: OnboardingTaskTemplate, signals: OnboardingSignalValues, marked: TaskCompletionDocument | undefined): OnboardingTask {
  const rule = template.completesWhen;
  const signalValue = rule ? signals[rule.signal] : null;
  const isDoneAutomatically = rule !== undefined && signalValue !== null && signalValue >= rule.atLeast;
  const isDone = isDoneAutomatically || marked !== undefined;
  return {
    key: template.key,
    title: template.title,
    description: template.description,
    signal: rule?.signal ?? null,
    signalTarget: rule?.atLeast ?? null,
    signalValue,
    done: isDone,
    how: marked ? 'MANUAL' : isDoneAutomatically ? 'AUTO' : null,
    completedAt: marked?.completedAt ?? null,
  };
}

/** Done tasks as a whole percentage, rounded down so 100 means every task; an empty list is complete. */
export function progressPercent(completedCount: number, totalCount: number): number {
  return totalCount === 0 ? 100 : Math.floor((completedCount * 100) / totalCount);
}

/** The account's checklist: the playbook's tasks for its stage and segment, in the playbook's order. */
export function buildChecklist(
  playbook: Playbook,
  account: { stage: JourneyStage; segment: Segment; signals: OnboardingSignalValues },
  completions: readonly TaskCompletionDocument[],
): OnboardingChecklist {
  const marked = new Map(completions.map((completion) => [completion.taskKey, completion]));
  const tasks = playbook.onboardingTasks
    .filter((template) => templateApplies(template, account.stage, account.segment))
    .map((template) => taskStatus(template, account.signals, marked.get(template.key)));
  const completedCount = tasks.filter((task) => task.done).length;
  return { stage: account.stage, tasks, completedCount, totalCount: tasks.length, progressPercent: progressPercent(completedCount, tasks.length) };
}
