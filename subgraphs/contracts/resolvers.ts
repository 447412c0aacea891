import { DateTimeScalar } from '../kit/scalars';
import type { RequestBase, ResolverMap } from '../kit/subgraph-service';
import { contractArrMinor, contractSeats, lineItemArrMinor, type Money } from './contract-terms';
import type { ContractDocument, ContractLineItem, OpportunityDocument, OpportunityStage } from './model';
import type { RevenueMetrics } from './revenue-metrics';
import type { AccountReference, ContractsService } from './service';
import type { ContractsWriter } from './upserts';

export interface ContractsContext extends RequestBase {
  contracts: ContractsService;
  writer: ContractsWriter;
}

interface PageArguments {
  first?: number | null;
  after?: string | null;
}

/** A line item resolved together with its contract's currency. */
interface PricedLineItem extends ContractLineItem {
  currency: string;
}

const money = (amountMinor: number, currency: string): Money => ({ amountMinor, currency });

/** Thin: hand arguments to the service, which authorizes and validates. */
export const contractsResolvers: ResolverMap<ContractsContext> = {
  DateTime: DateTimeScalar,
  Query: {
    contract: (_parent, args: { id: string }, { contracts }) => contracts.contract(args.id),
    opportunity: (_parent, args: { id: string }, { contracts }) => contracts.opportunity(args.id),
    renewals: (_parent, args: PageArguments & { withinDays: number }, { contracts }) => contracts.renewals(args, args),
    revenueMetrics: (_parent, args: { from: Date; to: Date }, { contracts }) => contracts.revenueMetrics(args),
  },
  Mutation: {
    upsertContract: async (_parent, args: { input: unknown }, { writer, contracts }) => {
      const contract = await writer.upsertContract(args.input);
      contracts.remember({ contract });
      return contract;
    },
    upsertOpportunity: async (_parent, args: { input: unknown }, { writer, contracts }) => {
      const opportunity = await writer.upsertOpportunity(args.input);
      contracts.remember({ opportunity });
      return opportunity;
    },
  },
  Account: {
    __resolveReference: (reference: AccountReference, { contracts }: ContractsContext) => contracts.account(reference.id),
    contract: async (account: AccountReference, _args, { contracts }) => (await contracts.accountSummary(account.id)).current,
    contracts: (account: AccountReference, args: PageArguments, { contracts }) => contracts.contractsOfAccount(account.id, args),
    arr: async (account: AccountReference, _args, { contracts }) => (await contracts.accountSummary(account.id)).arr,
    renewalDate: async (account: AccountReference, _args, { contracts }) => (await contracts.accountSummary(account.id)).renewalDate,
    seatsLicensed: async (account: AccountReference, _args, { contracts }) => (await contracts.accountSummary(account.id)).seatsLicensed,
    opportunities: (account: AccountReference, args: PageArguments & { stage?: OpportunityStage | null }, { contracts }) =>
      contracts.opportunitiesOfAccount(account.id, args.stage, args),
  },
  Contract: {
    __resolveReference: (reference: { id: string }, { contracts }: ContractsContext) => contracts.contract(reference.id),
    id: (contract: ContractDocument) => contract._id,
    account: (contract: ContractDocument): AccountReference => ({ id: contract.accountId }),
    lineItems: (contract: ContractDocument): PricedLineItem[] => contract.lineItems.map((item) => ({ ...item, currency: contract.currency })),
    arr: (contract: ContractDocument) => money(contractArrMinor(contract), contract.currency),
    seats: (contract: ContractDocument) => contractSeats(contract),
    externalIds: (contract: ContractDocument, _args, { contracts }) => {
      contracts.assertCanSeeInternalFields();
      return contract.externalIds;
    },
    syncedAt: (contract: ContractDocument, _args, { contracts }) => {
      contracts.assertCanSeeInternalFields();
      return contract.syncedAt;
    },
    sourceUpdatedAt: (contract: ContractDocument, _args, { contracts }) => {
      contracts.assertCanSeeInternalFields();
      return contract.sourceUpdatedAt ?? null;
    },
  },
  ContractLineItem: {
    billingIntervalCount: (item: PricedLineItem) => item.billingIntervalCount ?? 1,
    unitPrice: (item: PricedLineItem) => money(item.unitPriceMinor, item.currency),
    arr: (item: PricedLineItem) => money(lineItemArrMinor(item), item.currency),
  },
  Opportunity: {
    __resolveReference: (reference: { id: string }, { contracts }: ContractsContext) => contracts.opportunity(reference.id),
    id: (opportunity: OpportunityDocument) => opportunity._id,
    account: (opportunity: OpportunityDocument): AccountReference => ({ id: opportunity.accountId }),
    amount: (opportunity: OpportunityDocument) => money(opportunity.amountMinor, opportunity.currency),
  },
  RevenueMetrics: {
    startingArr: (metrics: RevenueMetrics) => money(metrics.startingArrMinor, metrics.currency),
    endingArr: (metrics: RevenueMetrics) => money(metrics.endingArrMinor, metrics.currency),
    expansionArr: (metrics: RevenueMetrics) => money(metrics.expansionArrMinor, metrics.currency),
    contractionArr: (metrics: RevenueMetrics) => money(metrics.contractionArrMinor, metrics.currency),
    churnedArr: (metrics: RevenueMetrics) => money(metrics.churnedArrMinor, metrics.currency),
  },
};
