import { DateTimeScalar } from '../kit/scalars';
import type { RequestBase, ResolverMap } from '../kit/subgraph-service';
import { parseInput } from '../kit/validation';
import type { ArticleWriter } from './article-writes';
import { shownUpdatedAt } from './feed-times';
import { contentFeedArguments } from '../kit/content-feed';
import { externalIdInput } from '../kit/input-fields';
import { accountTicketsArguments, articleFilterInput, ticketFilterInput, userTicketsArguments } from './inputs';
import type { ArticleDocument, ExternalId, TicketDocument } from './model';
import type { EntityReference, SupportService } from './service';
import type { TicketWriter } from './ticket-upserts';

export interface SupportContext extends RequestBase {
  support: SupportService;
  tickets: TicketWriter;
  articles: ArticleWriter;
}

interface PageArguments {
  first?: number | null;
  after?: string | null;
}

/** Fields that Ticket and Article share and only staff and integrations may read. */
const staffOnlyFields = {
  externalIds: (record: { externalIds: ExternalId[] }, _args: unknown, { support }: SupportContext) => {
    support.assertCanSeeInternalFields();
    return record.externalIds;
  },
  syncedAt: (record: { syncedAt: Date | null }, _args: unknown, { support }: SupportContext) => {
    support.assertCanSeeInternalFields();
    return record.syncedAt;
  },
};

/** Thin: validate arguments, hand over to the service, which authorizes. */
export const supportResolvers: ResolverMap<SupportContext> = {
  DateTime: DateTimeScalar,
  Query: {
    ticket: (_parent, args: { id: string }, { support }) => support.ticket(args.id),
    tickets: (_parent, args: PageArguments & { filter?: unknown }, { support }) =>
      support.listTickets(parseInput(ticketFilterInput, args.filter ?? {}, 'filter'), args),
    article: (_parent, args: { id: string }, { support }) => support.article(args.id),
    articles: (_parent, args: PageArguments & { filter?: unknown }, { support }) =>
      support.listArticles(parseInput(articleFilterInput, args.filter ?? {}, 'filter'), args),
    ticketByExternalId: (_parent, args: unknown, { support }) => support.ticketByExternalId(parseInput(externalIdInput, args)),
    articleByExternalId: (_parent, args: unknown, { support }) => support.articleByExternalId(parseInput(externalIdInput, args)),
    ticketChanges: (_parent, args: unknown, { support }) => support.ticketChanges(parseInput(contentFeedArguments, args)),
    articleChanges: (_parent, args: unknown, { support }) => support.articleChanges(parseInput(contentFeedArguments, args)),
  },
  Mutation: {
    upsertTicket: async (_parent, args: { input: unknown }, { tickets, support }) => {
      const ticket = await tickets.upsertTicket(args.input);
      support.remember({ ticket });
      return ticket;
    },
    upsertArticle: async (_parent, args: { input: unknown }, { articles, support }) => {
      const article = await articles.upsertArticle(args.input);
      support.remember({ article });
      return article;
    },
    recordArticleView: async (_parent, args: { articleId: unknown }, { articles, support }) => {
      const article = await articles.recordArticleView(args);
      support.remember({ article });
      return article;
    },
    deleteArticle: (_parent, args: { id: unknown }, { articles }) => articles.deleteArticle(args),
  },
  Ticket: {
    __resolveReference: (reference: EntityReference, { support }: SupportContext) => support.ticket(reference.id),
    id: (ticket: TicketDocument) => ticket._id,
    requester: (ticket: TicketDocument) => ({ __typename: 'User', id: ticket.requesterId }),
    account: (ticket: TicketDocument) => ({ __typename: 'Account', id: ticket.accountId }),
    tags: (ticket: TicketDocument, _args, { support }) => {
      support.assertCanSeeInternalFields();
      return ticket.tags;
    },
    comments: (ticket: TicketDocument, args: PageArguments, { support }) => support.commentsOf(ticket, args),
    updatedAt: shownUpdatedAt,
    ...staffOnlyFields,
  },
  Article: {
    __resolveReference: (reference: EntityReference, { support }: SupportContext) => support.article(reference.id),
    id: (article: ArticleDocument) => article._id,
    updatedAt: shownUpdatedAt,
    ...staffOnlyFields,
  },
  Account: {
    __resolveReference: (reference: EntityReference, { support }: SupportContext) => support.account(reference),
    support: (account: EntityReference, _args, { support }) => support.accountSupport(account.id),
    tickets: (account: EntityReference, args: PageArguments & { status?: unknown; open?: unknown }, { support }) => {
      const filter = parseInput(accountTicketsArguments, { status: args.status, open: args.open }, undefined);
      return support.ticketsOfAccount(account.id, filter, args);
    },
  },
  User: {
    __resolveReference: (reference: EntityReference) => ({ id: reference.id }),
    tickets: (user: EntityReference, args: PageArguments & { status?: unknown }, { support }) => {
      const { status } = parseInput(userTicketsArguments, { status: args.status }, undefined);
      return support.ticketsOfUser(user.id, status ?? undefined, args);
    },
  },
};
