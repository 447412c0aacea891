import type { Segment } from '../model';
import { BENCHMARK_METRICS, type BenchmarkMetric } from './components';
import type { BenchmarkEntry } from './documents';
import type { AccountSignals, PeerMedians } from './scoring';

/** The sorted values of every usage metric per segment: what percentiles and medians come from. */
export type PeerValues = Map<Segment, Record<BenchmarkMetric, number[]>>;

export function collectPeerValues(accounts: readonly AccountSignals[]): PeerValues {
  const peers: PeerValues = new Map();
  for (const account of accounts) {
    const values = peers.get(account.segment) ?? (Object.fromEntries(BENCHMARK_METRICS.map((metric) => [metric, []])) as unknown as Record<BenchmarkMetric, number[]>);
    for (const metric of BENCHMARK_METRICS) {
      const value = account.values[metric];
      if (value !== null) values[metric].push(value);
    }
    peers.set(account.segment, values);
  }
  for (const values of peers.values()) for (const metric of BENCHMARK_METRICS) values[metric].sort((a, b) => a - b);
  return peers;
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Percentile rank in 0–100: peers below count whole, peers equal (the account included) count half. */
export function percentileRank(value: number, sorted: readonly number[]): number {
  if (sorted.length === 0) return 50;
  let below = 0;
  let equal = 0;
  for (const peer of sorted) {
    if (peer < value) below += 1;
    else if (peer === value) equal += 1;
  }
  return Math.round(((below + equal / 2) / sorted.length) * 1000) / 10;
}

export function peerMediansOf(peers: PeerValues, segment: Segment): PeerMedians {
  const values = peers.get(segment);
  return Object.fromEntries(BENCHMARK_METRICS.map((metric) => [metric, values ? median(values[metric]) : null]));
}

/** The account's own value, percentile and the peer median per usage metric; no other account's value. */
export function benchmarkOf(account: AccountSignals, peers: PeerValues): BenchmarkEntry[] {
  const values = peers.get(account.segment);
  return BENCHMARK_METRICS.map((metric) => {
    const sorted = values?.[metric] ?? [];
    const value = account.values[metric];
    return {
      metric,
      value,
      percentile: value === null ? null : percentileRank(value, sorted),
      peerMedian: median(sorted),
      peerCount: sorted.length,
    };
  });
}
