import type { ContractDocument, ContractLineItem, OpportunityDocument } from '../../subgraphs/contracts/model';
import { ContractsRepository } from '../../subgraphs/contracts/repository';
import { CONTRACTS_SUBGRAPH } from '../../subgraphs/contracts/server';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import type { Stack } from './stack';
import { nextSequence } from './factories';
import { daysFromNow } from './time';

/** The contracts subgraph's repository on the stack's store, for arranging and checking data. */
export function contractsRepository(stack: Pick<Stack, 'store' | 'config'>): ContractsRepository {
  return new ContractsRepository(subgraphDatabase(stack, CONTRACTS_SUBGRAPH));
}

export function seatLicence(overrides: Partial<ContractLineItem> = {}): ContractLineItem {
  return { product: 'Customer Hub Professional', seats: 10, unitPriceMinor: 48_000, billingInterval: 'YEAR', ...overrides };
}

/** A current contract (ACTIVE, started 100 days ago, renewing in 265 days) unless overridden. */
export function buildContract(accountId: string, overrides: Partial<ContractDocument> = {}): ContractDocument {
  const n = nextSequence();
  const createdAt = daysFromNow(-120);
  return {
    _id: `ctr_t${n}`,
    accountId,
    status: 'ACTIVE',
    startDate: daysFromNow(-100),
    renewalDate: daysFromNow(265),
    autoRenew: true,
    cancelAtPeriodEnd: false,
    cancelledAt: null,
    currency: 'USD',
    lineItems: [seatLicence()],
    externalIds: [],
    syncedAt: null,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export function buildOpportunity(accountId: string, overrides: Partial<OpportunityDocument> = {}): OpportunityDocument {
  const n = nextSequence();
  const createdAt = daysFromNow(-10);
  const stage = overrides.stage ?? 'PROSPECTING';
  return {
    _id: `opp_t${n}`,
    accountId,
    name: `Opportunity ${String(n).padStart(4, '0')}`,
    type: 'EXPANSION',
    stage,
    amountMinor: 100_000,
    currency: 'USD',
    closeDate: daysFromNow(30 + n),
    owner: { id: 'staff_test', name: 'Test Owner', email: 'owner@customerhub.example' },
    externalIds: [],
    syncedAt: null,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export async function seedContracts(
  stack: Pick<Stack, 'store' | 'config'>,
  contracts: readonly ContractDocument[],
  opportunities: readonly OpportunityDocument[] = [],
): Promise<void> {
  await contractsRepository(stack).replaceAll(contracts, opportunities);
}

export { DAY_MS, daysFromNow } from './time';
