import { z } from 'zod';
import {
  helpCenterArticle,
  zendeskOrganization,
  zendeskTicket,
  zendeskUser,
  type HelpCenterArticle,
  type ZendeskOrganization,
  type ZendeskTicket,
  type ZendeskUser,
} from '../../subgraphs/integrations/inbound/sources/zendesk/payloads';

/**
 * One Zendesk API response the importer reads: a page of the cursor-based incremental ticket
 * export (`GET /api/v2/incremental/tickets/cursor.json?include=users,organizations`), or a list
 * of organizations, users or Help Center articles. A file holds any of these lists.
 */
export const zendeskResponse = z
  .looseObject({
    tickets: z.array(zendeskTicket).optional(),
    users: z.array(zendeskUser).optional(),
    organizations: z.array(zendeskOrganization).optional(),
    articles: z.array(helpCenterArticle).optional(),
    after_cursor: z.string().nullish(),
    end_of_stream: z.boolean().optional(),
  })
  .refine((response) => response.tickets ?? response.users ?? response.organizations ?? response.articles, {
    message: 'must hold tickets, users, organizations or articles',
  });

/** The records of one or more responses, in the order they must be applied. */
export interface ZendeskRecords {
  organizations: ZendeskOrganization[];
  users: ZendeskUser[];
  tickets: ZendeskTicket[];
  articles: HelpCenterArticle[];
}

/** A page of the incremental export as the live mode reads it. */
export const incrementalTicketPage = z.looseObject({
  tickets: z.array(zendeskTicket),
  users: z.array(zendeskUser).optional(),
  organizations: z.array(zendeskOrganization).optional(),
  after_cursor: z.string().nullish(),
  end_of_stream: z.boolean(),
});
export type IncrementalTicketPage = z.output<typeof incrementalTicketPage>;

/** Gathers the records of several responses; a record given twice counts once, its last version. */
export function recordsOf(responses: ReadonlyArray<Partial<ZendeskRecords>>): ZendeskRecords {
  const byId = <T extends { id: string }>(lists: ReadonlyArray<T[] | undefined>): T[] => [...new Map(lists.flatMap((list) => list ?? []).map((record) => [record.id, record])).values()];
  return {
    organizations: byId(responses.map((response) => response.organizations)),
    users: byId(responses.map((response) => response.users)),
    tickets: byId(responses.map((response) => response.tickets)),
    articles: byId(responses.map((response) => response.articles)),
  };
}
