import DataLoader from 'dataloader';
import type { Document, Filter, UpdateFilter } from 'mongodb';
import { createByIdLoader, createChildConnectionLoader } from '../kit/loaders';
import type { KeysetSort, PageArgs } from '../kit/pagination';
import { paginate } from '../kit/pagination';
import type { HubCollection, HubDatabase } from '../kit/store/types';
import type { ContractTerm } from './contract-terms';
import type { ContractDocument, OpportunityDocument } from './model';

/** An account's contract history: newest term first. */
export const CONTRACT_HISTORY_ORDER: KeysetSort = [
  ['startDate', -1],
  ['_id', -1],
];
export const RENEWAL_ORDER: KeysetSort = [
  ['renewalDate', 1],
  ['_id', 1],
];
export const OPPORTUNITY_ORDER: KeysetSort = [
  ['closeDate', 1],
  ['_id', 1],
];

/** Documents per write when loading data in bulk. */
const BULK_CHUNK_SIZE = 5_000;
/** Statuses of contracts that are or were in force; PENDING ones never count. */
const BOOKED_STATUSES: Array<ContractDocument['status']> = ['ACTIVE', 'EXPIRED', 'CANCELLED'];
const TERM_PROJECTION = { accountId: 1, status: 1, startDate: 1, renewalDate: 1, cancelledAt: 1, currency: 1, lineItems: 1 };

/** The only code that touches the contracts subgraph's collections. */
export class ContractsRepository {
  readonly contracts: HubCollection<ContractDocument>;
  readonly opportunities: HubCollection<OpportunityDocument>;

  constructor(db: HubDatabase) {
    this.contracts = db.collection<ContractDocument>('contracts');
    this.opportunities = db.collection<OpportunityDocument>('opportunities');
  }

  /** Indexes for every query path below; created at start-up, idempotent. */
  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.contracts.createIndex({ accountId: 1, startDate: -1, _id: -1 }),
      this.contracts.createIndex({ status: 1, renewalDate: 1, _id: 1 }),
      this.contracts.createIndex({ startDate: 1 }),
      this.contracts.createIndex({ externalKeys: 1 }, { unique: true, sparse: true }),
      this.opportunities.createIndex({ accountId: 1, closeDate: 1, _id: 1 }),
      this.opportunities.createIndex({ accountId: 1, stage: 1, closeDate: 1, _id: 1 }),
      this.opportunities.createIndex({ externalKeys: 1 }, { unique: true, sparse: true }),
    ]);
  }

  /**
   * Per-request loaders: create them in the request context, never share them between requests.
   * `now` fixes "today" for the whole request, so every field of one answer agrees on it.
   */
  createLoaders(now: Date) {
    return {
      contractById: createByIdLoader(this.contracts),
      opportunityById: createByIdLoader(this.opportunities),
      contractsInForce: this.createContractsInForceLoader(now),
      contractsOfAccount: createChildConnectionLoader(this.contracts, 'accountId', CONTRACT_HISTORY_ORDER),
      opportunitiesOfAccount: createChildConnectionLoader(this.opportunities, 'accountId', OPPORTUNITY_ORDER),
    };
  }

  /** Per account, the booked contracts whose term covers `now`: one `$in` query for all accounts. */
  private createContractsInForceLoader(now: Date): DataLoader<string, ContractDocument[]> {
    return new DataLoader<string, ContractDocument[]>(async (accountIds) => {
      const found = await this.contracts
        .find({
          accountId: { $in: [...accountIds] },
          status: { $in: BOOKED_STATUSES },
          startDate: { $lte: now },
          renewalDate: { $gt: now },
        })
        .toArray();
      const byAccount = new Map<string, ContractDocument[]>(accountIds.map((accountId) => [accountId, []]));
      for (const contract of found) byAccount.get(contract.accountId)?.push(contract);
      return accountIds.map((accountId) => byAccount.get(accountId) ?? []);
    });
  }

  /** Current contracts (ACTIVE, term covering `now`) whose term ends in (now, until]. */
  listRenewals(now: Date, until: Date, page: PageArgs) {
    const filter: Filter<ContractDocument> = { status: 'ACTIVE', startDate: { $lte: now }, renewalDate: { $gt: now, $lte: until } };
    return paginate(this.contracts, { filter, sort: RENEWAL_ORDER, page });
  }

  /** The booked contracts in force at any of `dates`, with only what ARR needs. */
  findTermsInForceAt(dates: readonly Date[]): Promise<ContractTerm[]> {
    const coversOneOfTheDates = dates.map((date) => ({ startDate: { $lte: date }, renewalDate: { $gt: date } }));
    return this.contracts
      .find({ status: { $in: BOOKED_STATUSES }, $or: coversOneOfTheDates }, { projection: { _id: 0, ...TERM_PROJECTION } })
      .toArray() as Promise<ContractTerm[]>;
  }

  findContractById(id: string) {
    return this.contracts.findOne({ _id: id });
  }

  findContractByExternalKeys(keys: readonly string[]) {
    return keys.length ? this.contracts.findOne({ externalKeys: { $in: [...keys] } }) : Promise.resolve(null);
  }

  insertContract(contract: ContractDocument) {
    return this.contracts.insertOne(contract);
  }

  /**
   * Updates a contract; with `sourceUpdatedAt`, only if no newer source change is stored (null when
   * one is), so the check and the write are one atomic step.
   */
  updateContract(id: string, update: UpdateFilter<ContractDocument>, sourceUpdatedAt?: Date) {
    const filter: Filter<ContractDocument> = sourceUpdatedAt
      ? { _id: id, $or: [{ sourceUpdatedAt: { $exists: false } }, { sourceUpdatedAt: null }, { sourceUpdatedAt: { $lte: sourceUpdatedAt } }] }
      : { _id: id };
    return this.contracts.findOneAndUpdate(filter, update, { returnDocument: 'after' });
  }

  findOpportunityById(id: string) {
    return this.opportunities.findOne({ _id: id });
  }

  findOpportunityByExternalKeys(keys: readonly string[]) {
    return keys.length ? this.opportunities.findOne({ externalKeys: { $in: [...keys] } }) : Promise.resolve(null);
  }

  insertOpportunity(opportunity: OpportunityDocument) {
    return this.opportunities.insertOne(opportunity);
  }

  updateOpportunity(id: string, update: UpdateFilter<OpportunityDocument>) {
    return this.opportunities.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' });
  }

  /** Writes demo or bulk data in chunks: replaces by id, so loading twice changes nothing. */
  async replaceAll(contracts: readonly ContractDocument[], opportunities: readonly OpportunityDocument[]): Promise<void> {
    await replaceInChunks(this.contracts, contracts);
    await replaceInChunks(this.opportunities, opportunities);
  }

  async isEmpty(): Promise<boolean> {
    const [contracts, opportunities] = await Promise.all([this.contracts.countDocuments(), this.opportunities.countDocuments()]);
    return contracts === 0 && opportunities === 0;
  }
}

async function replaceInChunks<T extends Document & { _id: string }>(collection: HubCollection<T>, documents: readonly T[]): Promise<void> {
  for (let start = 0; start < documents.length; start += BULK_CHUNK_SIZE) {
    const chunk = documents.slice(start, start + BULK_CHUNK_SIZE);
    await collection.bulkWrite(
      chunk.map((document) => ({ replaceOne: { filter: { _id: document._id } as Filter<T>, replacement: document, upsert: true } })),
    );
  }
}
