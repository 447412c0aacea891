import type { RequestBase, ResolverMap } from '../../kit/subgraph-service';
import type { InfluenceService } from './service';

export interface InfluenceContext {
  influence: InfluenceService;
}

/** The request's influence service, added to the context by the feature's `createContext`. */
function influenceOf(context: RequestBase): InfluenceService {
  const service = (context as RequestBase & Partial<InfluenceContext>).influence;
  if (!service) throw new Error('the influence feature is missing from the request context');
  return service;
}

/** Thin: hand the arguments to the service, which authorizes and validates. */
export const influenceResolvers: ResolverMap<RequestBase> = {
  Query: {
    communityInfluence: (_parent, args: { from: unknown; to: unknown }, context: RequestBase) => influenceOf(context).communityInfluence(args),
  },
};
