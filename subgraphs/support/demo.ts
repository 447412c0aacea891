import type { SubgraphDeps } from '../kit/subgraph-service';
import { subgraphDatabase } from '../kit/subgraph-service';
import type { SupportDemoData } from '../../scripts/demo-data/support';
import { SupportRepository } from './repository';
import { SUPPORT_SUBGRAPH } from './server';

/**
 * Loads demo tickets, articles and daily article views into an empty support database. A
 * database that already holds tickets or articles (a persisted embedded store, a real
 * deployment) is left alone.
 * @returns whether anything was loaded
 */
export async function loadSupportDemoData(deps: Pick<SubgraphDeps, 'store' | 'config'>, data: SupportDemoData): Promise<boolean> {
  const repository = new SupportRepository(subgraphDatabase(deps, SUPPORT_SUBGRAPH));
  if (!(await repository.isEmpty())) return false;
  await repository.ensureIndexes();
  await repository.replaceAll(data);
  return true;
}
