import { wholeDaysBetween } from './conditions';
import type { Learner } from './learner-reader';
import type { JourneyStage, Segment } from './model';
import type { RecommendationRule, RecommendationsSection } from './playbook-sections';
import { peerCompletions, type PopulationIndex } from './population-index';
import type { Population } from './population-model';
import { fillTemplate, languageOf, levelName, otherPeers, personaGroup, segmentName } from './wording';

export type RecommendedTypename = 'Course' | 'Article' | 'Post' | 'Event';

/** `Recommendation`: the item as an entity reference the gateway resolves with its owner. */
export interface Recommendation {
  item: { __typename: RecommendedTypename; id: string };
  reason: string;
  reasonCode: RecommendationRule['kind'];
  rule: string;
  score: number;
}

/** Whom the recommendations are for: their journey and what they are doing right now. */
export interface RecommendationSubject {
  stage: JourneyStage;
  segment: Segment;
  daysToRenewal: number | null;
  learner: Learner;
  now: Date;
}

/** One item a rule could recommend, before ranking. */
interface Candidate {
  typename: RecommendedTypename;
  id: string;
  title: string;
  locale: string;
  /** 0–1: how far along the user is (unfinished courses) or how many peers did it (courses). */
  fit: number;
  /** Tie-breaker between equal scores: enrollments, views, registrations. */
  popularity: number;
  values: Record<string, string | number | null>;
}

const DEFAULT_MAX_ITEMS_PER_RULE = 3;
const DEFAULT_MIN_PEER_COUNT = 1;

const hasAnyOf = (wanted: readonly string[] | undefined, present: readonly string[]) => !wanted || wanted.some((value) => present.includes(value));

/** Whether a rule speaks to this user: their stage, and their persona when the rule names some. */
export function ruleApplies(rule: RecommendationRule, subject: Pick<RecommendationSubject, 'stage' | 'learner'>): boolean {
  return rule.stages.includes(subject.stage) && (!rule.personas || rule.personas.includes(subject.learner.persona));
}

/** The items one rule may recommend to the subject, with the values its reason can use. */
function candidatesOf(rule: RecommendationRule, subject: RecommendationSubject, population: Population, index: PopulationIndex): Candidate[] {
  const { learner, now } = subject;
  switch (rule.kind) {
    case 'UNFINISHED_COURSE':
      return learner.enrollments
        .filter((enrollment) => enrollment.status !== 'COMPLETED')
        .map((enrollment) => ({
          typename: 'Course',
          id: enrollment.courseId,
          title: enrollment.title,
          locale: enrollment.locale,
          fit: enrollment.progress,
          popularity: 0,
          values: { title: enrollment.title, progressPercent: Math.floor(enrollment.progress * 100) },
        }));
    case 'COURSE': {
      // Courses the user is enrolled in are theirs already: finished, or the unfinished rule's.
      const enrolled = new Set(learner.enrollments.map((enrollment) => enrollment.courseId));
      const minPeers = rule.minPeerCount ?? DEFAULT_MIN_PEER_COUNT;
      return population.courses
        .filter((course) => !enrolled.has(course.id) && (!rule.levels || rule.levels.includes(course.level)) && hasAnyOf(rule.tags, course.tags))
        .flatMap((course) => {
          const { peerCount, peersOfPersona } = peerCompletions(index, learner.persona, course.id, learner.id, rule.peersWithinDays);
          if (peerCount < minPeers) return [];
          return [
            {
              typename: 'Course' as const,
              id: course.id,
              title: course.title,
              locale: course.locale,
              fit: peersOfPersona ? peerCount / peersOfPersona : 0,
              popularity: course.enrollmentCount,
              values: { title: course.title, level: levelName(course.level), peers: otherPeers(peerCount, learner.persona), peerCount, peersWithinDays: rule.peersWithinDays ?? null },
            },
          ];
        });
    }
    case 'ARTICLE':
      return population.articles
        .filter((article) => hasAnyOf(rule.tags, article.labels) && (!rule.sections || rule.sections.includes(article.section)))
        .map((article) => ({ typename: 'Article', id: article.id, title: article.title, locale: article.locale, fit: 0, popularity: article.viewCount, values: { title: article.title, viewCount: article.viewCount } }));
    case 'CUSTOMER_STORY':
      return population.stories
        .filter(
          (story) =>
            story.isPublic &&
            story.authorMemberId !== learner.memberId &&
            hasAnyOf(rule.tags, story.tags) &&
            (!rule.sameSegment || story.segment === subject.segment),
        )
        .map((story) => ({
          typename: 'Post',
          id: story.id,
          title: story.title,
          locale: story.locale,
          fit: 0,
          popularity: story.views,
          values: { title: story.title, segment: story.segment ? segmentName(story.segment) : null },
        }));
    case 'EVENT':
      return population.events
        .filter((event) => event.startsAt > now)
        .map((event) => ({
          typename: 'Event',
          id: event.id,
          title: event.title,
          locale: event.locale,
          fit: 0,
          popularity: event.registeredCount,
          values: { title: event.title, startsInDays: wholeDaysBetween(now, event.startsAt), registeredCount: event.registeredCount },
        }));
  }
}

const byRank = (a: { score: number; popularity: number; title: string; id: string }, b: typeof a) =>
  b.score - a.score || b.popularity - a.popularity || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/**
 * The subject's recommendations, best first, at most `first`. Each rule of the playbook that fits
 * the user's stage and persona offers up to `maxItems` items; an item's score is
 * `weight × (1 + fit) × language`, where fit is how far the user is through an unfinished course
 * or the share of their persona's other users who completed a course, and language is 1 for an
 * item in the user's language and `otherLanguageFactor` otherwise. An item recommended by two rules
 * keeps its best. Reasons are the rule's template filled with the numbers found; an item whose
 * reason cannot be filled truthfully is left out.
 */
export function recommend(section: RecommendationsSection, subject: RecommendationSubject, population: Population, index: PopulationIndex, first: number): Recommendation[] {
  const common = { persona: personaGroup(subject.learner.persona), daysToRenewal: subject.daysToRenewal };
  const language = languageOf(subject.learner.locale);
  const ranked = section.rules.flatMap((rule) => {
    if (!ruleApplies(rule, subject)) return [];
    return candidatesOf(rule, subject, population, index)
      .flatMap((candidate) => {
        const languageFactor = languageOf(candidate.locale) === language ? 1 : section.otherLanguageFactor;
        const reason = fillTemplate(rule.reason, { ...common, ...candidate.values });
        if (languageFactor === 0 || reason === null) return [];
        const score = Math.round(rule.weight * (1 + candidate.fit) * languageFactor * 100) / 100;
        return [{ ...candidate, rule, reason, score }];
      })
      .sort(byRank)
      .slice(0, rule.maxItems ?? DEFAULT_MAX_ITEMS_PER_RULE);
  });
  const seen = new Set<string>();
  return ranked
    .sort(byRank)
    .filter((entry) => {
      const key = `${entry.typename}:${entry.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, first)
    .map((entry) => ({ item: { __typename: entry.typename, id: entry.id }, reason: entry.reason, reasonCode: entry.rule.kind, rule: entry.rule.key, score: entry.score }));
}
