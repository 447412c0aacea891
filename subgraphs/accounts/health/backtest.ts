import type { GraphClient } from '../../kit/graph-client';
import { utcDay } from '../usage/model';
import { rocAuc } from './backtest-auc';
import { renewalOutcomeAt, type ContractTermFacts, type RenewalOutcome } from './backtest-outcome';
import type { HealthSnapshotDocument } from './documents';
import type { HealthRepository } from './repository';
import { HEALTH_BANDS, type HealthBand } from './scoring';

const PAGE_SIZE = 100;
/** Terms read per account: years of yearly renewals, far more than a backtest window needs. */
const TERMS_PER_ACCOUNT = 20;

/**
 * Every account's contract terms, a page at a time, through the graph: contracts belong to the
 * contracts subgraph, so health never reads them from a database.
 */
export const BACKTEST_TERMS_QUERY = `query HealthBacktestTerms($first: Int!, $after: String, $terms: Int!) {
  accounts(first: $first, after: $after) {
    edges {
      node {
        id
        contracts(first: $terms) { edges { node { status startDate renewalDate autoRenew cancelAtPeriodEnd cancelledAt } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface GraphTerm {
  status: ContractTermFacts['status'];
  startDate: string;
  renewalDate: string;
  autoRenew: boolean;
  cancelAtPeriodEnd: boolean;
  cancelledAt: string | null;
}

interface TermsPage {
  accounts: {
    edges: Array<{ node: { id: string; contracts: { edges: Array<{ node: GraphTerm }> } | null } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** One account of a backtest: its band and score at `asOf` and how its renewal turned out. */
export interface ScoredOutcome {
  score: number;
  band: HealthBand;
  outcome: RenewalOutcome;
}

export interface HealthBandOutcomes {
  band: HealthBand;
  renewed: number;
  churned: number;
  /** churned / (renewed + churned); null for a band without known outcomes. */
  churnRate: number | null;
}

export interface HealthBacktestResult {
  asOf: Date;
  auc: number | null;
  renewed: number;
  churned: number;
  /** Accounts left out: renewal outcome unknown, or no score on or before `asOf`. */
  excluded: number;
  bands: HealthBandOutcomes[];
}

function toTerm(term: GraphTerm): ContractTermFacts {
  return {
    status: term.status,
    startDate: new Date(term.startDate),
    renewalDate: new Date(term.renewalDate),
    autoRenew: term.autoRenew,
    cancelAtPeriodEnd: term.cancelAtPeriodEnd,
    cancelledAt: term.cancelledAt ? new Date(term.cancelledAt) : null,
  };
}

/** The backtest's figures from the accounts that have both a score and a known outcome. */
export function summarizeBacktest(asOf: Date, scored: readonly ScoredOutcome[], excluded: number): HealthBacktestResult {
  const scoresOf = (outcome: RenewalOutcome) => scored.filter((entry) => entry.outcome === outcome).map((entry) => entry.score);
  const churnedScores = scoresOf('CHURNED');
  const renewedScores = scoresOf('RENEWED');
  return {
    asOf,
    auc: rocAuc(churnedScores, renewedScores),
    renewed: renewedScores.length,
    churned: churnedScores.length,
    excluded,
    bands: HEALTH_BANDS.map((band) => {
      const inBand = scored.filter((entry) => entry.band === band);
      const churned = inBand.filter((entry) => entry.outcome === 'CHURNED').length;
      return { band, renewed: inBand.length - churned, churned, churnRate: inBand.length ? churned / inBand.length : null };
    }),
  };
}

export interface HealthBacktesterDeps {
  repository: HealthRepository;
  graph: GraphClient;
  now: () => Date;
}

/**
 * How well the scores of a past moment predicted the renewals that followed it: outcomes from the
 * contract terms read through the graph, scores from each account's newest snapshot on or before
 * that moment's UTC day (one aggregation per page of accounts).
 */
export class HealthBacktester {
  constructor(private readonly deps: HealthBacktesterDeps) {}

  async run(asOf: Date): Promise<HealthBacktestResult> {
    const now = this.deps.now();
    const day = utcDay(asOf);
    const scored: ScoredOutcome[] = [];
    let excluded = 0;
    let after: string | null = null;
    do {
      const page: TermsPage = await this.deps.graph.request<TermsPage>(BACKTEST_TERMS_QUERY, { first: PAGE_SIZE, after, terms: TERMS_PER_ACCOUNT });
      const outcomes = new Map<string, RenewalOutcome>();
      for (const { node } of page.accounts.edges) {
        const outcome = renewalOutcomeAt((node.contracts?.edges ?? []).map((edge) => toTerm(edge.node)), asOf, now);
        if (outcome) outcomes.set(node.id, outcome);
      }
      const snapshots = outcomes.size ? await this.deps.repository.newestBefore([...outcomes.keys()], day, { inclusive: true }) : new Map<string, HealthSnapshotDocument>();
      for (const [accountId, outcome] of outcomes) {
        const snapshot = snapshots.get(accountId);
        if (snapshot) scored.push({ score: snapshot.score, band: snapshot.band, outcome });
      }
      excluded += page.accounts.edges.length - outcomes.size + [...outcomes.keys()].filter((accountId) => !snapshots.has(accountId)).length;
      after = page.accounts.pageInfo.hasNextPage ? page.accounts.pageInfo.endCursor : null;
    } while (after);
    return summarizeBacktest(asOf, scored, excluded);
  }
}
