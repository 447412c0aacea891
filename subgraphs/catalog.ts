import { join } from 'node:path';
import { createAccountsSubgraph } from './accounts/server';
import { createCommunitySubgraph } from './community/server';
import { createContractsSubgraph } from './contracts/server';
import { createJourneySubgraph } from './journey/server';
import { createIntegrationsSubgraph } from './integrations/server';
import type { HubService } from './kit/apollo-service';
import type { SubgraphDeps } from './kit/subgraph-service';
import { createLearningSubgraph } from './learning/server';
import { createSearchSubgraph } from './search/server';
import { createSupportSubgraph } from './support/server';

export interface SubgraphModule {
  name: string;
  /** The subgraph's folder: its `.graphql` files make its schema. */
  directory: string;
  create(deps: SubgraphDeps): Promise<HubService>;
}

function subgraph(name: string, create: SubgraphModule['create']): SubgraphModule {
  return { name, directory: join(__dirname, name), create };
}

/**
 * Every subgraph, in the fixed order that assigns ports: the gateway on PORT, then PORT+1,
 * PORT+2 … in this order, so one variable moves the whole stack.
 */
export const SUBGRAPHS: readonly SubgraphModule[] = [
  subgraph('accounts', createAccountsSubgraph),
  subgraph('community', createCommunitySubgraph),
  subgraph('learning', createLearningSubgraph),
  subgraph('support', createSupportSubgraph),
  subgraph('contracts', createContractsSubgraph),
  subgraph('search', createSearchSubgraph),
  subgraph('journey', createJourneySubgraph),
  subgraph('integrations', createIntegrationsSubgraph),
];

export function subgraphPort(gatewayPort: number, name: string): number {
  const index = SUBGRAPHS.findIndex((candidate) => candidate.name === name);
  if (index < 0) throw new Error(`unknown subgraph ${name}`);
  return gatewayPort + index + 1;
}

/** The URL composition records for a subgraph: where `npm start` runs it by default. */
export function defaultSubgraphUrl(name: string, gatewayPort = 4000): string {
  return `http://localhost:${subgraphPort(gatewayPort, name)}/graphql`;
}
