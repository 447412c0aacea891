import type { SubgraphDeps } from '../kit/subgraph-service';
import { subgraphDatabase } from '../kit/subgraph-service';
import type { LearningDemoData } from '../../scripts/demo-data/learning';
import { LearningRepository } from './repository';
import { LEARNING_SUBGRAPH } from './server';

/**
 * Loads the demo catalog, learners and enrollments into an empty learning database. A database
 * that already holds courses (a persisted embedded store, a real deployment) is left alone.
 * @returns whether anything was loaded
 */
export async function loadLearningDemoData(deps: Pick<SubgraphDeps, 'store' | 'config'>, data: LearningDemoData): Promise<boolean> {
  const repository = new LearningRepository(subgraphDatabase(deps, LEARNING_SUBGRAPH));
  if ((await repository.countCourses()) > 0) return false;
  await repository.ensureIndexes();
  await repository.insertAll(data);
  return true;
}
