import type { PageArgs } from '../../kit/pagination';
import type { RequestBase, ResolverMap } from '../../kit/subgraph-service';
import type { AccountDocument, Segment } from '../model';
import { COMPONENT_DEFINITIONS, type HealthComponentKey } from './components';
import type { HealthAlertDocument, HealthSnapshotDocument } from './documents';
import type { HealthBand } from './scoring';
import type { HealthService } from './service';

export interface HealthContext {
  health: HealthService;
}

type HealthRequest = RequestBase & HealthContext;

/** Thin: hand arguments to the service, which validates and authorizes. */
export const healthResolvers: ResolverMap<HealthRequest> = {
  Query: {
    accountsByHealth: (_parent, args: PageArgs & { band?: HealthBand | null; segment?: Segment | null }, { health }: HealthRequest) =>
      health.listByHealth({ band: args.band ?? undefined, segment: args.segment ?? undefined }, args),
    healthDistribution: (_parent, args: { segment?: Segment | null }, { health }: HealthRequest) => health.distribution(args.segment ?? undefined),
    healthAlerts: (_parent, args: PageArgs, { health }: HealthRequest) => health.alerts(args),
    healthBacktest: (_parent, args: { asOf: unknown }, { health }: HealthRequest) => health.backtest(args.asOf),
  },
  Mutation: {
    recomputeHealth: (_parent, args: { waitSeconds?: unknown }, { health }: HealthRequest) => health.recomputeAll(args.waitSeconds ?? 5),
  },
  Account: {
    health: (account: AccountDocument, _args, { health }: HealthRequest) => health.latest(account._id),
    healthHistory: (account: AccountDocument, args: { days: unknown }, { health }: HealthRequest) => health.history(account._id, args.days),
    healthChange: (account: AccountDocument, args: { since: unknown }, { health }: HealthRequest) => health.change(account._id, args.since),
    usageBenchmark: async (account: AccountDocument, _args, { health }: HealthRequest) => {
      const snapshot = await health.latest(account._id);
      return snapshot && { segment: snapshot.segment, computedAt: snapshot.computedAt, metrics: snapshot.benchmark };
    },
  },
  HealthComponent: {
    name: (component: { key: HealthComponentKey }) => COMPONENT_DEFINITIONS[component.key].name,
  },
  AccountHealthEdge: {
    node: (edge: { node: HealthSnapshotDocument }, _args, { health }: HealthRequest) => health.account(edge.node.accountId),
    health: (edge: { node: HealthSnapshotDocument }) => edge.node,
  },
  HealthAlert: {
    id: (alert: HealthAlertDocument) => alert._id,
    account: (alert: HealthAlertDocument, _args, { health }: HealthRequest) => health.account(alert.accountId),
  },
};
