import type { Document } from 'mongodb';
import type { HubCollection } from '../kit/store/types';
import { OPEN_TICKET_STATUSES, type ArticleViewDayDocument, type TicketDocument } from './model';
import { startOfUtcDay } from './utc-days';

const DAY_MS = 86_400_000;

/** One account's raw support signals, as counted by the store; `AccountSupport` is derived from it. */
export interface AccountSignals {
  openTickets: number;
  urgentOpen: number;
  rated90d: number;
  good90d: number;
  /** Milliseconds from opening to first answer, for tickets opened in the last 90 days. */
  firstResponseMs: number[];
  ticketsCreated30d: number;
  articleViews30d: number;
}

/**
 * The support signals of many accounts in two aggregations, one over tickets and one over daily
 * article views, however many accounts there are. `now` fixes the 30- and 90-day windows.
 */
export async function loadAccountSignals(
  tickets: HubCollection<TicketDocument>,
  articleViews: HubCollection<ArticleViewDayDocument>,
  accountIds: readonly string[],
  now: Date,
): Promise<AccountSignals[]> {
  const since90d = new Date(now.getTime() - 90 * DAY_MS);
  const since30d = new Date(now.getTime() - 30 * DAY_MS);
  const isOpen = { $in: ['$status', [...OPEN_TICKET_STATUSES]] };
  const isRated90d = { $and: [{ $gte: ['$solvedAt', since90d] }, { $in: ['$satisfaction.rating', ['GOOD', 'BAD']] }] };
  const countIf = (condition: Document) => ({ $sum: { $cond: [condition, 1, 0] } });
  const [ticketRows, viewRows] = await Promise.all([
    tickets
      .aggregate<Omit<AccountSignals, 'articleViews30d'> & { _id: string; firstResponseMs: Array<number | null> }>([
        {
          $match: {
            accountId: { $in: [...accountIds] },
            $or: [{ status: { $in: [...OPEN_TICKET_STATUSES] } }, { solvedAt: { $gte: since90d } }, { createdAt: { $gte: since90d } }],
          },
        },
        {
          $group: {
            _id: '$accountId',
            openTickets: countIf(isOpen),
            urgentOpen: countIf({ $and: [isOpen, { $eq: ['$priority', 'URGENT'] }] }),
            rated90d: countIf(isRated90d),
            good90d: countIf({ $and: [isRated90d, { $eq: ['$satisfaction.rating', 'GOOD'] }] }),
            ticketsCreated30d: countIf({ $gte: ['$createdAt', since30d] }),
            // Null for tickets outside the window or not answered yet; dropped below.
            firstResponseMs: {
              $push: {
                $cond: [
                  { $and: [{ $gte: ['$createdAt', since90d] }, { $gte: ['$firstResponseAt', '$createdAt'] }] },
                  { $subtract: ['$firstResponseAt', '$createdAt'] },
                  null,
                ],
              },
            },
          },
        },
      ])
      .toArray(),
    articleViews
      .aggregate<{ _id: string; views: number }>([
        // The last 30 UTC days, today included.
        { $match: { accountId: { $in: [...accountIds] }, day: { $gte: new Date(startOfUtcDay(now).getTime() - 29 * DAY_MS) } } },
        { $group: { _id: '$accountId', views: { $sum: '$views' } } },
      ])
      .toArray(),
  ]);
  const ticketsByAccount = new Map(ticketRows.map((row) => [row._id, row]));
  const views = new Map(viewRows.map((row) => [row._id, row.views]));
  return accountIds.map((accountId) => {
    const row = ticketsByAccount.get(accountId);
    return {
      openTickets: row?.openTickets ?? 0,
      urgentOpen: row?.urgentOpen ?? 0,
      rated90d: row?.rated90d ?? 0,
      good90d: row?.good90d ?? 0,
      firstResponseMs: (row?.firstResponseMs ?? []).filter((milliseconds): milliseconds is number => typeof milliseconds === 'number'),
      ticketsCreated30d: row?.ticketsCreated30d ?? 0,
      articleViews30d: views.get(accountId) ?? 0,
    };
  });
}
