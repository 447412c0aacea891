import { z } from 'zod';
import { HEALTH_BANDS, JOURNEY_STAGES, ONBOARDING_SIGNALS, SEGMENTS, type JourneyStage } from './model';
import { days, distinctList, ruleKey, shortText, wholeNumber } from './playbook-fields';
import { advocatesSection, checkRecommendationRules, dormantUsersSection, recommendationsSection } from './playbook-sections';

/** Longest span a tenure or renewal condition may name: a hundred years. */
const MAX_DAYS = 36_500;
/** The contracts subgraph looks at most two years ahead for renewals; so does the playbook. */
const MAX_RENEWAL_WINDOW_DAYS = 730;
const MAX_COUNT = 1_000_000;
const MAX_TASKS = 200;

const atLeastOne = wholeNumber(1, MAX_COUNT, '');

/** Every condition the rules can test; the README's playbook section lists them with their meaning. */
const CONDITION_SHAPE = {
  segments: distinctList(SEGMENTS).optional(),
  minAccountTenureDays: days(MAX_DAYS).optional(),
  maxAccountTenureDays: days(MAX_DAYS).optional(),
  minUserTenureDays: days(MAX_DAYS).optional(),
  maxUserTenureDays: days(MAX_DAYS).optional(),
  renewalWithinDays: days(MAX_RENEWAL_WINDOW_DAYS).optional(),
  healthBands: distinctList(HEALTH_BANDS).optional(),
  minUserCompletedCourses: atLeastOne.optional(),
  minUserCommunityPoints: atLeastOne.optional(),
};
export const CONDITION_KEYS = Object.keys(CONDITION_SHAPE) as Array<keyof typeof CONDITION_SHAPE>;

/** One set of conditions that must all hold. */
const conditions = z
  .strictObject(CONDITION_SHAPE, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `is not a known condition; use ${CONDITION_KEYS.join(', ')}` : undefined),
  })
  .superRefine((value, ctx) => {
    if (Object.values(value).every((condition) => condition === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'must set at least one condition' });
    }
    for (const [min, max] of [
      ['minAccountTenureDays', 'maxAccountTenureDays'],
      ['minUserTenureDays', 'maxUserTenureDays'],
    ] as const) {
      const low = value[min];
      const high = value[max];
      if (low !== undefined && high !== undefined && low > high) {
        ctx.addIssue({ code: 'custom', path: [min], message: `must not exceed ${max} (${low} > ${high})` });
      }
    }
  });

/** Alternatives: the rule holds when any one of them holds. */
const when = z.array(conditions).max(20, 'must list at most 20 alternatives');

const stageRule = z.strictObject({
  stage: z.enum(JOURNEY_STAGES, { error: `must be one of ${JOURNEY_STAGES.join(', ')}` }),
  /** Absent only on the last stage, the fallback. */
  when: when.optional(),
});

const onboardingTask = z.strictObject({
  key: ruleKey,
  title: shortText(80),
  description: shortText(500),
  stages: distinctList(JOURNEY_STAGES),
  /** Absent: the task is for every segment. */
  segments: distinctList(SEGMENTS).optional(),
  /** Absent: the task is done only by hand. */
  completesWhen: z
    .strictObject({
      signal: z.enum(ONBOARDING_SIGNALS, { error: `must be one of ${ONBOARDING_SIGNALS.join(', ')}` }),
      atLeast: atLeastOne,
    })
    .optional(),
});

/**
 * The playbook file: the stage rules (checked in the order listed; the first whose conditions
 * hold is the stage; the last has none and is the fallback), the at-risk rule, the onboarding
 * task templates, the recommendation rules and the advocate and dormant-user thresholds. Unknown sections are refused, so a misspelt one never silently does nothing.
 * The checks across rules below run once every rule is well formed (zod skips refinements of an
 * invalid value), so a file with both kinds of problem is fixed in two passes.
 */
export const playbookSchema = z
  .strictObject({
    version: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
    stages: z.array(stageRule),
    atRisk: z.strictObject({ when }),
    onboardingTasks: z.array(onboardingTask).max(MAX_TASKS, `must list at most ${MAX_TASKS} tasks`),
    recommendations: recommendationsSection,
    advocates: advocatesSection,
    dormantUsers: dormantUsersSection,
  })
  .superRefine((playbook, ctx) => {
    const seen = new Map<JourneyStage, number>();
    playbook.stages.forEach((rule, index) => {
      const first = seen.get(rule.stage);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['stages', index, 'stage'], message: `repeats the stage of stages[${first}]` });
      else seen.set(rule.stage, index);
      const isLast = index === playbook.stages.length - 1;
      if (isLast && rule.when !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['stages', index, 'when'], message: 'must be left out: the last stage is the fallback, taken when no other applies' });
      }
      if (!isLast && (rule.when === undefined || rule.when.length === 0)) {
        ctx.addIssue({ code: 'custom', path: ['stages', index, 'when'], message: 'must list at least one set of conditions (only the last stage, the fallback, has none)' });
      }
    });
    const missing = JOURNEY_STAGES.filter((stage) => !seen.has(stage));
    if (missing.length) ctx.addIssue({ code: 'custom', path: ['stages'], message: `must give a rule for every stage; missing ${missing.join(', ')}` });
    const keys = new Map<string, number>();
    playbook.onboardingTasks.forEach((task, index) => {
      const first = keys.get(task.key);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['onboardingTasks', index, 'key'], message: `repeats the key of onboardingTasks[${first}]` });
      else keys.set(task.key, index);
    });
    checkRecommendationRules(playbook.recommendations.rules, ctx);
  });

export type Playbook = z.output<typeof playbookSchema>;
export type StageRule = Playbook['stages'][number];
export type Conditions = z.output<typeof conditions>;
export type OnboardingTaskTemplate = Playbook['onboardingTasks'][number];
export type { AdvocatesSection, DormantUsersSection, RecommendationRule, RecommendationsSection } from './playbook-sections';

export class PlaybookError extends Error {
  constructor(
    readonly problems: readonly string[],
    source = 'playbook',
  ) {
    super(`Invalid journey playbook (${source}):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PlaybookError';
  }
}

/** What names an entry of a list: a stage rule by its stage, a task or recommendation rule by its key. */
function labelOf(item: unknown): string {
  const record = item as Record<string, unknown> | null | undefined;
  const label = record?.['stage'] ?? record?.['key'];
  return typeof label === 'string' ? ` (${label})` : '';
}

/** `stages[2] (VALUE).when[0].minAccountTenureDays`: where an issue is, as a reader finds it in the file. */
function describePath(raw: unknown, path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  let node: unknown = raw;
  path.forEach((part, position) => {
    node = (node as Record<PropertyKey, unknown> | null | undefined)?.[part as string];
    if (typeof part === 'number') {
      // Only entries of top-level lists and of the recommendation rules carry a name.
      const isNamedList = position === 1 || (position === 2 && path[0] === 'recommendations');
      text += `[${part}]${isNamedList ? labelOf(node) : ''}`;
    } else {
      text += `${text ? '.' : ''}${String(part)}`;
    }
  });
  return text || 'playbook';
}

/**
 * Validates a playbook. An invalid one is refused with every problem listed, each naming the rule
 * it is in: `stages[2] (VALUE).when[0].minAccountTenureDays: must be a whole number of days …`.
 */
export function parsePlaybook(raw: unknown, source?: string): Playbook {
  const parsed = playbookSchema.safeParse(raw, { error: (issue) => (issue.input === undefined ? 'is required' : undefined) });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => `${describePath(raw, key === undefined ? issue.path : [...issue.path, key])}: ${issue.message}`);
  });
  throw new PlaybookError(problems, source);
}
