import type { PageArgs } from '../../kit/pagination';
import type { RequestBase, ResolverMap } from '../../kit/subgraph-service';
import type { AccountDocument, Segment } from '../model';
import type { HealthAlertDocument, HealthSnapshotDocument } from './documents';
import type { HealthBand } from './scoring';
import type { HealthService } from './service';

export interface HealthContext {
  health: HealthService;
}

/**
 * The request's health service. The subgraph's context type does not list the features' parts,
 * so the resolvers take the base type and find the service that `createContext` added.
 */
function healthOf(context: RequestBase): HealthService {
  const service = (context as RequestBase & Partial<HealthContext>).health;
  if (!service) throw new Error('the health feature is missing from the request context');
  return service;
}

/** Thin: hand arguments to the service, which validates and authorizes. */
export const healthResolvers: ResolverMap<RequestBase> = {
  Query: {
    accountsByHealth: (_parent, args: PageArgs & { band?: HealthBand | null; segment?: Segment | null }, context: RequestBase) =>
      healthOf(context).listByHealth({ band: args.band ?? undefined, segment: args.segment ?? undefined }, args),
    healthDistribution: (_parent, args: { segment?: Segment | null }, context: RequestBase) => healthOf(context).distribution(args.segment ?? undefined),
    healthAlerts: (_parent, args: PageArgs, context: RequestBase) => healthOf(context).alerts(args),
    healthBacktest: (_parent, args: { asOf: unknown }, context: RequestBase) => healthOf(context).backtest(args.asOf),
  },
  Mutation: {
    recomputeHealth: (_parent, _args, context: RequestBase) => healthOf(context).recomputeAll(),
  },
  Account: {
    health: (account: AccountDocument, _args, context: RequestBase) => healthOf(context).latest(account._id),
    healthHistory: (account: AccountDocument, args: { days: unknown }, context: RequestBase) => healthOf(context).history(account._id, args.days),
    healthChange: (account: AccountDocument, args: { since: unknown }, context: RequestBase) => healthOf(context).change(account._id, args.since),
    usageBenchmark: async (account: AccountDocument, _args, context: RequestBase) => {
      const snapshot = await healthOf(context).latest(account._id);
      return snapshot && { segment: snapshot.segment, computedAt: snapshot.computedAt, metrics: snapshot.benchmark };
    },
  },
  AccountHealthEdge: {
    node: (edge: { node: HealthSnapshotDocument }, _args, context: RequestBase) => healthOf(context).account(edge.node.accountId),
    health: (edge: { node: HealthSnapshotDocument }) => edge.node,
  },
  HealthAlert: {
    id: (alert: HealthAlertDocument) => alert._id,
    account: (alert: HealthAlertDocument, _args, context: RequestBase) => healthOf(context).account(alert.accountId),
  },
};
