/** Latency percentiles of a run, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Exact percentiles (nearest rank) of every sample: autocannon's histogram has no p95, and a
 * run of a few thousand requests is cheap to sort.
 */
export function summarizeLatencies(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const rank = (fraction: number) => sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
  return { count: sorted.length, p50: rank(0.5), p95: rank(0.95), p99: rank(0.99), max: sorted.at(-1) ?? Number.NaN };
}

export function formatLatencies(summary: LatencySummary): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return `${summary.count} requests, p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}, p99 ${ms(summary.p99)}, max ${ms(summary.max)}`;
}

/** Runs the tasks with at most `concurrency` in flight, in order, each started when a slot frees up. */
export async function runConcurrently<T>(tasks: ReadonlyArray<() => Promise<T>>, concurrency: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const position = next++;
      results[position] = await tasks[position]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}
