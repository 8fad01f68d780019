/**
 * Seeded randomness for the benchmarks: the same seed gives the same corpus, queries and order
 * on every run, so two runs differ only by the machine, never by the data.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast, and good enough for test data (not for anything secret). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick };
}

/**
 * Picks with Zipf weights (rank r has weight 1/r^s): news mentions a few places and people very
 * often and a long tail rarely, and that skew is what makes some searches match many rows.
 */
export function zipfPicker<T>(items: readonly T[], random: Random, s = 1): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= items.length; r++) {
    total += 1 / r ** s;
    cumulative.push(total);
  }
  return () => {
    const x = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? total) < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo] as T;
  };
}
