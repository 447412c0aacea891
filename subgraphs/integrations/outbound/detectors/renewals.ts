import type { DetectedFact } from '../outbox';
import { forEachPage, type DetectorResult, type EventDetector, type PageOf } from './detector';

/** Contracts ending within this many days are announced. */
export const RENEWAL_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

const UPCOMING_RENEWALS = `query OutboundRenewals($withinDays: Int!, $after: String) {
  renewals(withinDays: $withinDays, first: 100, after: $after) {
    edges { node { id renewalDate autoRenew cancelAtPeriodEnd arr { amountMinor currency } account { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface RenewingContract {
  id: string;
  renewalDate: string;
  autoRenew: boolean;
  cancelAtPeriodEnd: boolean;
  arr: { amountMinor: number; currency: string };
  account: { id: string; name: string };
}

/**
 * `renewal.upcoming`: current contracts ending within 90 days, once per contract term (a term
 * whose end date moves is a new term to announce).
 */
export function renewalsDetector(): EventDetector {
  return {
    name: 'renewals',
    async detect(context) {
      const result: DetectorResult = { announced: 0, deliveriesQueued: 0, baselined: 0 };
      const readPage = async (after: string | null) =>
        (await context.graph.request<{ renewals: PageOf<RenewingContract> }>(UPCOMING_RENEWALS, { withinDays: RENEWAL_WINDOW_DAYS, after })).renewals;
      await forEachPage(readPage, async (contracts) => {
        const facts = contracts.map(
          (contract): DetectedFact => ({
            eventType: 'RENEWAL_UPCOMING',
            factKey: `renewal.upcoming|${contract.id}|${contract.renewalDate}`,
            data: {
              contractId: contract.id,
              accountId: contract.account.id,
              accountName: contract.account.name,
              renewalDate: contract.renewalDate,
              daysToRenewal: Math.ceil((Date.parse(contract.renewalDate) - context.now.getTime()) / DAY_MS),
              autoRenew: contract.autoRenew,
              cancelAtPeriodEnd: contract.cancelAtPeriodEnd,
              arr: contract.arr,
            },
          }),
        );
        const announced = await context.outbox.announce(facts, context.now);
        result.announced += announced.announced;
        result.deliveriesQueued += announced.deliveriesQueued;
      });
      return result;
    },
  };
}
