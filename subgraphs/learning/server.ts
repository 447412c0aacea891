import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, mergeResolverMaps, subgraphDatabase, type SubgraphDeps } from '../kit/subgraph-service';
import { AwardWriter } from './award-writer';
import { CatalogService } from './catalog-service';
import { CourseFeed } from './course-feed';
import { CourseWriter } from './course-writer';
import { EnrollmentWriter } from './enrollment-writer';
import { LearnerService } from './learner-service';
import { LearningRepository } from './repository';
import { RequestLoaders } from './request-loaders';
import { learningResolvers, type LearningContext } from './resolvers';
import { createStatementsFeature } from './statements/feature';
import type { StatementsContext } from './statements/resolvers';

export const LEARNING_SUBGRAPH = 'learning';

/** One request's context: the learning services plus the statements feature's. */
type LearningRequest = LearningContext & StatementsContext;

/** Builds the learning subgraph (indexes created, not yet listening). */
export async function createLearningSubgraph(deps: SubgraphDeps): Promise<HubService> {
  const metrics = createServiceMetrics(LEARNING_SUBGRAPH);
  const database = subgraphDatabase(deps, LEARNING_SUBGRAPH, metrics);
  const repository = new LearningRepository(database);
  await repository.ensureIndexes();
  const awards = new AwardWriter(repository);
  const statements = await createStatementsFeature({ database, repository, awards });
  return createSubgraphService<LearningRequest>(
    {
      name: LEARNING_SUBGRAPH,
      typeDefs: subgraphTypeDefs(__dirname),
      resolvers: mergeResolverMaps<LearningRequest>(learningResolvers, statements.resolvers),
      metrics,
      createContext: (base) => {
        const loaders = new RequestLoaders(repository, new Date());
        return {
          ...base,
          catalog: new CatalogService(base.identity, repository, loaders),
          learners: new LearnerService(base.identity, loaders),
          writer: new EnrollmentWriter(base.identity, repository, awards),
          courseWriter: new CourseWriter(base.identity, repository),
          courseFeed: new CourseFeed(base.identity, repository),
          ...statements.createContext(base),
        };
      },
    },
    deps,
  );
}
