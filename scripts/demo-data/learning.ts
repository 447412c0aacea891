import type { DomainContext } from './context';

/** The learning subgraph's demo documents. */
export type LearningDemoData = Record<string, never>;

/** Deterministic learning demo data for the accounts and users in `context`. */
export function generateLearningDemoData(_context: DomainContext): LearningDemoData {
  return {};
}
