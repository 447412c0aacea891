import type { ExternalId } from '../kit/records';
export type { ExternalId } from '../kit/records';

/** The documents the contracts subgraph stores. Field names are the stored shape, not the API. */

export const CONTRACT_STATUSES = ['ACTIVE', 'PENDING', 'CANCELLED', 'EXPIRED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const BILLING_INTERVALS = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

export const OPPORTUNITY_TYPES = ['RENEWAL', 'EXPANSION', 'UPSELL', 'CROSS_SELL'] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

export const OPPORTUNITY_STAGES = ['PROSPECTING', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

/** One priced product on a contract; the price is in the contract's currency. */
export interface ContractLineItem {
  product: string;
  seats: number;
  /** Price of one seat for one billing interval, in the currency's minor unit (cents, yen). */
  unitPriceMinor: number;
  billingInterval: BillingInterval;
  /** How many intervals one charge covers, e.g. 3 with MONTH for a quarterly price; 1 when absent. */
  billingIntervalCount?: number;
}

/**
 * One term of an account's subscription. A renewal is a new document (a new term), so an
 * account's documents are its contract history.
 */
export interface ContractDocument {
  _id: string;
  accountId: string;
  status: ContractStatus;
  startDate: Date;
  /** End of this term: the contract renews (or ends) here. */
  renewalDate: Date;
  autoRenew: boolean;
  /** The customer has cancelled: the contract runs to `renewalDate` and does not renew. */
  cancelAtPeriodEnd: boolean;
  /** When a CANCELLED contract stopped counting towards ARR; null for every other status. */
  cancelledAt: Date | null;
  /** ISO 4217 code, e.g. `USD`, `JPY`. */
  currency: string;
  lineItems: ContractLineItem[];
  externalIds: ExternalId[];
  /** `source:id` strings derived from `externalIds`, present only when non-empty (sparse unique index). */
  externalKeys?: string[];
  syncedAt: Date | null;
  /**
   * When the source system (e.g. billing) made the change this document reflects. Writes that
   * carry an older time are ignored, so events arriving out of order never undo newer ones.
   */
  sourceUpdatedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The CSM or account executive working an opportunity. */
export interface OpportunityOwner {
  id: string;
  name: string;
  email: string;
}

/** A chance to sell more to (or keep) an account. Staff-only data: never shown to customers. */
export interface OpportunityDocument {
  _id: string;
  accountId: string;
  name: string;
  type: OpportunityType;
  stage: OpportunityStage;
  amountMinor: number;
  currency: string;
  closeDate: Date;
  owner: OpportunityOwner | null;
  externalIds: ExternalId[];
  externalKeys?: string[];
  syncedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

