import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { externalKeysOf, mapDuplicate, mergeUpdate, newId, newRecordFields, requiredToCreate, resolveExisting } from '../kit/records';
import { parseInput } from '../kit/validation';
import { upsertAccountInput, upsertUserInput, type UpsertAccountInput, type UpsertUserInput } from './inputs';
import type { AccountDocument, UserDocument } from './model';
import { accountsPolicy } from './policy';
import type { AccountsRepository } from './repository';

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
      const update = mergeUpdate<AccountDocument>({ ...fields, ...this.stamps(now) }, externalIds);
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
      ...newRecordFields(this.identity, externalIds, now),
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
      const update = mergeUpdate<UserDocument>({ ...fields, accountId: account._id, ...this.stamps(now) }, externalIds);
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
      ...newRecordFields(this.identity, externalIds, now),
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
