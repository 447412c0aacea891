import type { RequestBase, ResolverMap } from '../../kit/subgraph-service';
import type { InfluenceService } from './service';

export interface InfluenceContext {
  influence: InfluenceService;
}

type InfluenceRequest = RequestBase & InfluenceContext;

/** Thin: hand the arguments to the service, which authorizes and validates. */
export const influenceResolvers: ResolverMap<InfluenceRequest> = {
  Query: {
    communityInfluence: (_parent, args: { from: unknown; to: unknown }, { influence }: InfluenceRequest) => influence.communityInfluence(args),
  },
};
