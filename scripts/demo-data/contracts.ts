import type { DomainContext } from './context';

/** The contracts subgraph's demo documents. */
export type ContractsDemoData = Record<string, never>;

/** Deterministic contracts demo data for the accounts and users in `context`. */
export function generateContractsDemoData(_context: DomainContext): ContractsDemoData {
  return {};
}
