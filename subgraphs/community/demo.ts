import type { SubgraphDeps } from '../kit/subgraph-service';
import type { CommunityDemoData } from '../../scripts/demo-data/community';

/** Loads the community demo data into an empty database; returns whether anything was loaded. */
export async function loadCommunityDemoData(_deps: Pick<SubgraphDeps, 'store' | 'config'>, _data: CommunityDemoData): Promise<boolean> {
  return false;
}
