/** Small numeric helpers for the benchmark figures. */

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Rounds to `digits` decimals, keeping figures in the JSON short and readable. */
export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Milliseconds since an earlier performance.now(). */
export const since = (t0: number): number => performance.now() - t0;

/** Resident set size in MB (what the OS charges the process). */
export const rssMb = (): number => process.memoryUsage().rss / 1_048_576;
