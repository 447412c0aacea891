import { createGateway } from '../gateway/server';
import { readSupergraph } from '../gateway/supergraph';
import { SUBGRAPHS, type SubgraphModule } from '../subgraphs/catalog';
import type { TokenVerifier } from '../subgraphs/kit/auth';
import { createInternalGraphClient } from '../subgraphs/kit/graph-client';
import type { HubConfig } from '../subgraphs/kit/config';
import type { Logger } from '../subgraphs/kit/logger';
import type { HubStore } from '../subgraphs/kit/store/types';
import type { HubService } from '../subgraphs/kit/apollo-service';

export interface HubOptions {
  config: HubConfig;
  logger: Logger;
  verifier: TokenVerifier;
  store: HubStore;
  /** Port for the gateway; 0 picks free ports for everything (tests). */
  gatewayPort: number;
  /** Port per subgraph; 0 picks a free one. */
  subgraphPort(name: string): number;
  supergraphSdl?: string;
  /** The subgraphs to run; the catalog's by default (tests may build one differently). */
  subgraphs?: readonly SubgraphModule[];
}

export interface RunningHub {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** Stops the gateway first, then the subgraphs; the store stays open for its owner to close. */
  stop(): Promise<void>;
}

/**
 * Every subgraph and the gateway in one process: `npm start` and the end-to-end tests both use
 * this, so what the tests exercise is what a newcomer runs.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  // Subgraphs reach the graph through this gateway, whose URL is known only once it listens.
  let gatewayUrl = '';
  const graph = createInternalGraphClient(options.config, () => gatewayUrl);
  const deps = { config: options.config, logger: options.logger, verifier: options.verifier, store: options.store, graph };
  const subgraphs: HubService[] = [];
  const subgraphUrls: Record<string, string> = {};
  try {
    for (const module of options.subgraphs ?? SUBGRAPHS) {
      const service = await module.create(deps);
      subgraphs.push(service);
      subgraphUrls[module.name] = await service.listen(options.subgraphPort(module.name));
    }
  } catch (error) {
    await Promise.all(subgraphs.map((service) => service.stop()));
    throw error;
  }
  const gateway = createGateway({
    ...deps,
    supergraphSdl: options.supergraphSdl ?? readSupergraph(options.config.HUB_SUPERGRAPH_PATH),
    subgraphUrls,
  });
  try {
    gatewayUrl = await gateway.listen(options.gatewayPort);
  } catch (error) {
    await Promise.all(subgraphs.map((service) => service.stop()));
    throw error;
  }
  return {
    gatewayUrl,
    subgraphUrls,
    async stop() {
      await gateway.stop();
      await Promise.all(subgraphs.map((service) => service.stop()));
    },
  };
}
