import type { SubgraphDeps } from '../kit/subgraph-service';
import type { LearningDemoData } from '../../scripts/demo-data/learning';

/** Loads the learning demo data into an empty database; returns whether anything was loaded. */
export async function loadLearningDemoData(_deps: Pick<SubgraphDeps, 'store' | 'config'>, _data: LearningDemoData): Promise<boolean> {
  return false;
}
