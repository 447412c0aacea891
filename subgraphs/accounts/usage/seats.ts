import DataLoader from 'dataloader';
import type { GraphClient } from '../../kit/graph-client';
import type { Logger } from '../../kit/logger';

/** Accounts per graph request: bounds the size of the aliased query. */
const ACCOUNTS_PER_REQUEST = 200;

/**
 * `a0: account(id: $a0) { seatsLicensed } a1: …`: the gateway has no batch lookup of accounts
 * by id, but one operation with an alias per account is one request, one fetch to the accounts
 * subgraph (its loader batches the ids) and one `_entities` fetch to contracts.
 */
function seatsQuery(count: number): string {
  const variables = Array.from({ length: count }, (_unused, index) => `$a${index}: ID!`).join(', ');
  const fields = Array.from({ length: count }, (_unused, index) => `a${index}: account(id: $a${index}) { seatsLicensed }`).join(' ');
  return `query UsageSeats(${variables}) { ${fields} }`;
}

/** Licensed seats of many accounts, read from the contracts subgraph through the graph. */
export async function readSeatsLicensed(graph: GraphClient, accountIds: readonly string[]): Promise<Map<string, number | null>> {
  const seats = new Map<string, number | null>();
  for (let start = 0; start < accountIds.length; start += ACCOUNTS_PER_REQUEST) {
    const chunk = accountIds.slice(start, start + ACCOUNTS_PER_REQUEST);
    const variables = Object.fromEntries(chunk.map((accountId, index) => [`a${index}`, accountId]));
    const data = await graph.request<Record<string, { seatsLicensed: number | null } | null>>(seatsQuery(chunk.length), variables);
    chunk.forEach((accountId, index) => seats.set(accountId, data[`a${index}`]?.seatsLicensed ?? null));
  }
  return seats;
}

/**
 * A per-request loader of licensed seats. When contracts cannot be read the seats are unknown
 * (null) and the usage report still answers, without seat utilization.
 */
export function createSeatsLoader(graph: GraphClient, logger: Logger): DataLoader<string, number | null> {
  return new DataLoader<string, number | null>(async (accountIds) => {
    try {
      const seats = await readSeatsLicensed(graph, accountIds);
      return accountIds.map((accountId) => seats.get(accountId) ?? null);
    } catch (error) {
      logger.warn({ err: error }, 'licensed seats could not be read; usage reports go without seat utilization');
      return accountIds.map(() => null);
    }
  });
}
