import { benchmarkOf, collectPeerValues, peerMediansOf } from '../../subgraphs/accounts/health/benchmark';
import type { HealthComponentKey } from '../../subgraphs/accounts/health/components';
import type { HealthSnapshotDocument } from '../../subgraphs/accounts/health/documents';
import defaultHealthModel from '../../subgraphs/accounts/health/health-model.json';
import { parseHealthModel } from '../../subgraphs/accounts/health/model-schema';
import { computeHealth, type AccountSignals } from '../../subgraphs/accounts/health/scoring';
import { utcDay } from '../../subgraphs/accounts/usage/model';
import type { ContractDocument } from '../../subgraphs/contracts/model';
import type { AccountProfile, DomainContext } from './context';
import type { ContractsDemoData } from './contracts';
import { DAY_MS, daysBefore } from './dates';
import { createRandom, type Random } from './random';

/** Past health snapshots for the demo: what `healthHistory`, `healthChange` and the backtest read. */
export interface HealthHistoryDemoData {
  snapshots: HealthSnapshotDocument[];
}

const SEED_OFFSET = 707;
const MONTHS = 12;
const MONTH_DAYS = 30;
/** How long before a churn event the decline starts. */
const DECLINE_DAYS = 180;
/** Share of accounts with a rough patch that passes: why a good backtest is still not perfect. */
const ROUGH_PATCH_SHARE = 0.15;
const ROUGH_PATCH_DAYS = 120;

/** The moment an account's contracts show it leaving or shrinking, if they do. */
function churnEventOf(contracts: readonly ContractDocument[]): Date | null {
  const terms = [...contracts].sort((a, b) => a.startDate.getTime() - b.startDate.getTime());
  const seats = (term: ContractDocument) => term.lineItems.reduce((sum, item) => sum + item.seats, 0);
  const last = terms.at(-1);
  if (!last) return null;
  if (last.status === 'CANCELLED') return last.cancelledAt ?? last.renewalDate;
  if (last.status === 'EXPIRED' || last.cancelAtPeriodEnd) return last.renewalDate;
  const contraction = terms.findLast((term, index) => index > 0 && seats(term) < seats(terms[index - 1]!));
  return contraction?.startDate ?? null;
}

/**
 * An account's underlying health (0–1) on a day: steady with noise for accounts that renew; for
 * those that churn or shrink, a slide over the months before the event, and a partial recovery
 * after a contraction (the account right-sized). Some accounts go through a rough patch of a few
 * months whatever their contracts say.
 */
function healthLevel(random: Random, account: { base: number; churnEvent: Date | null; roughPatch: Date | null }, day: Date): number {
  const { base, churnEvent, roughPatch } = account;
  let level = base;
  if (roughPatch && Math.abs(roughPatch.getTime() - day.getTime()) < (ROUGH_PATCH_DAYS / 2) * DAY_MS) level -= 0.2;
  if (churnEvent) {
    const daysToEvent = (churnEvent.getTime() - day.getTime()) / DAY_MS;
    const progress = daysToEvent >= DECLINE_DAYS ? 0 : daysToEvent >= 0 ? 1 - daysToEvent / DECLINE_DAYS : 0.6;
    level -= 0.5 * progress;
  }
  return Math.min(1, Math.max(0.02, level + (random.next() - 0.5) * 0.16));
}

function signalsOf(random: Random, profile: AccountProfile, level: number, renewalDate: Date | null, day: Date): AccountSignals {
  const jitter = (value: number) => value * (0.85 + random.next() * 0.3);
  const values: Record<HealthComponentKey, number | null> = {
    USAGE_BREADTH: jitter(level * 0.9),
    USAGE_DEPTH: jitter(level * 110),
    USAGE_FREQUENCY: jitter(level * 5),
    SEAT_UTILIZATION: jitter(level),
    URGENT_TICKETS: Math.max(0, Math.round((1 - level) * 4 + random.next() - 0.5)),
    CSAT: Math.min(1, 0.55 + level * 0.42),
    LEARNING_COMPLETION: jitter(level * 0.8),
    CERTIFIED_USERS: Math.round(jitter(level * 6)),
    COMMUNITY_ACTIVE_MEMBERS: Math.round(jitter(level * 9)),
    DAYS_TO_RENEWAL: renewalDate ? Math.floor((renewalDate.getTime() - day.getTime()) / DAY_MS) : null,
    // Derived from the level, without a random draw, so the other signals' draws stay as they were.
    ARR_CHANGE: Math.round((level - 0.55) * 60) / 100,
  };
  return { accountId: profile.account._id, segment: profile.account.segment, values };
}

function renewalDateOn(contracts: readonly ContractDocument[], day: Date): Date | null {
  const term = contracts.find((contract) => contract.startDate <= day && contract.renewalDate > day);
  return term?.renewalDate ?? null;
}

/**
 * Monthly health snapshots of every customer for the last twelve months (none before it became a
 * customer), scored by the shipped model from generated signals. Accounts whose contracts churn
 * or shrink slide towards their renewal; the others stay higher, with noise, so a backtest on the
 * demo shows a strong but imperfect signal. None is marked latest: a recompute writes today's.
 */
export function generateHealthHistoryDemoData(context: DomainContext, contracts: ContractsDemoData): HealthHistoryDemoData {
  const random = createRandom(context.seed + SEED_OFFSET);
  const model = parseHealthModel(defaultHealthModel);
  const contractsByAccount = new Map<string, ContractDocument[]>();
  for (const contract of contracts.contracts) contractsByAccount.set(contract.accountId, [...(contractsByAccount.get(contract.accountId) ?? []), contract]);
  const accounts = context.profiles
    .filter((profile) => profile.account.customerSince !== null)
    .map((profile) => {
      const accountContracts = contractsByAccount.get(profile.account._id) ?? [];
      const roughPatch = random.chance(ROUGH_PATCH_SHARE) ? daysBefore(context.now, random.int(0, MONTHS * MONTH_DAYS)) : null;
      return { profile, contracts: accountContracts, churnEvent: churnEventOf(accountContracts), roughPatch, base: 0.55 + random.next() * 0.4 };
    });
  const snapshots: HealthSnapshotDocument[] = [];
  for (let month = MONTHS; month >= 1; month -= 1) {
    const computedAt = daysBefore(context.now, month * MONTH_DAYS);
    const day = utcDay(computedAt);
    const signals = accounts
      .filter(({ profile }) => (profile.account.customerSince?.getTime() ?? Infinity) <= computedAt.getTime())
      .map((account) =>
        signalsOf(random, account.profile, healthLevel(random, account, computedAt), renewalDateOn(account.contracts, computedAt), computedAt),
      );
    const peers = collectPeerValues(signals);
    for (const account of signals) {
      snapshots.push({
        _id: `${account.accountId}|${day}`,
        accountId: account.accountId,
        day,
        segment: account.segment,
        ...computeHealth(account, model, peerMediansOf(peers, account.segment)),
        benchmark: benchmarkOf(account, peers),
        isLatest: false,
        modelVersion: model.version,
        computedAt,
      });
    }
  }
  return { snapshots };
}
