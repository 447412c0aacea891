import type { SubgraphDeps } from '../kit/subgraph-service';
import type { ContractsDemoData } from '../../scripts/demo-data/contracts';

/** Loads the contracts demo data into an empty database; returns whether anything was loaded. */
export async function loadContractsDemoData(_deps: Pick<SubgraphDeps, 'store' | 'config'>, _data: ContractsDemoData): Promise<boolean> {
  return false;
}
