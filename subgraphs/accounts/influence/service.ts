import type { Identity } from '../../kit/auth';
import type { GraphClient } from '../../kit/graph-client';
import type { Logger } from '../../kit/logger';
import { parseInput } from '../../kit/validation';
import { computeCommunityInfluence, type CommunityInfluence, type InfluenceAccount } from './computation';
import { isHistoryTruncated, readInfluencePages, toInfluenceAccount } from './graph-reader';
import { influencePeriodArguments } from './inputs';
import { influencePolicy } from './policy';

/**
 * Community influence for one request: authorized and validated here, then computed from every
 * account's community and contract data read through the graph, a page of accounts per query.
 */
export class InfluenceService {
  constructor(
    private readonly identity: Identity,
    private readonly graph: GraphClient,
    private readonly logger: Logger,
  ) {}

  async communityInfluence(args: { from: unknown; to: unknown }): Promise<CommunityInfluence> {
    influencePolicy.assertCanReadInfluence(this.identity);
    const period = parseInput(influencePeriodArguments, { from: args.from, to: args.to });
    const accounts: InfluenceAccount[] = [];
    let truncated = 0;
    for await (const page of readInfluencePages(this.graph)) {
      for (const account of page) {
        if (isHistoryTruncated(account)) truncated += 1;
        accounts.push(toInfluenceAccount(account));
      }
    }
    // Rare (more than 100 contracts or won deals on one account), but the figures would be low: say so.
    if (truncated > 0) this.logger.warn({ accounts: truncated }, 'community influence read part of some accounts\' contract or opportunity history');
    return computeCommunityInfluence(accounts, period);
  }
}
