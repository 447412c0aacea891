import type { CourseLevel, HealthBand, Persona, Segment } from './model';

/**
 * What the journey knows about every customer user and the content it can recommend, read through
 * the graph (never from another subgraph's database) and kept for a few minutes: the base of
 * per-persona popularity, advocate candidates and dormant users.
 */

export interface PopulationAccount {
  id: string;
  segment: Segment;
  /** Null until the account has a health score. */
  healthBand: HealthBand | null;
  healthScore: number | null;
}

export interface CourseCompletion {
  courseId: string;
  completedAt: Date;
}

export interface PopulationUser {
  id: string;
  accountId: string;
  persona: Persona;
  locale: string;
  firstSeenAt: Date;
  /** Null when the user was never active. */
  lastSeenAt: Date | null;
  /** All courses the user completed (the learning subgraph's count). */
  completedCourses: number;
  /** Completions among the user's latest enrollments, with when. */
  completions: CourseCompletion[];
  /** The latest learning activity among the user's latest enrollments; null without any. */
  lastLearningAt: Date | null;
  /** The community profile's id; null for a user who is not a member. */
  memberId: string | null;
  acceptedAnswers: number;
  /** Product usage in the last 30 days; null when the user had none. */
  usage: { featuresUsed: string[]; lastActiveAt: Date } | null;
}

export interface CatalogCourse {
  id: string;
  title: string;
  level: CourseLevel;
  tags: string[];
  locale: string;
  enrollmentCount: number;
}

/** A help-center article every customer may read. */
export interface CatalogArticle {
  id: string;
  title: string;
  locale: string;
  section: string;
  labels: string[];
  viewCount: number;
}

export interface CatalogStory {
  id: string;
  title: string;
  tags: string[];
  locale: string;
  views: number;
  isPublic: boolean;
  authorMemberId: string;
  /** The author's account's segment; null when it could not be read. */
  segment: Segment | null;
}

/** An upcoming event that still takes registrations. */
export interface CatalogEvent {
  id: string;
  title: string;
  locale: string;
  startsAt: Date;
  registeredCount: number;
}

export interface Population {
  /** When the read started: the moment the numbers describe. */
  readAt: Date;
  accounts: Map<string, PopulationAccount>;
  users: PopulationUser[];
  courses: CatalogCourse[];
  articles: CatalogArticle[];
  stories: CatalogStory[];
  events: CatalogEvent[];
}
