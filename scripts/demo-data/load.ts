import { loadAccountsDemoData } from '../../subgraphs/accounts/demo';
import type { SubgraphDeps } from '../../subgraphs/kit/subgraph-service';
import type { DemoData } from './generate';

/** Hands each subgraph its part of the demo dataset; each writes only its own database. */
export async function loadDemoData(deps: Pick<SubgraphDeps, 'store' | 'config'>, data: DemoData): Promise<boolean> {
  return loadAccountsDemoData(deps, data);
}
