import type { AccountDocument, UserDocument } from '../../subgraphs/accounts/model';
import { AccountsRepository } from '../../subgraphs/accounts/repository';
import { ACCOUNTS_SUBGRAPH } from '../../subgraphs/accounts/server';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import type { Stack } from './stack';

/** The accounts subgraph's repository on the stack's store, for arranging and checking data. */
export function accountsRepository(stack: Pick<Stack, 'store' | 'config'>): AccountsRepository {
  return new AccountsRepository(subgraphDatabase(stack, ACCOUNTS_SUBGRAPH));
}

export async function seedAccounts(
  stack: Pick<Stack, 'store' | 'config'>,
  accounts: readonly AccountDocument[],
  users: readonly UserDocument[] = [],
): Promise<void> {
  await accountsRepository(stack).replaceAll(accounts, users);
}
