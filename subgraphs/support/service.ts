import type { Identity } from '../kit/auth';
import type { ContentFeedArgs } from '../kit/content-feed';
import type { PageArgs } from '../kit/pagination';
import { externalKeysOf, type ExternalId } from '../kit/records';
import { accountSupportFrom, type AccountSupport } from './account-support';
import type { ArticleFilterInput, TicketFilterInput } from './inputs';
import { OPEN_TICKET_STATUSES, type ArticleDocument, type TicketDocument, type TicketStatus } from './model';
import { supportPolicy } from './policy';
import type { SupportRepository } from './repository';
import { pageComments } from './ticket-comments';

/** An `Account` or `User` reference: all this subgraph knows of entities owned elsewhere. */
export interface EntityReference {
  id: string;
}

/**
 * The support subgraph's read rules, for one request: every read is authorized here and goes
 * through this request's loaders, so lists of references cost one query, not one per item.
 */
export class SupportService {
  private readonly loaders: ReturnType<SupportRepository['createLoaders']>;

  constructor(
    readonly identity: Identity,
    readonly repository: SupportRepository,
    now: Date = new Date(),
  ) {
    this.loaders = repository.createLoaders(now);
  }

  /** A ticket the caller may read; null for staff when it does not exist, FORBIDDEN otherwise. */
  async ticket(id: string): Promise<TicketDocument | null> {
    const ticket = await this.loaders.ticketById.load(id);
    supportPolicy.assertCanReadTicket(this.identity, id, ticket);
    return ticket;
  }

  listTickets(filter: TicketFilterInput, page: PageArgs) {
    const scope = supportPolicy.ticketListScope(this.identity, filter.accountId ?? undefined);
    return this.repository.listTickets(
      {
        ...(filter.requesterId ? { requesterId: filter.requesterId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.priority ? { priority: filter.priority } : {}),
        ...scope,
      },
      page,
    );
  }

  /** `User.tickets`: the user's tickets within the caller's rights (see the policy). */
  async ticketsOfUser(userId: string, status: TicketStatus | undefined, page: PageArgs) {
    // Only customers need to know the user's account; staff skip the lookup.
    const accountIds = supportPolicy.canReadEverything(this.identity) ? [] : await this.loaders.requesterAccountIds.load(userId);
    const scope = supportPolicy.userTicketScope(this.identity, userId, accountIds);
    return this.loaders.ticketsOfRequester.load(userId, page, { ...scope, ...(status ? { status } : {}) });
  }

  /** `Account.tickets`: an account's tickets, for callers who may read that account. */
  ticketsOfAccount(accountId: string, filter: { status?: TicketStatus | null; open?: boolean | null }, page: PageArgs) {
    supportPolicy.assertCanReadAccount(this.identity, accountId);
    const statuses = filter.open ? OPEN_TICKET_STATUSES.filter((status) => !filter.status || status === filter.status) : null;
    const scope = statuses ? { status: { $in: statuses } } : filter.status ? { status: filter.status } : {};
    return this.loaders.ticketsOfAccount.load(accountId, page, scope);
  }

  /** The comments of a ticket the caller already read; internal notes only for staff and integrations. */
  commentsOf(ticket: TicketDocument, page: PageArgs) {
    return pageComments(ticket.comments, supportPolicy.canSeeInternalComments(this.identity), page);
  }

  /** An article the caller may read; null for staff when it does not exist, FORBIDDEN otherwise. */
  async article(id: string): Promise<ArticleDocument | null> {
    const article = await this.loaders.articleById.load(id);
    supportPolicy.assertCanReadArticle(this.identity, id, article);
    return article;
  }

  /** The ticket carrying another system's id, for staff and integrations; null when none does. */
  async ticketByExternalId({ source, id }: ExternalId): Promise<TicketDocument | null> {
    supportPolicy.assertCanLookUpByExternalId(this.identity);
    return this.repository.findTicketByExternalKeys(externalKeysOf([{ source, id }]));
  }

  /** The article carrying another system's id, for staff and integrations; null when none does. */
  async articleByExternalId({ source, id }: ExternalId): Promise<ArticleDocument | null> {
    supportPolicy.assertCanLookUpByExternalId(this.identity);
    return this.repository.findArticleByExternalKeys(externalKeysOf([{ source, id }]));
  }

  listArticles(filter: ArticleFilterInput, page: PageArgs) {
    const visibilities = supportPolicy.readableArticleVisibilities(this.identity);
    return this.repository.listArticles(
      {
        visibilities,
        ...(filter.locale ? { locale: filter.locale } : {}),
        ...(filter.section ? { section: filter.section } : {}),
        ...(filter.labels ? { labels: filter.labels } : {}),
      },
      page,
    );
  }

  /** The ticket feed the search index reads, for staff and integrations with a support scope. */
  ticketChanges(args: ContentFeedArgs) {
    supportPolicy.assertCanReadContentFeed(this.identity);
    return this.repository.ticketChanges(args);
  }

  /** The article feed the search index reads, for staff and integrations with a support scope. */
  articleChanges(args: ContentFeedArgs) {
    supportPolicy.assertCanReadContentFeed(this.identity);
    return this.repository.articleChanges(args);
  }

  /**
   * An `Account` reference, authorized exactly like a root field. Async on purpose: a rejected
   * promise fails only its own entry of an `_entities` list, a synchronous throw the whole list.
   */
  async account(reference: EntityReference): Promise<EntityReference> {
    supportPolicy.assertCanReadAccount(this.identity, reference.id);
    return { id: reference.id };
  }

  async accountSupport(accountId: string): Promise<AccountSupport> {
    supportPolicy.assertCanReadAccount(this.identity, accountId);
    return accountSupportFrom(await this.loaders.accountSignals.load(accountId));
  }

  assertCanSeeInternalFields(): void {
    supportPolicy.assertCanSeeInternalFields(this.identity);
  }

  /** Primes the loaders after a write so later fields in the same request see the new state. */
  remember(document: { ticket?: TicketDocument; article?: ArticleDocument }): void {
    if (document.ticket) this.loaders.ticketById.clear(document.ticket._id).prime(document.ticket._id, document.ticket);
    if (document.article) this.loaders.articleById.clear(document.article._id).prime(document.article._id, document.article);
  }
}
