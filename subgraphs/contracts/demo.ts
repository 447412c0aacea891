import type { SubgraphDeps } from '../kit/subgraph-service';
import { subgraphDatabase } from '../kit/subgraph-service';
import type { ContractDocument, OpportunityDocument } from './model';
import { ContractsRepository } from './repository';
import { CONTRACTS_SUBGRAPH } from './server';

/**
 * Loads demo contracts and opportunities into an empty contracts database. A database that
 * already holds either (a persisted embedded store, a real deployment) is left alone.
 * @returns whether anything was loaded
 */
export async function loadContractsDemoData(
  deps: Pick<SubgraphDeps, 'store' | 'config'>,
  data: { contracts: readonly ContractDocument[]; opportunities: readonly OpportunityDocument[] },
): Promise<boolean> {
  const repository = new ContractsRepository(subgraphDatabase(deps, CONTRACTS_SUBGRAPH));
  if (!(await repository.isEmpty())) return false;
  await repository.ensureIndexes();
  await repository.replaceAll(data.contracts, data.opportunities);
  return true;
}
