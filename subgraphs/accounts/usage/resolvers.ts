import type { RequestBase, ResolverMap } from '../../kit/subgraph-service';
import type { AccountDocument } from '../model';
import type { UsageIngestor } from './ingest';
import { JSONObjectScalar } from './json-scalar';
import type { UsageReports } from './report';

/** What the usage feature adds to each request's context. */
export interface UsageRequestContext {
  usageIngest: UsageIngestor;
  usageReports: UsageReports;
}

type UsageContext = RequestBase & UsageRequestContext;

/** Thin: hand arguments to the services, which authorize and validate. */
export const usageResolvers: ResolverMap<UsageContext> = {
  JSONObject: JSONObjectScalar,
  Mutation: {
    ingestUsageEvents: (_parent, args: { events: unknown }, { usageIngest }) => usageIngest.ingest(args.events),
  },
  Account: {
    usageReport: (account: AccountDocument, args: { period: unknown }, { usageReports }) => usageReports.report(account._id, args.period),
  },
};
