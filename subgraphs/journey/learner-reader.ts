import DataLoader from 'dataloader';
import type { GraphClient } from '../kit/graph-client';
import type { CourseLevel, Persona } from './model';
import { ENROLLMENTS_PER_USER } from './population-reader';

/** One of the user's enrollments, with the course it is in. */
export interface LearnerEnrollment {
  courseId: string;
  title: string;
  level: CourseLevel;
  tags: string[];
  locale: string;
  status: 'ENROLLED' | 'IN_PROGRESS' | 'COMPLETED';
  /** Share of the course done, 0–1. */
  progress: number;
}

/** What recommendations need to know about the user they are for, as it stands right now. */
export interface Learner {
  id: string;
  persona: Persona;
  locale: string;
  /** Null for a user who is not a community member. */
  memberId: string | null;
  enrollments: LearnerEnrollment[];
}

interface GraphLearner {
  id: string;
  persona: Persona;
  locale: string;
  community: { id: string } | null;
  learning: { enrollments: { edges: Array<{ node: { status: LearnerEnrollment['status']; progress: number; course: Omit<LearnerEnrollment, 'courseId' | 'status' | 'progress'> & { id: string } } }> } } | null;
}

const LEARNER_FIELDS = `fragment JourneyLearner on User {
  id persona locale
  community { id }
  learning { enrollments(first: ${ENROLLMENTS_PER_USER}) { edges { node { status progress course { id title level tags locale } } } } }
}`;

/** One query for a batch of users: `u0: user(id: $u0) { … } u1: …`. */
function learnersQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, index) => `$u${index}: ID!`).join(', ');
  const fields = Array.from({ length: count }, (_, index) => `u${index}: user(id: $u${index}) { ...JourneyLearner }`).join('\n  ');
  return `query JourneyLearners(${variables}) {\n  ${fields}\n}\n${LEARNER_FIELDS}`;
}

function toLearner(user: GraphLearner): Learner {
  return {
    id: user.id,
    persona: user.persona,
    locale: user.locale,
    memberId: user.community?.id ?? null,
    enrollments: (user.learning?.enrollments.edges ?? []).map(({ node }) => ({
      courseId: node.course.id,
      title: node.course.title,
      level: node.course.level,
      tags: node.course.tags,
      locale: node.course.locale,
      status: node.status,
      progress: node.progress,
    })),
  };
}

/**
 * A per-request loader of learners through the gateway: every user whose recommendations one
 * request asks for is read in one graph query (50 per query at most), live, so a course's
 * progress is the one the user sees in the academy right now.
 */
export function createLearnerLoader(graph: GraphClient): DataLoader<string, Learner | null> {
  return new DataLoader<string, Learner | null>(
    async (ids) => {
      const variables = Object.fromEntries(ids.map((id, index) => [`u${index}`, id]));
      const data = await graph.request<Record<string, GraphLearner | null>>(learnersQuery(ids.length), variables);
      return ids.map((_id, index) => {
        const user = data[`u${index}`];
        return user ? toLearner(user) : null;
      });
    },
    { maxBatchSize: 50 },
  );
}
