import type { Document, Filter, UpdateFilter } from 'mongodb';
import { createByIdLoader, createChildConnectionLoader } from '../kit/loaders';
import type { KeysetSort, PageArgs } from '../kit/pagination';
import { paginate } from '../kit/pagination';
import type { HubCollection, HubDatabase } from '../kit/store/types';
import type { AccountDocument, UserDocument } from './model';

export const ACCOUNT_ORDER: KeysetSort = [
  ['name', 1],
  ['_id', 1],
];
export const USER_ORDER: KeysetSort = [
  ['name', 1],
  ['_id', 1],
];

export interface AccountListFilter {
  segment?: string;
  ownerId?: string;
  nameContains?: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The only code that touches the accounts subgraph's collections. */
export class AccountsRepository {
  readonly accounts: HubCollection<AccountDocument>;
  readonly users: HubCollection<UserDocument>;

  constructor(db: HubDatabase) {
    this.accounts = db.collection<AccountDocument>('accounts');
    this.users = db.collection<UserDocument>('users');
  }

  /** Indexes for every query path below; created at start-up, idempotent. */
  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.accounts.createIndex({ name: 1, _id: 1 }),
      this.accounts.createIndex({ segment: 1, name: 1, _id: 1 }),
      this.accounts.createIndex({ 'owner.id': 1, name: 1, _id: 1 }),
      this.accounts.createIndex({ domains: 1 }),
      this.accounts.createIndex({ externalKeys: 1 }, { unique: true, sparse: true }),
      this.users.createIndex({ email: 1 }, { unique: true }),
      this.users.createIndex({ accountId: 1, name: 1, _id: 1 }),
      this.users.createIndex({ externalKeys: 1 }, { unique: true, sparse: true }),
    ]);
  }

  listAccounts(filter: AccountListFilter, page: PageArgs) {
    const query: Filter<AccountDocument> = {};
    if (filter.segment) query.segment = filter.segment as AccountDocument['segment'];
    if (filter.ownerId) query['owner.id'] = filter.ownerId;
    if (filter.nameContains) query.name = { $regex: escapeRegExp(filter.nameContains), $options: 'i' };
    return paginate(this.accounts, { filter: query, sort: ACCOUNT_ORDER, page });
  }

  /** Per-request loaders: create them in the request context, never share them between requests. */
  createLoaders() {
    return {
      accountById: createByIdLoader(this.accounts),
      userById: createByIdLoader(this.users),
      usersOfAccount: createChildConnectionLoader(this.users, 'accountId', USER_ORDER),
    };
  }

  findAccountById(id: string) {
    return this.accounts.findOne({ _id: id });
  }

  findAccountByExternalKeys(keys: readonly string[]) {
    return keys.length ? this.accounts.findOne({ externalKeys: { $in: [...keys] } }) : Promise.resolve(null);
  }

  findAccountByDomains(domains: readonly string[]) {
    return domains.length ? this.accounts.findOne({ domains: { $in: [...domains] } }) : Promise.resolve(null);
  }

  findUserById(id: string) {
    return this.users.findOne({ _id: id });
  }

  findUserByExternalKeys(keys: readonly string[]) {
    return keys.length ? this.users.findOne({ externalKeys: { $in: [...keys] } }) : Promise.resolve(null);
  }

  findUserByEmail(email: string) {
    return this.users.findOne({ email });
  }

  insertAccount(account: AccountDocument) {
    return this.accounts.insertOne(account);
  }

  updateAccount(id: string, update: UpdateFilter<AccountDocument>) {
    return this.accounts.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' });
  }

  insertUser(user: UserDocument) {
    return this.users.insertOne(user);
  }

  updateUser(id: string, update: UpdateFilter<UserDocument>) {
    return this.users.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' });
  }

  /** Writes demo or bulk data: replaces by id, so loading twice changes nothing. */
  async replaceAll(accounts: readonly AccountDocument[], users: readonly UserDocument[]): Promise<void> {
    const replace = <T extends Document & { _id: string }>(document: T) => ({
      replaceOne: { filter: { _id: document._id } as Filter<T>, replacement: document, upsert: true },
    });
    if (accounts.length) await this.accounts.bulkWrite(accounts.map(replace));
    if (users.length) await this.users.bulkWrite(users.map(replace));
  }

  countAccounts() {
    return this.accounts.countDocuments();
  }
}
