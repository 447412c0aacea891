import type { DomainContext } from './context';

/** The community subgraph's demo documents. */
export type CommunityDemoData = Record<string, never>;

/** Deterministic community demo data for the accounts and users in `context`. */
export function generateCommunityDemoData(_context: DomainContext): CommunityDemoData {
  return {};
}
