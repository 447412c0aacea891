import { checkConditions, daysToRenewal, firstHoldingAlternative, userTenureDays, type ConditionCheck, type SignalsAt } from './conditions';
import type { AccountSignals, Journey, JourneyReason, JourneyStage, UserSignals } from './model';
import type { Conditions, Playbook } from './playbook-schema';

export interface StageDecision {
  stage: JourneyStage;
  /** Why each stage checked before it did not apply, then what decided it. */
  reasons: JourneyReason[];
}

/** Checks with the same text say the same thing; alternatives often share a condition. */
function distinct(reasons: JourneyReason[]): JourneyReason[] {
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    if (seen.has(reason.text)) return false;
    seen.add(reason.text);
    return true;
  });
}

const asReasons = (checks: readonly ConditionCheck[], stage: JourneyStage | null): JourneyReason[] => checks.map((check) => ({ ...check, stage }));

/**
 * Why none of a rule's alternatives holds: the unmet conditions of each alternative meant for the
 * account's segment. Alternatives for other segments say only that, and only when no alternative
 * was meant for this one, so an SMB user is not told about the ENTERPRISE thresholds.
 */
function whyNot(alternatives: readonly Conditions[], signals: SignalsAt, stage: JourneyStage): ConditionCheck[] {
  const checked = alternatives.map((alternative) => checkConditions(alternative, signals, stage));
  const forThisSegment = checked.filter((checks) => checks.every((check) => check.code !== 'SEGMENT' || check.met));
  const relevant = forThisSegment.length ? forThisSegment : checked;
  return relevant.flatMap((checks) => checks.filter((check) => !check.met));
}

/**
 * The stage the playbook's rules give: they are checked in the order listed and the first one with
 * an alternative whose conditions all hold wins; the last rule has no conditions and is the
 * fallback.
 */
export function decideStage(playbook: Playbook, signals: SignalsAt): StageDecision {
  const skipped: JourneyReason[] = [];
  for (const rule of playbook.stages) {
    if (!rule.when) {
      const text = `No earlier stage applies, so the stage is ${rule.stage}`;
      return { stage: rule.stage, reasons: distinct([...skipped, { code: 'DEFAULT_STAGE', stage: rule.stage, met: true, text }]) };
    }
    const holding = firstHoldingAlternative(rule.when, signals, rule.stage);
    if (holding) return { stage: rule.stage, reasons: distinct([...skipped, ...asReasons(holding, rule.stage)]) };
    skipped.push(...asReasons(whyNot(rule.when, signals, rule.stage), rule.stage));
  }
  // The playbook schema guarantees a last rule without conditions, so the loop always returns.
  throw new Error('the playbook has no fallback stage');
}

/** Whether any alternative of the at-risk rule holds, with the conditions of every one that does. */
export function assessRisk(playbook: Playbook, signals: SignalsAt): { atRisk: boolean; riskReasons: JourneyReason[] } {
  const holding = playbook.atRisk.when
    .map((alternative) => checkConditions(alternative, signals, 'at risk'))
    .filter((checks) => checks.every((check) => check.met));
  return { atRisk: holding.length > 0, riskReasons: distinct(holding.flatMap((checks) => asReasons(checks, null))) };
}

/** A user's journey as of `now`, from their account's signals and their own. */
export function computeJourney(playbook: Playbook, account: AccountSignals, user: UserSignals, now: Date): Journey {
  const signals: SignalsAt = { now, account, user };
  const { stage, reasons } = decideStage(playbook, signals);
  return {
    stage,
    ...assessRisk(playbook, signals),
    accountTenureDays: account.tenureDays,
    userTenureDays: userTenureDays(user, now),
    daysToRenewal: daysToRenewal(account, now),
    reasons,
    playbookVersion: playbook.version,
  };
}

/** The stage of the account as a whole: the same rules, with no user, so conditions on one fail. */
export function accountStage(playbook: Playbook, account: AccountSignals, now: Date): JourneyStage {
  return decideStage(playbook, { now, account }).stage;
}
