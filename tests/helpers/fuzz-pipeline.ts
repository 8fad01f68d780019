/**
 * Runs one fuzzed input through ingest and extraction the way bantin does, and checks the
 * contract every path promises: success gives well-formed drafts and extractions, failure is a
 * BantinError with a one-line message. Records the slowest item for the report.
 */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterAll, expect } from 'vitest';
import type { ArticleDraft, Extraction } from '../../src/domain.ts';
import { BantinError } from '../../src/errors.ts';
import { extract } from '../../src/extract/extract.ts';
import { decodeBody } from '../../src/ingest/decode.ts';
import { parseFeed } from '../../src/ingest/feed-parser.ts';
import { detectLanguage } from '../../src/ingest/language.ts';
import { feedItemToDraft } from '../../src/ingest/load-source.ts';
import { extractPage } from '../../src/ingest/page-extractor.ts';
import { parseJsonArticle, parseTextArticle } from '../../src/ingest/text-input.ts';

/** Only a hang trips this: real items take milliseconds. Speed itself belongs in bench/. */
export const HANG_BOUND_MS = 5_000;

export const FEED_URL = 'https://example.vn/rss/thoi-su.rss';
export const PAGE_URL = 'https://example.vn/thoi-su/bai-viet-123.html';

export interface FuzzStats {
  cases: number;
  failures: number;
  worstMs: number;
  worstInput: string;
}

export const newStats = (): FuzzStats => ({ cases: 0, failures: 0, worstMs: 0, worstInput: '' });

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A short, printable description of an input for the report. */
export const describeInput = (label: string, text: string): string =>
  `${label}, ${text.length} chars: ${JSON.stringify(text.slice(0, 80))}`;

export function checkDraft(d: ArticleDraft): void {
  expect(typeof d.title).toBe('string');
  expect(typeof d.body).toBe('string');
  expect(['vi', 'en']).toContain(d.lang);
  if (d.publishedAt !== null) expect(Number.isNaN(Date.parse(d.publishedAt)), d.publishedAt).toBe(false);
  if (d.url !== null) expect(d.url).toMatch(/^https?:\/\//);
  expect(d.guid === null || typeof d.guid === 'string').toBe(true);
  expect(d.source === null || typeof d.source === 'string').toBe(true);
}

export function checkExtraction(e: Extraction): void {
  expect(Array.isArray(e.who)).toBe(true);
  for (const w of e.who) expect(typeof w).toBe('string');
  expect(Array.isArray(e.where)).toBe(true);
  for (const w of e.where) expect(typeof w).toBe('string');
  expect(typeof e.what).toBe('string');
  expect(e.when.text === null || typeof e.when.text === 'string').toBe(true);
  if (e.when.date !== null) {
    expect(e.when.date).toMatch(ISO_DAY);
    // A real calendar day, not "2020-02-31".
    expect(new Date(`${e.when.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(e.when.date);
  }
  // The summary must survive the `summarize --json` contract and the store's JSON columns.
  expect(() => JSON.stringify(e)).not.toThrow();
}

/** A failure is fine when it is typed and says one line; anything else is a bug. */
export function checkFailure(error: unknown): void {
  if (!(error instanceof BantinError)) throw error;
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.message.length).toBeGreaterThan(0);
}

const draftAndExtract = (draft: ArticleDraft): void => {
  checkDraft(draft);
  checkExtraction(
    extract({
      title: draft.title,
      body: draft.body,
      lang: draft.lang,
      publishedAt: draft.publishedAt,
      url: draft.url,
    }),
  );
};

export type Kind = 'feed' | 'page' | 'text' | 'json';

/** decodeBody → parser of `kind` → cleanArticleText (inside the parsers) → extract. */
export function runPipeline(kind: Kind, bytes: Buffer, contentType: string | null): void {
  const text = decodeBody(bytes, contentType);
  expect(typeof text).toBe('string');
  switch (kind) {
    case 'feed': {
      const feed = parseFeed(text, FEED_URL);
      for (const item of feed.items) draftAndExtract(feedItemToDraft(item, feed, FEED_URL));
      return;
    }
    case 'page':
      draftAndExtract(extractPage(text, PAGE_URL));
      return;
    case 'json':
      draftAndExtract(parseJsonArticle(text, 'fuzz.json'));
      return;
    case 'text': {
      const { title, body } = parseTextArticle(text);
      if (title === '') return;
      const lang = detectLanguage(`${title}\n${body}`);
      checkExtraction(extract({ title, body, lang, publishedAt: null, url: null }));
      return;
    }
  }
}

/** FUZZ_TRACE=<file> writes each input's label before it runs: the last line names a hang. */
const trace = (label: string): void => {
  const file = process.env.FUZZ_TRACE;
  if (file !== undefined && file !== '') appendFileSync(file, `${new Date().toISOString()} ${label}\n`);
};

/** Runs `fn`, times it, checks success or typed failure, and updates `stats`. */
export function timed(stats: FuzzStats, label: string, fn: () => void): void {
  trace(label);
  const started = performance.now();
  let failed = false;
  try {
    fn();
  } catch (e) {
    failed = true;
    checkFailure(e);
  }
  const ms = performance.now() - started;
  stats.cases += 1;
  if (failed) stats.failures += 1;
  if (ms > stats.worstMs) {
    stats.worstMs = ms;
    stats.worstInput = label;
  }
  expect(ms, `hang on ${label}`).toBeLessThan(HANG_BOUND_MS);
}

/** Async variant for paths that return promises (loadSource). */
export async function timedAsync(stats: FuzzStats, label: string, fn: () => Promise<void>): Promise<void> {
  trace(label);
  const started = performance.now();
  let failed = false;
  try {
    await fn();
  } catch (e) {
    failed = true;
    checkFailure(e);
  }
  const ms = performance.now() - started;
  stats.cases += 1;
  if (failed) stats.failures += 1;
  if (ms > stats.worstMs) {
    stats.worstMs = ms;
    stats.worstInput = label;
  }
  expect(ms, `hang on ${label}`).toBeLessThan(HANG_BOUND_MS);
}

/** The seed: FUZZ_SEED from the environment to replay, else a fixed one so CI is repeatable. */
export const fuzzSeed = (): number => {
  const fromEnv = Number(process.env.FUZZ_SEED);
  return Number.isInteger(fromEnv) && fromEnv !== 0 ? fromEnv : 20261127;
};

/** Unhandled rejections seen while a fuzz file runs (there must be none). */
export function watchUnhandled(): { seen: unknown[]; stop(): void } {
  const seen: unknown[] = [];
  const onReject = (reason: unknown): void => {
    seen.push(reason);
  };
  process.on('unhandledRejection', onReject);
  return { seen, stop: () => process.off('unhandledRejection', onReject) };
}

/**
 * Stats per input kind for one fuzz file. After the file it prints each kind's figures (cases,
 * typed failures, worst item) and fails if any promise rejection went unhandled.
 */
export function fuzzReport<K extends string>(kinds: readonly K[]): Record<K, FuzzStats> {
  const stats = Object.fromEntries(kinds.map((k) => [k, newStats()])) as Record<K, FuzzStats>;
  const unhandled = watchUnhandled();
  afterAll(() => {
    unhandled.stop();
    for (const k of kinds) {
      const s = stats[k];
      console.info(
        `[fuzz ${k}] seed ${String(fuzzSeed())}: ${String(s.cases)} cases, ${String(s.failures)} typed failures, ` +
          `worst ${s.worstMs.toFixed(1)} ms on ${s.worstInput}`,
      );
    }
    expect(unhandled.seen).toEqual([]);
  });
  return stats;
}
