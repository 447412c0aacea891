import type { ComponentChange, HealthAlertKind, HealthChangeRecord, HealthSnapshotDocument } from './documents';
import type { HealthModel } from './model-schema';
import { HEALTH_BANDS, type HealthBand } from './scoring';

const round2 = (value: number) => Math.round(value * 100) / 100;

/** HEALTHY 0, NEUTRAL 1, AT_RISK 2: a higher rank is worse. */
function bandRank(band: HealthBand): number {
  return HEALTH_BANDS.indexOf(band);
}

/**
 * Compares two snapshots of one account: the score then and now, and every component with its
 * contribution then and now, the one that moved most first.
 */
export function explainChange(then: HealthSnapshotDocument, now: HealthSnapshotDocument): HealthChangeRecord {
  const thenByKey = new Map(then.components.map((component) => [component.key, component]));
  const components = now.components.map((current): ComponentChange => {
    const previous = thenByKey.get(current.key);
    const contributionThen = previous?.contribution ?? 0;
    return {
      key: current.key,
      group: current.group,
      contributionThen,
      contributionNow: current.contribution,
      delta: round2(current.contribution - contributionThen),
      scoreThen: previous?.score ?? null,
      scoreNow: current.score,
      reasonThen: previous?.reason ?? 'Not part of the score then',
      reasonNow: current.reason,
    };
  });
  // A stable sort keeps the model's component order among equal moves.
  components.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  return {
    accountId: now.accountId,
    dayThen: then.day,
    dayNow: now.day,
    computedThen: then.computedAt,
    computedNow: now.computedAt,
    scoreThen: then.score,
    scoreNow: now.score,
    delta: round2(now.score - then.score),
    bandThen: then.band,
    bandNow: now.band,
    components,
  };
}

/** Why a change deserves an alert: a worse band, a fall of at least the model's points, or both. */
export function alertKindsOf(change: HealthChangeRecord, model: HealthModel): HealthAlertKind[] {
  const kinds: HealthAlertKind[] = [];
  if (bandRank(change.bandNow) > bandRank(change.bandThen)) kinds.push('BAND_DROP');
  if (-change.delta >= model.alerts.minScoreDrop) kinds.push('SCORE_DROP');
  return kinds;
}
