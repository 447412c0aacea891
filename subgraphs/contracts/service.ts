import type { Identity } from '../kit/auth';
import type { PageArgs } from '../kit/pagination';
import { parseInput } from '../kit/validation';
import { summarizeAccountContracts, type AccountContractSummary } from './contract-terms';
import { renewalsArguments, revenuePeriodArguments } from './inputs';
import { type ContractDocument, type OpportunityDocument, type OpportunityStage } from './model';
import { contractsPolicy } from './policy';
import type { ContractsRepository } from './repository';
import { computeRevenueMetrics, type RevenueMetrics } from './revenue-metrics';

const DAY_MS = 86_400_000;

/** An `Account` as this subgraph knows it: only the id; the accounts subgraph owns the rest. */
export interface AccountReference {
  id: string;
}

/**
 * The contracts subgraph's read rules, for one request: every read is authorized here and goes
 * through this request's loaders, so fields of many accounts cost one query per collection.
 */
export class ContractsService {
  private readonly loaders: ReturnType<ContractsRepository['createLoaders']>;

  constructor(
    readonly identity: Identity,
    readonly repository: ContractsRepository,
    /** "Today" for the whole request. */
    readonly now: Date = new Date(),
  ) {
    this.loaders = repository.createLoaders(now);
  }

  /** A contract the caller may read, or FORBIDDEN; null for staff when it does not exist. */
  async contract(id: string): Promise<ContractDocument | null> {
    const contract = await this.loaders.contractById.load(id);
    contractsPolicy.assertCanReadContract(this.identity, id, contract);
    return contract;
  }

  async opportunity(id: string): Promise<OpportunityDocument | null> {
    contractsPolicy.assertCanReadOpportunities(this.identity);
    return this.loaders.opportunityById.load(id);
  }

  /**
   * An account the caller may read, as a reference; `_entities` lookups come through here. Async so
   * a refusal rejects this one representation instead of failing the whole `_entities` list.
   */
  async account(id: string): Promise<AccountReference> {
    contractsPolicy.assertCanReadAccount(this.identity, id);
    return { id };
  }

  /** The current contract and the account's ARR, renewal date and seats today. */
  async accountSummary(accountId: string): Promise<AccountContractSummary<ContractDocument>> {
    contractsPolicy.assertCanReadAccount(this.identity, accountId);
    return summarizeAccountContracts(await this.loaders.contractsInForce.load(accountId), this.now);
  }

  contractsOfAccount(accountId: string, page: PageArgs) {
    contractsPolicy.assertCanReadAccount(this.identity, accountId);
    return this.loaders.contractsOfAccount.load(accountId, page);
  }

  opportunitiesOfAccount(accountId: string, stage: OpportunityStage | null | undefined, page: PageArgs) {
    contractsPolicy.assertCanReadOpportunities(this.identity);
    return this.loaders.opportunitiesOfAccount.load(accountId, page, stage ? { stage } : {});
  }

  /** Current contracts ending within `withinDays` days from now, soonest first. */
  renewals(args: { withinDays: unknown }, page: PageArgs) {
    contractsPolicy.assertCanListRenewals(this.identity);
    const { withinDays } = parseInput(renewalsArguments, { withinDays: args.withinDays });
    return this.repository.listRenewals(this.now, new Date(this.now.getTime() + withinDays * DAY_MS), page);
  }

  async revenueMetrics(args: { from: unknown; to: unknown }): Promise<RevenueMetrics[]> {
    contractsPolicy.assertCanReadRevenueMetrics(this.identity);
    const { from, to } = parseInput(revenuePeriodArguments, { from: args.from, to: args.to });
    return computeRevenueMetrics(await this.repository.findTermsInForceAt([from, to]), from, to);
  }

  assertCanSeeInternalFields(): void {
    contractsPolicy.assertCanSeeInternalFields(this.identity);
  }

  /** Primes the loaders after a write so later fields in the same request see the new state. */
  remember(document: { contract?: ContractDocument; opportunity?: OpportunityDocument }): void {
    if (document.contract) this.loaders.contractById.clear(document.contract._id).prime(document.contract._id, document.contract);
    if (document.opportunity) {
      this.loaders.opportunityById.clear(document.opportunity._id).prime(document.opportunity._id, document.opportunity);
    }
    if (document.contract) this.loaders.contractsInForce.clear(document.contract.accountId);
  }
}
