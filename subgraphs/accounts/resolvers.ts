import { DateTimeScalar } from '../kit/scalars';
import { parseInput } from '../kit/validation';
import type { RequestBase, ResolverMap } from '../kit/subgraph-service';
import { accountFilterInput, emailLookupArgs, externalIdLookupArgs } from './inputs';
import type { AccountDocument, ExternalId, UserDocument } from './model';
import type { AccountsService } from './service';
import { tenureDays } from './service';
import type { AccountsWriter } from './upserts';

export interface AccountsContext extends RequestBase {
  accounts: AccountsService;
  writer: AccountsWriter;
}

interface PageArguments {
  first?: number | null;
  after?: string | null;
}

/** Fields that Account and User share and only staff and integrations may read. */
const staffOnlyFields = {
  externalIds: (record: { externalIds: ExternalId[] }, _args: unknown, { accounts }: AccountsContext) => {
    accounts.assertCanSeeInternalFields();
    return record.externalIds;
  },
  syncedAt: (record: { syncedAt: Date | null }, _args: unknown, { accounts }: AccountsContext) => {
    accounts.assertCanSeeInternalFields();
    return record.syncedAt;
  },
};

/** Thin: validate arguments, hand over to the service, which authorizes. */
export const accountsResolvers: ResolverMap<AccountsContext> = {
  DateTime: DateTimeScalar,
  Query: {
    account: (_parent, args: { id: string }, { accounts }) => accounts.account(args.id),
    accounts: (_parent, args: PageArguments & { filter?: unknown }, { accounts }) =>
      accounts.listAccounts(parseInput(accountFilterInput, args.filter ?? {}, 'filter'), args),
    user: (_parent, args: { id: string }, { accounts }) => accounts.user(args.id),
    viewer: (_parent, _args, { accounts }) => accounts.viewer(),
    accountByExternalId: (_parent, args: unknown, { accounts }) => accounts.accountByExternalId(parseInput(externalIdLookupArgs, args)),
    userByExternalId: (_parent, args: unknown, { accounts }) => accounts.userByExternalId(parseInput(externalIdLookupArgs, args)),
    userByEmail: (_parent, args: unknown, { accounts }) => accounts.userByEmail(parseInput(emailLookupArgs, args).email),
  },
  Mutation: {
    upsertAccount: async (_parent, args: { input: unknown }, { writer, accounts }) => {
      const account = await writer.upsertAccount(args.input);
      accounts.remember({ account });
      return account;
    },
    upsertUser: async (_parent, args: { input: unknown }, { writer, accounts }) => {
      const user = await writer.upsertUser(args.input);
      accounts.remember({ user });
      return user;
    },
  },
  Account: {
    __resolveReference: (reference: { id: string }, { accounts }: AccountsContext) => accounts.account(reference.id),
    id: (account: AccountDocument) => account._id,
    tenureDays: (account: AccountDocument) => tenureDays(account.customerSince, new Date()),
    users: (account: AccountDocument, args: PageArguments, { accounts }) => accounts.listUsersOfAccount(account._id, args),
    ...staffOnlyFields,
  },
  User: {
    __resolveReference: (reference: { id: string }, { accounts }: AccountsContext) => accounts.user(reference.id),
    id: (user: UserDocument) => user._id,
    account: (user: UserDocument, _args, { accounts }) => accounts.accountOfUser(user),
    ...staffOnlyFields,
  },
};
