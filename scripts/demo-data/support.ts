import type { DomainContext } from './context';

/** The support subgraph's demo documents. */
export type SupportDemoData = Record<string, never>;

/** Deterministic support demo data for the accounts and users in `context`. */
export function generateSupportDemoData(_context: DomainContext): SupportDemoData {
  return {};
}
