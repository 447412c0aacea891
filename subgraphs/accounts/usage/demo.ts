import type { SubgraphDeps } from '../../kit/subgraph-service';
import { subgraphDatabase } from '../../kit/subgraph-service';
import { AccountsRepository } from '../repository';
import { ACCOUNTS_SUBGRAPH } from '../server';
import type { UsageDayDocument } from './model';
import { UsageRepository } from './repository';

/**
 * Loads demo usage rollups into an empty rollup collection; one that already holds rollups (a
 * persisted store, a real deployment) is left alone.
 * @returns whether anything was loaded
 */
export async function loadUsageDemoData(deps: Pick<SubgraphDeps, 'store' | 'config'>, data: { usageDays: readonly UsageDayDocument[] }): Promise<boolean> {
  const database = subgraphDatabase(deps, ACCOUNTS_SUBGRAPH);
  const repository = new UsageRepository(database, new AccountsRepository(database));
  if ((await repository.countDays()) > 0) return false;
  await repository.ensureIndexes();
  await repository.insertDays(data.usageDays);
  return true;
}
