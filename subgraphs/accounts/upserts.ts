import { randomUUID } from 'node:crypto';
import type { Document, UpdateFilter } from 'mongodb';
import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { isDuplicateKeyError } from '../kit/store/types';
import { parseInput } from '../kit/validation';
import { upsertAccountInput, upsertUserInput, type UpsertAccountInput, type UpsertUserInput } from './inputs';
import type { AccountDocument, ExternalId, UserDocument } from './model';
import { accountsPolicy } from './policy';
import { externalKeysOf, type AccountsRepository } from './repository';

function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/**
 * The one record the input refers to. Records matched by different keys must be the same record,
 * and an id that names no record may not take over another record's external id or e-mail:
 * either would merge two people (or companies), so the input is refused as contradictory.
 */
function resolveExisting<T extends { _id: string }>(
  type: string,
  requestedId: string | undefined,
  byId: T | null,
  otherMatches: Array<T | null>,
): T | null {
  const found = [byId, ...otherMatches].filter((candidate): candidate is T => candidate !== null);
  const [first] = found;
  if (requestedId && !byId && first) {
    throw errors.conflict(`${type} ${requestedId} does not exist, but the input's keys belong to ${type} ${first._id}`, {
      ids: [first._id],
    });
  }
  if (first && found.some((candidate) => candidate._id !== first._id)) {
    const ids = [...new Set(found.map((candidate) => candidate._id))];
    throw errors.conflict(`The input matches different ${type} records (${ids.join(', ')})`, { ids });
  }
  return first ?? null;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/** Creating a record needs these fields; updating one does not. Names every missing field at once. */
function requiredToCreate<T extends Record<string, unknown>>(type: string, fields: T): { [K in keyof T]: NonNullable<T[K]> } {
  const missing = Object.entries(fields).filter(([, value]) => value === undefined || value === null);
  if (missing.length) {
    throw errors.badUserInput(missing.map(([field]) => ({ field: `input.${field}`, message: `is required to create ${type}` })));
  }
  return fields as { [K in keyof T]: NonNullable<T[K]> };
}

/** Given fields replace stored ones; external ids are added to those already stored. */
function mergeUpdate<T extends { externalIds: ExternalId[] }>(
  fields: object,
  externalIds: readonly ExternalId[],
  stamps: { updatedAt: Date; syncedAt?: Date },
): UpdateFilter<T> {
  const update: Document = { $set: { ...withoutUndefined(fields), ...stamps } };
  if (externalIds.length) {
    update['$addToSet'] = { externalIds: { $each: externalIds }, externalKeys: { $each: externalKeysOf(externalIds) } };
  }
  return update as UpdateFilter<T>;
}

/** Turns the store's duplicate-key error into CONFLICT; anything else passes through. */
async function mapDuplicate<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw errors.conflict(`${what} is already used by another record`);
    throw error;
  }
}

/**
 * Creates or updates accounts and users with identity resolution: a record is found by id, then
 * by external id, then by domain (accounts) or e-mail (users), so importing the same company or
 * person twice updates one record. Input is validated completely before anything is written.
 */
export class AccountsWriter {
  constructor(
    private readonly identity: Identity,
    private readonly repository: AccountsRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Writes by integrations are imports: they stamp `syncedAt` so freshness is visible. */
  private stamps(now: Date): { updatedAt: Date; syncedAt?: Date } {
    return this.identity.role === 'integration' ? { updatedAt: now, syncedAt: now } : { updatedAt: now };
  }

  async upsertAccount(rawInput: unknown): Promise<AccountDocument> {
    accountsPolicy.assertCanWrite(this.identity);
    const input: UpsertAccountInput = parseInput(upsertAccountInput, rawInput, 'input');
    const keys = externalKeysOf(input.externalIds ?? []);
    const existing = resolveExisting('account', input.id, input.id ? await this.repository.findAccountById(input.id) : null, [
      await this.repository.findAccountByExternalKeys(keys),
      // A domain identifies a company only when no id says which account is meant.
      input.id ? null : await this.repository.findAccountByDomains(input.domains ?? []),
    ]);
    const now = this.now();
    const { externalIds = [], id, ...fields } = input;
    const what = `external id ${keys.join(', ')}`;
    if (existing) {
      const update = mergeUpdate<AccountDocument>(fields, externalIds, this.stamps(now));
      const updated = await mapDuplicate(what, () => this.repository.updateAccount(existing._id, update));
      if (!updated) throw errors.notFound('Account', existing._id);
      return updated;
    }
    const required = requiredToCreate('an account', { name: input.name, segment: input.segment });
    const account: AccountDocument = {
      _id: id ?? newId('acc'),
      name: required.name,
      domains: input.domains ?? [],
      segment: required.segment,
      industry: input.industry ?? 'Unknown',
      locale: input.locale ?? 'en-US',
      customerSince: input.customerSince ?? null,
      owner: input.owner ?? null,
      externalIds,
      ...(keys.length ? { externalKeys: keys } : {}),
      syncedAt: this.identity.role === 'integration' ? now : null,
      createdAt: now,
      updatedAt: now,
    };
    await mapDuplicate(what, () => this.repository.insertAccount(account));
    return account;
  }

  async upsertUser(rawInput: unknown): Promise<UserDocument> {
    accountsPolicy.assertCanWrite(this.identity);
    const input: UpsertUserInput = parseInput(upsertUserInput, rawInput, 'input');
    const keys = externalKeysOf(input.externalIds ?? []);
    const existing = resolveExisting('user', input.id, input.id ? await this.repository.findUserById(input.id) : null, [
      await this.repository.findUserByExternalKeys(keys),
      input.email ? await this.repository.findUserByEmail(input.email) : null,
    ]);
    const account = await this.resolveAccount(input, existing);
    const now = this.now();
    const { externalIds = [], id, accountId: _accountId, ...fields } = input;
    const what = input.email && !keys.length ? `e-mail ${input.email}` : `external id ${keys.join(', ')} or e-mail`;
    if (existing) {
      const update = mergeUpdate<UserDocument>({ ...fields, accountId: account._id }, externalIds, this.stamps(now));
      const updated = await mapDuplicate(what, () => this.repository.updateUser(existing._id, update));
      if (!updated) throw errors.notFound('User', existing._id);
      return updated;
    }
    const required = requiredToCreate('a user', { email: input.email, name: input.name });
    const user: UserDocument = {
      _id: id ?? newId('usr'),
      accountId: account._id,
      email: required.email,
      name: required.name,
      title: input.title ?? null,
      persona: input.persona ?? 'END_USER',
      locale: input.locale ?? account.locale,
      firstSeenAt: input.firstSeenAt ?? now,
      lastSeenAt: input.lastSeenAt ?? null,
      externalIds,
      ...(keys.length ? { externalKeys: keys } : {}),
      syncedAt: this.identity.role === 'integration' ? now : null,
      createdAt: now,
      updatedAt: now,
    };
    await mapDuplicate(what, () => this.repository.insertUser(user));
    return user;
  }

  /** The given account, else the existing user's, else the one whose domain matches the e-mail. */
  private async resolveAccount(input: UpsertUserInput, existing: UserDocument | null): Promise<AccountDocument> {
    if (input.accountId) {
      const account = await this.repository.findAccountById(input.accountId);
      if (!account) throw errors.badUserInput([{ field: 'input.accountId', message: `no account ${input.accountId}` }]);
      return account;
    }
    if (existing) {
      const account = await this.repository.findAccountById(existing.accountId);
      if (account) return account;
    }
    const domain = input.email?.split('@')[1];
    const account = domain ? await this.repository.findAccountByDomains([domain]) : null;
    if (!account) {
      throw errors.badUserInput([{ field: 'input.accountId', message: 'is required: no account has the e-mail\'s domain' }]);
    }
    return account;
  }
}
