import type { AccountOwner, Segment } from '../../subgraphs/accounts/model';
import { nameCompanies, type Company } from './companies';
import { daysBefore } from './dates';
import { DEMO_STAFF, languageOf } from './names';
import type { Random } from './random';

/**
 * Where an account stands, which shapes all of its data. SHOWCASE is the one account the demo
 * walk-through logs into; it always exists and always has rich data.
 */
export type AccountStage = 'SHOWCASE' | 'ESTABLISHED' | 'ONBOARDING' | 'PROSPECT';

/** Everything decided about an account before its documents are written. */
export interface AccountPlan {
  number: number;
  company: Company;
  segment: Segment;
  stage: AccountStage;
  customerSince: Date | null;
  owner: AccountOwner;
  /** Many of its users have gone quiet, so the health score has something to worry about. */
  isDeclining: boolean;
  /** Some of its users were community members before the company bought. */
  hasEarlyCommunityMembers: boolean;
  isInSalesforce: boolean;
  isInZendesk: boolean;
}

const YEAR_DAYS = 365;

export function planAccounts(random: Random, count: number, now: Date): AccountPlan[] {
  const companies = nameCompanies(random, planLocales(random, count));
  const segments: Segment[] = ['MID_MARKET', ...random.shuffle(planSegments(count - 1))];
  const stages = planStages(random, count);

  return companies.map((company, index) => {
    const segment = segments[index] ?? 'SMB';
    const stage = stages[index] ?? 'ESTABLISHED';
    const isInSalesforce = stage === 'SHOWCASE' || random.chance(segment === 'ENTERPRISE' ? 0.7 : 0.12);
    return {
      number: index + 1,
      company,
      segment,
      stage,
      customerSince: planCustomerSince(random, stage, now),
      owner: pickOwner(random, company.locale),
      isDeclining: stage === 'ESTABLISHED' && random.chance(0.15),
      hasEarlyCommunityMembers: stage === 'SHOWCASE' || (stage !== 'PROSPECT' && random.chance(0.1)),
      isInSalesforce,
      isInZendesk: stage === 'SHOWCASE' || random.chance(isInSalesforce ? 0.5 : 0.1),
    };
  });
}

/** Half Japanese (the showcase first), the rest American or British English. */
function planLocales(random: Random, count: number): string[] {
  const japaneseCount = Math.max(1, Math.round(count / 2));
  const others = Array.from({ length: count - 1 }, (_, index) =>
    index < japaneseCount - 1 ? 'ja-JP' : random.chance(0.3) ? 'en-GB' : 'en-US',
  );
  return ['ja-JP', ...random.shuffle(others)];
}

/** A few enterprises, a third mid-market, the rest small businesses, as in most SaaS books. */
function planSegments(count: number): Segment[] {
  const enterprise = Math.min(count, Math.max(1, Math.round(count * 0.1)));
  const midMarket = Math.min(count - enterprise, Math.round(count * 0.3));
  return Array.from({ length: count }, (_, index): Segment =>
    index < enterprise ? 'ENTERPRISE' : index < enterprise + midMarket ? 'MID_MARKET' : 'SMB',
  );
}

/** Two accounts in their first month, so onboarding is visible, and one or two prospects. */
function planStages(random: Random, count: number): AccountStage[] {
  const prospects = random.int(1, 2);
  const others = Array.from({ length: count - 1 }, (_, index): AccountStage =>
    index < 2 ? 'ONBOARDING' : index < 2 + prospects ? 'PROSPECT' : 'ESTABLISHED',
  );
  return ['SHOWCASE', ...random.shuffle(others)];
}

function planCustomerSince(random: Random, stage: AccountStage, now: Date): Date | null {
  switch (stage) {
    case 'PROSPECT':
      return null;
    case 'ONBOARDING':
      return random.dateBetween(daysBefore(now, 30), daysBefore(now, 2));
    case 'SHOWCASE':
      // Past its first renewal and active for long enough that every kind of data has history.
      return random.dateBetween(daysBefore(now, 700), daysBefore(now, 400));
    case 'ESTABLISHED':
      return random.dateBetween(daysBefore(now, 3 * YEAR_DAYS), daysBefore(now, 45));
  }
}

function pickOwner(random: Random, locale: string): AccountOwner {
  const language = languageOf(locale);
  const { id, name, email } = random.pick(DEMO_STAFF.filter((staff) => staff.languages.includes(language)));
  return { id, name, email };
}
