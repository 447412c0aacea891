import type { SubgraphDeps } from '../../kit/subgraph-service';
import { subgraphDatabase } from '../../kit/subgraph-service';
import { ACCOUNTS_SUBGRAPH } from '../server';
import type { HealthSnapshotDocument } from './documents';
import { HealthRepository } from './repository';

const INSERT_CHUNK = 5_000;

/**
 * Loads past demo snapshots into an empty snapshot collection; one that already holds snapshots
 * (a persisted store, a real deployment) is left alone. Historical snapshots are never the
 * latest: whatever a caller passes, they are stored with `isLatest: false`.
 * @returns whether anything was loaded
 */
export async function loadHealthHistoryDemoData(
  deps: Pick<SubgraphDeps, 'store' | 'config'>,
  data: { snapshots: readonly HealthSnapshotDocument[] },
): Promise<boolean> {
  const repository = new HealthRepository(subgraphDatabase(deps, ACCOUNTS_SUBGRAPH));
  if ((await repository.countSnapshots()) > 0) return false;
  await repository.ensureIndexes();
  for (let start = 0; start < data.snapshots.length; start += INSERT_CHUNK) {
    await repository.insertSnapshots(data.snapshots.slice(start, start + INSERT_CHUNK).map((snapshot) => ({ ...snapshot, isLatest: false })));
  }
  return true;
}
