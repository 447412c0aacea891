import { loadAccountsDemoData } from '../../subgraphs/accounts/demo';
import { loadHealthHistoryDemoData } from '../../subgraphs/accounts/health/demo';
import { loadUsageDemoData } from '../../subgraphs/accounts/usage/demo';
import { loadCommunityDemoData } from '../../subgraphs/community/demo';
import { loadContractsDemoData } from '../../subgraphs/contracts/demo';
import type { SubgraphDeps } from '../../subgraphs/kit/subgraph-service';
import { loadLearningDemoData } from '../../subgraphs/learning/demo';
import { loadSearchDemoData } from '../../subgraphs/search/demo';
import { loadSupportDemoData } from '../../subgraphs/support/demo';
import type { DemoDataset } from './dataset';

/**
 * Hands each subgraph its part of the dataset; each writes only its own database, and only when
 * that database is empty.
 * @returns the subgraphs that loaded data
 */
export async function loadDemoData(deps: Pick<SubgraphDeps, 'store' | 'config'>, data: DemoDataset): Promise<string[]> {
  const loaders: Record<string, () => Promise<boolean>> = {
    accounts: () => loadAccountsDemoData(deps, data),
    usage: () => loadUsageDemoData(deps, data.usage),
    healthHistory: () => loadHealthHistoryDemoData(deps, data.healthHistory),
    community: () => loadCommunityDemoData(deps, data.community),
    learning: () => loadLearningDemoData(deps, data.learning),
    support: () => loadSupportDemoData(deps, data.support),
    contracts: () => loadContractsDemoData(deps, data.contracts),
    search: () => loadSearchDemoData(deps, data.search),
  };
  const results = await Promise.all(Object.entries(loaders).map(async ([name, load]) => ((await load()) ? name : null)));
  return results.filter((name): name is string => name !== null);
}
