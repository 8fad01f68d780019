/**
 * Search latency on the big database: store.search with the /search command's limit, one query
 * at a time: queries typed without accents (places, people, topics), and after every fourth one
 * a query typed with them, which /search ranks by the words as typed as well.
 */
import type { Store } from '../src/store.ts';
import { foldAccents } from '../src/text/vietnamese.ts';
import { createCorpus } from './lib/corpus.ts';
import { createRandom } from './lib/random.ts';
import { percentile } from './lib/stats.ts';

/** /search shows this many results (src/commands/search.ts). */
const RESULTS = 5;

/**
 * Accented queries whose folded words are in most articles but whose words as typed are rare or
 * absent ("báo lũ": "bão lũ" is a topic, "báo" in most text): /search then re-reads the most
 * candidates for their original text, its costliest case.
 */
const RARE_AS_TYPED = ['báo lũ', 'hả nội', 'đà năng', 'bảo', 'giá vâng', 'thành phở hồ chí minh'];

/** The accent-free queries, and after every fourth one an accented one (one in five of them rare). */
function benchQueries(count: number): string[] {
  const plain = createCorpus(createRandom(4242)).queries(count);
  const accented = createCorpus(createRandom(4243)).queries(Math.ceil(count / 4), 'accented');
  return plain.flatMap((q, i) => {
    if (i % 4 !== 3) return [q];
    const n = (i - 3) / 4;
    return [q, n % 5 === 4 ? (RARE_AS_TYPED[n % RARE_AS_TYPED.length] ?? q) : (accented[n] ?? q)];
  });
}

export interface SearchResult {
  readonly queries: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /**
   * The same percentiles of the CPU time this process spent in each query (user + system). On a
   * shared machine the wall time also holds the time spent waiting for a core; this does not.
   */
  readonly cpuP50Ms: number;
  readonly cpuP99Ms: number;
  /** The queries typed with diacritics (ranked by the words as typed too): how many, and their p99. */
  readonly accented: number;
  readonly accentedP99Ms: number;
  /** Share of queries that found something: a check that the queries fit the data. */
  readonly hitRate: number;
  /** The slowest queries, for the report. */
  readonly slowest: ReadonlyArray<{ readonly query: string; readonly ms: number }>;
}

export function runSearchBench(store: Store, count: number, budgetSeconds: number): SearchResult {
  const queries = benchQueries(count);
  // Warm-up (at most a quarter of the budget): the first queries pull the index into the cache.
  const warmEnd = performance.now() + budgetSeconds * 250;
  for (const q of queries.slice(0, 20)) if (performance.now() < warmEnd) store.search(q, RESULTS);
  const deadline = performance.now() + budgetSeconds * 1000;
  const times: Array<{ query: string; ms: number; cpuMs: number; accented: boolean }> = [];
  let hits = 0;
  for (const query of queries) {
    if (performance.now() > deadline) break;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const found = store.search(query, RESULTS);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    times.push({ query, ms, cpuMs: (cpu.user + cpu.system) / 1000, accented: foldAccents(query) !== query });
    if (found.length > 0) hits++;
  }
  const ms = times.map((t) => t.ms);
  const cpuMs = times.map((t) => t.cpuMs);
  const accentedMs = times.filter((t) => t.accented).map((t) => t.ms);
  const unique = new Map<string, number>();
  for (const t of times) unique.set(t.query, Math.max(unique.get(t.query) ?? 0, t.ms));
  return {
    queries: times.length,
    p50Ms: percentile(ms, 50),
    p99Ms: percentile(ms, 99),
    maxMs: Math.max(...ms),
    cpuP50Ms: percentile(cpuMs, 50),
    cpuP99Ms: percentile(cpuMs, 99),
    accented: accentedMs.length,
    accentedP99Ms: percentile(accentedMs, 99),
    hitRate: hits / Math.max(1, times.length),
    slowest: [...unique.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([query, t]) => ({ query, ms: t })),
  };
}
