import { DateTimeScalar } from '../kit/scalars';
import type { RequestBase, ResolverMap } from '../kit/subgraph-service';
import type { JourneyInsights } from './insights';
import type { JourneyOfUser } from './model';
import type { RecommendedTypename } from './recommendations';
import type { EntityRepresentation, JourneyService } from './service';
import type { TaskCompletionWriter } from './task-completions';

export interface JourneyContext extends RequestBase {
  journey: JourneyService;
  insights: JourneyInsights;
  writer: TaskCompletionWriter;
}

interface TaskArguments {
  accountId: string;
  taskKey: string;
}

/** Thin: hand representations and arguments to the service, which authorizes and validates. */
export const journeyResolvers: ResolverMap<JourneyContext> = {
  DateTime: DateTimeScalar,
  Query: {
    advocateCandidates: (_parent, args, { insights }) => insights.advocateCandidates(args),
    dormantUsers: (_parent, args, { insights }) => insights.dormantUsers(args),
  },
  Journey: {
    recommendations: (journey: JourneyOfUser, args, { insights }) => insights.recommendations(journey, args),
  },
  RecommendedItem: {
    __resolveType: (item: { __typename: RecommendedTypename }) => item.__typename,
  },
  Mutation: {
    completeOnboardingTask: async (_parent, args: TaskArguments, { writer, journey }) => {
      const update = await writer.complete(args);
      journey.forget(update.account.id);
      return update;
    },
    reopenOnboardingTask: async (_parent, args: TaskArguments, { writer, journey }) => {
      const update = await writer.reopen(args);
      journey.forget(update.account.id);
      return update;
    },
  },
  User: {
    __resolveReference: (representation: EntityRepresentation, { journey }: JourneyContext) => journey.user(representation),
    journey: (user: EntityRepresentation, _args, { journey }) => journey.journey(user),
  },
  Account: {
    __resolveReference: (representation: EntityRepresentation, { journey }: JourneyContext) => journey.account(representation),
    onboarding: (account: EntityRepresentation, _args, { journey }) => journey.onboarding(account),
  },
};
