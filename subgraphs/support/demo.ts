import type { SubgraphDeps } from '../kit/subgraph-service';
import type { SupportDemoData } from '../../scripts/demo-data/support';

/** Loads the support demo data into an empty database; returns whether anything was loaded. */
export async function loadSupportDemoData(_deps: Pick<SubgraphDeps, 'store' | 'config'>, _data: SupportDemoData): Promise<boolean> {
  return false;
}
