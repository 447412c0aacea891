import type { SubgraphDeps } from '../kit/subgraph-service';
import { subgraphDatabase } from '../kit/subgraph-service';
import type { AccountDocument, UserDocument } from './model';
import { AccountsRepository } from './repository';
import { ACCOUNTS_SUBGRAPH } from './server';

/**
 * Loads demo accounts and users into an empty accounts database. A database that already holds
 * accounts (a persisted embedded store, a real deployment) is left alone.
 * @returns whether anything was loaded
 */
export async function loadAccountsDemoData(
  deps: Pick<SubgraphDeps, 'store' | 'config'>,
  data: { accounts: readonly AccountDocument[]; users: readonly UserDocument[] },
): Promise<boolean> {
  const repository = new AccountsRepository(subgraphDatabase(deps, ACCOUNTS_SUBGRAPH));
  if ((await repository.countAccounts()) > 0) return false;
  await repository.ensureIndexes();
  await repository.replaceAll(data.accounts, data.users);
  return true;
}
