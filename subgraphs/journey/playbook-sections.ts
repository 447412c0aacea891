import { z } from 'zod';
import { COURSE_LEVELS, HEALTH_BANDS, JOURNEY_STAGES, PERSONAS } from './model';
import { distinctList, ruleKey, shortText, wholeNumber } from './playbook-fields';

/**
 * The playbook's sections for recommended content, advocate candidates and dormant users. The
 * README's "Customer journey" section describes every field.
 */

/** What a recommendation rule picks from. */
export const RECOMMENDATION_KINDS = ['UNFINISHED_COURSE', 'COURSE', 'ARTICLE', 'CUSTOMER_STORY', 'EVENT'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** Placeholders every reason may use: both come from the user's journey. */
const COMMON_PLACEHOLDERS = ['persona', 'daysToRenewal'] as const;

/**
 * The placeholders a reason of each kind may use; each is filled from data read for that item and
 * user, so a reason never states a number nobody measured. `peersWithinDays` needs the option.
 */
export const REASON_PLACEHOLDERS: Record<RecommendationKind, readonly string[]> = {
  UNFINISHED_COURSE: ['title', 'progressPercent', ...COMMON_PLACEHOLDERS],
  COURSE: ['title', 'level', 'peers', 'peerCount', 'peersWithinDays', ...COMMON_PLACEHOLDERS],
  ARTICLE: ['title', 'viewCount', ...COMMON_PLACEHOLDERS],
  CUSTOMER_STORY: ['title', 'segment', ...COMMON_PLACEHOLDERS],
  EVENT: ['title', 'startsInDays', 'registeredCount', ...COMMON_PLACEHOLDERS],
};

/** Options that only make sense for some kinds, with the kinds they apply to. */
const KIND_OPTIONS = {
  levels: ['COURSE'],
  tags: ['COURSE', 'ARTICLE', 'CUSTOMER_STORY'],
  sections: ['ARTICLE'],
  peersWithinDays: ['COURSE'],
  minPeerCount: ['COURSE'],
  sameSegment: ['CUSTOMER_STORY'],
} as const satisfies Record<string, readonly RecommendationKind[]>;

/** `{title}`, `{peerCount}`: the placeholders a template names. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!);
}

const tagList = z
  .array(z.string().regex(/^[\p{Ll}\p{N}][\p{Ll}\p{N}_+.#-]{0,39}$/u, 'must be a lower-case tag of 1–40 letters or digits'))
  .min(1, 'must list at least one value');

const recommendationRule = z
  .strictObject({
    key: ruleKey,
    stages: distinctList(JOURNEY_STAGES),
    kind: z.enum(RECOMMENDATION_KINDS, { error: `must be one of ${RECOMMENDATION_KINDS.join(', ')}` }),
    /** How much the rule counts at these stages, 1–100: the stage fit of its items. */
    weight: wholeNumber(1, 100, ''),
    /** Absent: for every persona. */
    personas: distinctList(PERSONAS).optional(),
    levels: distinctList(COURSE_LEVELS).optional(),
    tags: tagList.optional(),
    sections: tagList.optional(),
    peersWithinDays: wholeNumber(1, 3650, ' of days').optional(),
    minPeerCount: wholeNumber(0, 1_000_000, '').optional(),
    sameSegment: z.boolean('must be true or false').optional(),
    /** At most this many items from the rule, so one rule does not fill the list. */
    maxItems: wholeNumber(1, 20, '').optional(),
    reason: shortText(200),
  })
  .superRefine((rule, ctx) => {
    for (const [option, kinds] of Object.entries(KIND_OPTIONS) as Array<[keyof typeof KIND_OPTIONS, readonly RecommendationKind[]]>) {
      if (rule[option] !== undefined && !kinds.includes(rule.kind)) {
        ctx.addIssue({ code: 'custom', path: [option], message: `applies only to ${kinds.join(', ')} rules, not ${rule.kind}` });
      }
    }
    const allowed = REASON_PLACEHOLDERS[rule.kind].filter((name) => name !== 'peersWithinDays' || rule.peersWithinDays !== undefined);
    for (const name of placeholdersOf(rule.reason)) {
      if (!allowed.includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: `uses {${name}}, which ${rule.kind} rules do not fill; use ${allowed.map((known) => `{${known}}`).join(', ')}` });
      }
    }
  });

export const recommendationsSection = z.strictObject({
  /** Items in another language than the user's count this much, 0–1 (0 leaves them out). */
  otherLanguageFactor: z.number('must be a number from 0 to 1').min(0, 'must be a number from 0 to 1').max(1, 'must be a number from 0 to 1'),
  rules: z.array(recommendationRule).min(1, 'must list at least one rule').max(100, 'must list at most 100 rules'),
});

/** Rule keys are unique: they name a rule in answers (`Recommendation.rule`) and in errors. */
export function checkRecommendationRules(rules: ReadonlyArray<{ key: string }>, ctx: z.RefinementCtx): void {
  const keys = new Map<string, number>();
  rules.forEach((rule, index) => {
    const first = keys.get(rule.key);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['recommendations', 'rules', index, 'key'], message: `repeats the key of recommendations.rules[${first}]` });
    else keys.set(rule.key, index);
  });
}

const points = wholeNumber(0, 100, '');

export const advocatesSection = z.strictObject({
  /** The account's health band must be one of these. */
  healthBands: distinctList(HEALTH_BANDS),
  minCompletedCourses: wholeNumber(0, 10_000, ''),
  /** Accepted answers plus customer stories. */
  minContributions: wholeNumber(0, 10_000, ''),
  /** The score: these points per completed course, accepted answer and customer story. */
  points: z.strictObject({ completedCourse: points, acceptedAnswer: points, customerStory: points }),
});

export const dormantUsersSection = z.strictObject({
  /** `dormantUsers(inactiveDays:)` when the argument is left out. */
  defaultInactiveDays: wholeNumber(1, 3650, ' of days'),
  /** How many features to suggest to each dormant user. */
  suggestedFeatures: wholeNumber(1, 10, ''),
});

export type RecommendationRule = z.output<typeof recommendationRule>;
export type RecommendationsSection = z.output<typeof recommendationsSection>;
export type AdvocatesSection = z.output<typeof advocatesSection>;
export type DormantUsersSection = z.output<typeof dormantUsersSection>;
