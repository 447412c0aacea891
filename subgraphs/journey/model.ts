/**
 * The journey subgraph's vocabulary and the one document it stores. Segments and health bands are
 * the accounts subgraph's enums, repeated here because they are part of the graph's contract,
 * not shared code.
 */

/** Lifecycle stages in lifecycle order (the playbook decides the order they are checked in). */
export const JOURNEY_STAGES = ['ONBOARDING', 'ADOPTION', 'VALUE', 'RENEWAL', 'ADVOCACY'] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export const SEGMENTS = ['ENTERPRISE', 'MID_MARKET', 'SMB'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const HEALTH_BANDS = ['HEALTHY', 'NEUTRAL', 'AT_RISK'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

/** The accounts subgraph's personas: what a user does with the product. */
export const PERSONAS = ['ADMIN', 'CHAMPION', 'EXECUTIVE', 'DEVELOPER', 'END_USER'] as const;
export type Persona = (typeof PERSONAS)[number];

/** The learning subgraph's course levels. */
export const COURSE_LEVELS = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

/** Account-level signals that complete onboarding tasks by themselves. */
export const ONBOARDING_SIGNALS = ['COURSES_COMPLETED', 'ACTIVE_USERS_7D', 'QUESTIONS_ASKED', 'COMMUNITY_MEMBERS', 'CERTIFIED_USERS'] as const;
export type OnboardingSignal = (typeof ONBOARDING_SIGNALS)[number];

export type JourneyReasonCode =
  | 'ACCOUNT_TENURE'
  | 'USER_TENURE'
  | 'SEGMENT'
  | 'HEALTH_BAND'
  | 'RENEWAL_WINDOW'
  | 'USER_COMPLETED_COURSES'
  | 'USER_COMMUNITY_POINTS'
  | 'DEFAULT_STAGE';

/** One condition the playbook checked, with what was found; `stage` is null for at-risk rules. */
export interface JourneyReason {
  code: JourneyReasonCode;
  stage: JourneyStage | null;
  met: boolean;
  text: string;
}

/** What the journey rules read about an account, all of it owned by other subgraphs. */
export interface AccountSignals {
  segment: Segment;
  /** Null for a prospect. */
  tenureDays: number | null;
  /** Null without a current contract. */
  renewalDate: Date | null;
  /** Null until the account has a health score. */
  healthBand: HealthBand | null;
}

/** What the journey rules read about one user, besides their account. */
export interface UserSignals {
  firstSeenAt: Date;
  completedCourses: number;
  /** Null when the user is not a community member. */
  communityPoints: number | null;
}

/** The account's counts that complete onboarding tasks. */
export type OnboardingSignalValues = Record<OnboardingSignal, number>;

/** `User.journey`. */
export interface Journey {
  stage: JourneyStage;
  atRisk: boolean;
  accountTenureDays: number | null;
  userTenureDays: number;
  daysToRenewal: number | null;
  reasons: JourneyReason[];
  riskReasons: JourneyReason[];
  playbookVersion: string;
}

/** A journey with whose it is: what `Journey.recommendations` starts from. */
export interface JourneyOfUser extends Journey {
  userId: string;
  accountId: string;
  segment: Segment;
}

/**
 * A task marked done by hand. Automatic completions are never stored: they are derived from the
 * signals at read time, so they cannot go stale.
 */
export interface TaskCompletionDocument {
  /** `<accountId>|<taskKey>`: one completion per task and account. */
  _id: string;
  accountId: string;
  taskKey: string;
  completedAt: Date;
  /** Who marked it: the token subject and role, for the record. */
  completedBy: { subject: string; role: string };
}

export type OnboardingCompletion = 'AUTO' | 'MANUAL';

export interface OnboardingTask {
  key: string;
  title: string;
  description: string;
  signal: OnboardingSignal | null;
  signalTarget: number | null;
  signalValue: number | null;
  done: boolean;
  how: OnboardingCompletion | null;
  completedAt: Date | null;
}

/** `Account.onboarding`. */
export interface OnboardingChecklist {
  stage: JourneyStage;
  tasks: OnboardingTask[];
  completedCount: number;
  totalCount: number;
  progressPercent: number;
}
