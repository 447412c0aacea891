import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import type { PageArgs } from '../kit/pagination';
import { externalKeysOf, type ExternalId } from '../kit/records';
import type { AccountDocument, UserDocument } from './model';
import { accountsPolicy } from './policy';
import type { AccountListFilter, AccountsRepository } from './repository';

const DAY_MS = 86_400_000;

/** Whole days a company has been a customer at `now`; null for prospects. */
export function tenureDays(customerSince: Date | null, now: Date): number | null {
  if (!customerSince) return null;
  return Math.max(0, Math.floor((now.getTime() - customerSince.getTime()) / DAY_MS));
}

/**
 * The accounts subgraph's read rules, for one request: every read is authorized here and goes
 * through this request's loaders, so lists of references cost one query, not one per item.
 */
export class AccountsService {
  private readonly loaders: ReturnType<AccountsRepository['createLoaders']>;

  constructor(
    readonly identity: Identity,
    readonly repository: AccountsRepository,
  ) {
    this.loaders = repository.createLoaders();
  }

  /** An account the caller may read, or FORBIDDEN; null when it does not exist. */
  async account(id: string): Promise<AccountDocument | null> {
    accountsPolicy.assertCanReadAccount(this.identity, id);
    return this.loaders.accountById.load(id);
  }

  /** A user the caller may read. Customers get FORBIDDEN for unknown users too, so ids leak nothing. */
  async user(id: string): Promise<UserDocument | null> {
    const user = await this.loaders.userById.load(id);
    if (accountsPolicy.canReadAnyAccount(this.identity)) return user;
    if (!user || !accountsPolicy.canReadAccount(this.identity, user.accountId)) throw errors.forbidden(`user ${id}`);
    return user;
  }

  /** The account a readable user belongs to. */
  async accountOfUser(user: UserDocument): Promise<AccountDocument> {
    const account = await this.account(user.accountId);
    if (!account) throw errors.notFound('Account', user.accountId);
    return account;
  }

  listAccounts(filter: AccountListFilter, page: PageArgs) {
    accountsPolicy.assertCanListAccounts(this.identity);
    return this.repository.listAccounts(filter, page);
  }

  listUsersOfAccount(accountId: string, page: PageArgs) {
    accountsPolicy.assertCanReadAccount(this.identity, accountId);
    return this.loaders.usersOfAccount.load(accountId, page);
  }

  /** The account carrying another system's id; null when none does. */
  async accountByExternalId(externalId: ExternalId): Promise<AccountDocument | null> {
    accountsPolicy.assertCanResolveIdentities(this.identity);
    const account = await this.repository.findAccountByExternalKeys(externalKeysOf([externalId]));
    if (account) this.remember({ account });
    return account;
  }

  /** The user carrying another system's id; null when none does. */
  async userByExternalId(externalId: ExternalId): Promise<UserDocument | null> {
    accountsPolicy.assertCanResolveIdentities(this.identity);
    return this.rememberUser(await this.repository.findUserByExternalKeys(externalKeysOf([externalId])));
  }

  /** The user with this (lower-cased) e-mail address; null when none has it. */
  async userByEmail(email: string): Promise<UserDocument | null> {
    accountsPolicy.assertCanResolveIdentities(this.identity);
    return this.rememberUser(await this.repository.findUserByEmail(email));
  }

  private rememberUser(user: UserDocument | null): UserDocument | null {
    if (user) this.remember({ user });
    return user;
  }

  /** The caller's own user and account. A token whose user is not in its account yields neither. */
  async viewer() {
    const { identity } = this;
    if (identity.role !== 'customer' || !identity.accountId) {
      return { role: identity.role.toUpperCase(), subject: identity.subject, user: null, account: null };
    }
    const [user, account] = await Promise.all([this.loaders.userById.load(identity.subject), this.loaders.accountById.load(identity.accountId)]);
    return {
      role: 'CUSTOMER',
      subject: identity.subject,
      user: user && user.accountId === identity.accountId ? user : null,
      account,
    };
  }

  assertCanSeeInternalFields(): void {
    accountsPolicy.assertCanSeeInternalFields(this.identity);
  }

  /** Primes the loaders after a write so later fields in the same request see the new state. */
  remember(document: { account?: AccountDocument; user?: UserDocument }): void {
    if (document.account) this.loaders.accountById.clear(document.account._id).prime(document.account._id, document.account);
    if (document.user) this.loaders.userById.clear(document.user._id).prime(document.user._id, document.user);
  }
}
