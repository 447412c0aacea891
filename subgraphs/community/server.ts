import type { HubService } from '../kit/apollo-service';
import { createServiceMetrics } from '../kit/metrics';
import { subgraphTypeDefs } from '../kit/sdl';
import { createSubgraphService, mergeResolverMaps, subgraphDatabase, type SubgraphDeps } from '../kit/subgraph-service';
import { ChangeFeedService } from './change-feed';
import { ExternalIdLookups } from './external-lookups';
import { communityImportResolvers, type CommunityImportContext } from './import-resolvers';
import { MemberImporter } from './member-import';
import { ReplyEditRepository } from './reply-edit-repository';
import { ReplyEditor } from './reply-editing';
import { EventAdmin } from './event-admin';
import { EventRepository } from './event-repository';
import { EventsService } from './events';
import { PostEditRepository } from './post-edit-repository';
import { PostEditor } from './post-editing';
import { CommunityWriter } from './posting';
import { CommunityRepository } from './repository';
import { communityResolvers, type CommunityContext } from './resolvers';
import { CommunityService } from './service';

export const COMMUNITY_SUBGRAPH = 'community';

/** Builds the community subgraph (indexes created, not yet listening). */
export async function createCommunitySubgraph(deps: SubgraphDeps): Promise<HubService> {
  const metrics = createServiceMetrics(COMMUNITY_SUBGRAPH);
  const repository = new CommunityRepository(subgraphDatabase(deps, COMMUNITY_SUBGRAPH, metrics));
  const eventRepository = new EventRepository(repository);
  const postEdits = new PostEditRepository(repository);
  const replyEdits = new ReplyEditRepository(repository);
  await repository.ensureIndexes();
  const now = () => new Date();
  return createSubgraphService<CommunityContext & CommunityImportContext>(
    {
      name: COMMUNITY_SUBGRAPH,
      typeDefs: subgraphTypeDefs(__dirname),
      resolvers: mergeResolverMaps<CommunityContext & CommunityImportContext>(communityResolvers, communityImportResolvers),
      metrics,
      createContext: (base) => {
        // One set of loaders per request, shared by its services so each record is fetched once.
        const loaders = repository.createLoaders(now);
        return {
          ...base,
          community: new CommunityService(base.identity, repository, loaders),
          events: new EventsService(base.identity, repository, eventRepository, loaders, now),
          writer: new CommunityWriter(base.identity, repository, now),
          postEditor: new PostEditor(base.identity, repository, postEdits, now),
          eventAdmin: new EventAdmin(base.identity, eventRepository, loaders, now),
          changeFeed: new ChangeFeedService(base.identity, repository, eventRepository),
          externalIdLookups: new ExternalIdLookups(base.identity, repository),
          replyEditor: new ReplyEditor(base.identity, repository, replyEdits, postEdits, now),
          memberImporter: new MemberImporter(base.identity, repository, now),
        };
      },
    },
    deps,
  );
}
