/**
 * Extraction throughput: the who/what/when/where extractor over the dev articles of the eval set
 * (../shared/data/eval/dev), repeated, on this thread (one core).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractInput, Lang } from '../src/domain.ts';
import { extract } from '../src/extract/extract.ts';
import { since } from './lib/stats.ts';

interface DevArticle {
  readonly source_url: string | null;
  readonly title: string;
  readonly published: string | null;
  readonly lang: Lang;
  readonly body: string;
}

export interface ExtractResult {
  /** Null when the dev set is absent (the reason is in `note`). */
  readonly articlesPerS: number | null;
  readonly articles: number;
  readonly passes: number;
  readonly note: string;
}

/** The dev articles as extractor inputs, or null when the folder is missing. */
export function loadDevArticles(dir: string): ExtractInput[] | null {
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => /^\d+\.json$/.test(f))
    .sort()
    .map((f) => {
      const a = JSON.parse(readFileSync(join(dir, f), 'utf8')) as DevArticle;
      return { title: a.title, body: a.body, lang: a.lang, publishedAt: a.published, url: a.source_url };
    });
}

/** Runs `passes` timed passes after one warm-up pass (JIT, gazetteer tables). */
export function runExtractBench(dir: string, passes: number): ExtractResult {
  const inputs = loadDevArticles(dir);
  if (inputs === null || inputs.length === 0) {
    return { articlesPerS: null, articles: 0, passes: 0, note: `skipped: no dev articles in ${dir}` };
  }
  let sink = 0;
  for (const input of inputs) sink += extract(input).who.length;
  const t0 = performance.now();
  for (let p = 0; p < passes; p++) for (const input of inputs) sink += extract(input).who.length;
  const ms = since(t0);
  const n = inputs.length * passes;
  // `sink` keeps the calls from being optimised away; it is never zero on real articles.
  return {
    articlesPerS: (n / ms) * 1000,
    articles: n,
    passes,
    note: `${String(inputs.length)} dev articles x ${String(passes)} passes${sink === 0 ? ' (no agents found?)' : ''}`,
  };
}
