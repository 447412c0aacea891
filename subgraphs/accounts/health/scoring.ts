import type { Segment } from '../model';
import { COMPONENT_DEFINITIONS, HEALTH_COMPONENTS, isBenchmarkMetric, type BenchmarkMetric, type HealthComponentKey, type HealthGroup } from './components';
import type { HealthModel, SegmentModel } from './model-schema';

export const HEALTH_BANDS = ['HEALTHY', 'NEUTRAL', 'AT_RISK'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

/** What is known about one account, per component; null means the signal is missing. */
export interface AccountSignals {
  accountId: string;
  segment: Segment;
  values: Record<HealthComponentKey, number | null>;
}

/** One component of a score, as stored in a snapshot and shown to people. */
export interface HealthComponentResult {
  key: HealthComponentKey;
  group: HealthGroup;
  hasData: boolean;
  /** The raw signal (a share 0–1, a count, days…); null when missing. */
  value: number | null;
  /** The value on the model's curve, 0–100; null when missing. */
  score: number | null;
  /** The component's share of the score, 0–1: its model weight over the weights of components with data. */
  weight: number;
  /** weight × score: the points this component adds to the score. */
  contribution: number;
  reason: string;
  /** The segment's median of this metric (usage metrics only). */
  peerMedian: number | null;
}

export interface HealthResult {
  score: number;
  band: HealthBand;
  components: HealthComponentResult[];
}

export type PeerMedians = Partial<Record<BenchmarkMetric, number | null>>;

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * Where `value` falls on a curve of `[value, score]` points: linear between neighbouring points,
 * flat before the first and after the last.
 */
export function scoreOnCurve(value: number, curve: ReadonlyArray<readonly [number, number]>): number {
  const first = curve[0];
  const last = curve.at(-1);
  if (!first || !last) throw new Error('a curve needs points');
  if (value <= first[0]) return first[1];
  if (value >= last[0]) return last[1];
  for (let index = 1; index < curve.length; index += 1) {
    const [toValue, toScore] = curve[index]!;
    if (value <= toValue) {
      const [fromValue, fromScore] = curve[index - 1]!;
      return fromScore + ((value - fromValue) / (toValue - fromValue)) * (toScore - fromScore);
    }
  }
  return last[1];
}

export function bandOf(score: number, bands: SegmentModel['bands']): HealthBand {
  if (score >= bands.healthyFrom) return 'HEALTHY';
  if (score < bands.atRiskBelow) return 'AT_RISK';
  return 'NEUTRAL';
}

function reasonOf(key: HealthComponentKey, value: number | null, peerMedian: number | null): string {
  const definition = COMPONENT_DEFINITIONS[key];
  if (value === null) return definition.missingReason;
  const reason = definition.reason(value);
  return peerMedian === null ? reason : `${reason} — peer median ${definition.format(peerMedian)}`;
}

/**
 * An explainable health score. Components without data are listed with `hasData: false` and left
 * out; the weights of the others are normalized to add up to 1, so the contributions always add
 * up to the score. An account with no signal at all scores 0: knowing nothing is itself a risk.
 */
export function computeHealth(signals: AccountSignals, model: HealthModel, peerMedians: PeerMedians = {}): HealthResult {
  const segmentModel = model.segments[signals.segment];
  const totalWeight = HEALTH_COMPONENTS.reduce(
    (sum, key) => sum + (signals.values[key] === null ? 0 : segmentModel.components[key].weight),
    0,
  );
  const components = HEALTH_COMPONENTS.map((key): HealthComponentResult => {
    const value = signals.values[key];
    const peerMedian = isBenchmarkMetric(key) ? (peerMedians[key] ?? null) : null;
    const base = { key, group: COMPONENT_DEFINITIONS[key].group, reason: reasonOf(key, value, peerMedian), peerMedian };
    if (value === null || totalWeight === 0) return { ...base, value, hasData: false, score: null, weight: 0, contribution: 0 };
    const score = round(scoreOnCurve(value, segmentModel.components[key].curve), 1);
    const weight = segmentModel.components[key].weight / totalWeight;
    return { ...base, value, hasData: true, score, weight, contribution: round(weight * score, 2) };
  });
  const score = round(
    components.reduce((sum, component) => sum + component.contribution, 0),
    2,
  );
  return { score, band: bandOf(score, segmentModel.bands), components };
}
