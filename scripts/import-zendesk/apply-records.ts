import { GraphQLError } from 'graphql';
import type { GraphClient } from '../../subgraphs/kit/graph-client';
import { applyHelpCenterArticle } from '../../subgraphs/integrations/inbound/sources/zendesk/article-apply';
import { applyZendeskTicket, UnlinkedZendeskRecordError } from '../../subgraphs/integrations/inbound/sources/zendesk/ticket-apply';
import { isKeptTicket } from '../../subgraphs/integrations/inbound/sources/zendesk/ticket-mapping';
import { importOrganization, importUser, linkedAccountId, reasonToSkipUser } from './accounts';
import type { ZendeskRecords } from './pages';

/** What an import wrote; `skipped` names each record left out and why. */
export interface ImportCounts {
  accounts: number;
  users: number;
  tickets: { created: number; updated: number; unchanged: number };
  articles: number;
  skipped: string[];
}

export function emptyCounts(): ImportCounts {
  return { accounts: 0, users: 0, tickets: { created: 0, updated: 0, unchanged: 0 }, articles: 0, skipped: [] };
}

export function addCounts(total: ImportCounts, more: ImportCounts): ImportCounts {
  return {
    accounts: total.accounts + more.accounts,
    users: total.users + more.users,
    tickets: {
      created: total.tickets.created + more.tickets.created,
      updated: total.tickets.updated + more.tickets.updated,
      unchanged: total.tickets.unchanged + more.tickets.unchanged,
    },
    articles: total.articles + more.articles,
    skipped: [...total.skipped, ...more.skipped],
  };
}

/**
 * Whether the graph refused one record's input (bad or conflicting data): that record is
 * skipped and named. Anything else (the hub down, a timeout) stops the import, to be resumed.
 */
function isRefusedRecord(error: unknown): boolean {
  if (error instanceof UnlinkedZendeskRecordError) return true;
  const cause = error instanceof GraphQLError ? error.extensions['cause'] : undefined;
  return cause === 'BAD_USER_INPUT' || cause === 'CONFLICT';
}

async function orSkip(counts: ImportCounts, what: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isRefusedRecord(error)) throw error;
    counts.skipped.push(`${what}: ${(error as Error).message.replace(/^graph request failed: /, '')}`);
  }
}

/**
 * Applies records through the graph in the order their links need: organizations (accounts)
 * before users, users before the tickets they asked. Each write is an upsert by Zendesk id,
 * so applying the same records again changes nothing.
 */
export async function applyRecords(graph: GraphClient, records: ZendeskRecords): Promise<ImportCounts> {
  const counts = emptyCounts();
  const accountOfOrganization = new Map<string, string>();
  for (const organization of records.organizations) {
    await orSkip(counts, `organization ${organization.id}`, async () => {
      accountOfOrganization.set(organization.id, await importOrganization(graph, organization));
      counts.accounts += 1;
    });
  }
  for (const user of records.users) {
    const reason = reasonToSkipUser(user);
    if (reason) {
      counts.skipped.push(reason);
      continue;
    }
    await orSkip(counts, `user ${user.id}`, async () => {
      const organizationId = user.organization_id;
      const accountId = organizationId ? (accountOfOrganization.get(organizationId) ?? (await linkedAccountId(graph, organizationId))) : undefined;
      await importUser(graph, user, accountId);
      counts.users += 1;
    });
  }
  for (const ticket of records.tickets) {
    if (!isKeptTicket(ticket)) {
      counts.skipped.push(`ticket ${ticket.id}: deleted in Zendesk`);
      continue;
    }
    await orSkip(counts, `ticket ${ticket.id}`, async () => {
      const { change } = await applyZendeskTicket(graph, ticket);
      counts.tickets[change === 'created' ? 'created' : change === 'updated' ? 'updated' : 'unchanged'] += 1;
    });
  }
  for (const article of records.articles) {
    await orSkip(counts, `article ${article.id}`, async () => {
      await applyHelpCenterArticle(graph, article);
      counts.articles += 1;
    });
  }
  return counts;
}
