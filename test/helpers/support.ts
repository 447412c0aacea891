import type { AccountDocument, UserDocument } from '../../subgraphs/accounts/model';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import type { ArticleDocument, ArticleViewDayDocument, TicketComment, TicketDocument } from '../../subgraphs/support/model';
import { SupportRepository } from '../../subgraphs/support/repository';
import { SUPPORT_SUBGRAPH } from '../../subgraphs/support/server';
import type { Stack } from './stack';
import { nextSequence } from './factories';
import { DAY_MS, daysFromNow } from './time';

export const MINUTE_MS = 60_000;

/** The support subgraph's repository on the stack's store, for arranging and checking data. */
export function supportRepository(stack: Pick<Stack, 'store' | 'config'>): SupportRepository {
  return new SupportRepository(subgraphDatabase(stack, SUPPORT_SUBGRAPH));
}

export async function seedSupport(
  stack: Pick<Stack, 'store' | 'config'>,
  data: { tickets?: readonly TicketDocument[]; articles?: readonly ArticleDocument[]; articleViewDays?: readonly ArticleViewDayDocument[] },
): Promise<void> {
  await supportRepository(stack).replaceAll({ tickets: data.tickets ?? [], articles: data.articles ?? [], articleViewDays: data.articleViewDays ?? [] });
}

export function buildComment(overrides: Partial<TicketComment> = {}): TicketComment {
  return {
    id: `tcm_t${nextSequence()}`,
    authorName: 'Alex Kim',
    authorRole: 'AGENT',
    body: 'Thanks for reaching out.',
    isPublic: true,
    createdAt: daysFromNow(-2),
    ...overrides,
  };
}

/** An open NORMAL ticket asked by `requester` three days ago, with one public comment, unless overridden. */
export function buildTicket(requester: UserDocument, overrides: Partial<TicketDocument> = {}): TicketDocument {
  const n = nextSequence();
  const createdAt = overrides.createdAt ?? daysFromNow(-3);
  return {
    _id: `tkt_t${n}`,
    subject: `Ticket ${String(n).padStart(4, '0')}`,
    description: 'Something does not work.',
    status: 'OPEN',
    priority: 'NORMAL',
    requesterId: requester._id,
    accountId: requester.accountId,
    tags: ['billing'],
    satisfaction: null,
    comments: [buildComment({ authorName: requester.name, authorRole: 'REQUESTER', body: 'Something does not work.', createdAt })],
    createdAt,
    updatedAt: createdAt,
    firstResponseAt: null,
    solvedAt: null,
    externalIds: [],
    syncedAt: null,
    ...overrides,
  };
}

/** A public English article, unless overridden. */
export function buildArticle(overrides: Partial<ArticleDocument> = {}): ArticleDocument {
  const n = nextSequence();
  const createdAt = daysFromNow(-100 + n / 1000);
  return {
    _id: `art_t${n}`,
    title: `Article ${String(n).padStart(4, '0')}`,
    body: '1. Open the settings.',
    locale: 'en-US',
    section: 'getting-started',
    labels: [],
    url: `https://help.customerhub.example/hc/en-us/articles/${n}`,
    visibility: 'PUBLIC',
    viewCount: 0,
    createdAt,
    updatedAt: createdAt,
    externalIds: [],
    syncedAt: null,
    ...overrides,
  };
}

/** A day of article views by `account`'s users, `daysAgo` UTC days before today. */
export function buildArticleViewDay(account: AccountDocument, daysAgo: number, views: number): ArticleViewDayDocument {
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
  const day = new Date(today.getTime() - daysAgo * DAY_MS);
  return { _id: `${account._id}:${day.toISOString().slice(0, 10)}`, accountId: account._id, day, views };
}

export { DAY_MS, daysFromNow } from './time';

