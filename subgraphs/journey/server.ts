import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, subgraphDatabase, type SubgraphDeps } from '../kit/subgraph-service';
import { graphAccountDirectory } from './account-directory';
import { JourneyInsights } from './insights';
import { createLearnerLoader } from './learner-reader';
import { loadPlaybook } from './playbook';
import { PopulationCache } from './population-cache';
import { readPopulation } from './population-reader';
import { JourneyRepository } from './repository';
import { journeyResolvers, type JourneyContext } from './resolvers';
import { JourneyService } from './service';
import { TaskCompletionWriter } from './task-completions';

export const JOURNEY_SUBGRAPH = 'journey';

/**
 * Builds the journey subgraph (playbook validated, indexes created, not yet listening). An
 * invalid playbook rejects with a PlaybookError naming every bad rule, so the service never starts
 * on rules it cannot follow.
 */
export async function createJourneySubgraph(deps: SubgraphDeps): Promise<HubService> {
  const playbook = await loadPlaybook(deps.config.HUB_JOURNEY_PLAYBOOK_PATH);
  const metrics = createServiceMetrics(JOURNEY_SUBGRAPH);
  const repository = new JourneyRepository(subgraphDatabase(deps, JOURNEY_SUBGRAPH, metrics));
  await repository.ensureIndexes();
  const accounts = graphAccountDirectory(deps.graph);
  const population = new PopulationCache(() => readPopulation(deps.graph), deps.logger.child({ service: JOURNEY_SUBGRAPH }));
  return createSubgraphService<JourneyContext>(
    {
      name: JOURNEY_SUBGRAPH,
      typeDefs: subgraphTypeDefs(__dirname),
      resolvers: journeyResolvers,
      metrics,
      createContext: (base) => ({
        ...base,
        journey: new JourneyService(base.identity, repository, playbook),
        insights: new JourneyInsights(base.identity, playbook, population, createLearnerLoader(deps.graph)),
        writer: new TaskCompletionWriter(base.identity, repository, playbook, accounts),
      }),
    },
    deps,
  );
}
