import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, subgraphDatabase, type SubgraphDeps } from '../kit/subgraph-service';
import { AwardWriter } from './award-writer';
import { CatalogService } from './catalog-service';
import { CourseFeed } from './course-feed';
import { CourseWriter } from './course-writer';
import { EnrollmentWriter } from './enrollment-writer';
import { LearnerService } from './learner-service';
import { LearningRepository } from './repository';
import { RequestLoaders } from './request-loaders';
import { learningResolvers, type LearningContext } from './resolvers';

export const LEARNING_SUBGRAPH = 'learning';

/** Builds the learning subgraph (indexes created, not yet listening). */
export async function createLearningSubgraph(deps: SubgraphDeps): Promise<HubService> {
  const metrics = createServiceMetrics(LEARNING_SUBGRAPH);
  const repository = new LearningRepository(subgraphDatabase(deps, LEARNING_SUBGRAPH, metrics));
  await repository.ensureIndexes();
  const awards = new AwardWriter(repository);
  return createSubgraphService<LearningContext>(
    {
      name: LEARNING_SUBGRAPH,
      typeDefs: subgraphTypeDefs(__dirname),
      resolvers: learningResolvers,
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
        };
      },
    },
    deps,
  );
}
