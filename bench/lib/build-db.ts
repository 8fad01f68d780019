/**
 * The large benchmark database, built once under bench/.cache/ and reused. Fast path: generated
 * rows go straight into the real schema (the real migrations) in big transactions, with the
 * same folded FTS insert and the same summary row the store writes — not through the feed
 * parser and the extractor one by one. A worker thread generates rows while this thread inserts.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { listMigrations, openDatabase } from '../../db/open.ts';
import { RECENT_SEARCH_ROWS } from '../../db/search-index.ts';
import type { GeneratedRow } from './generated-rows.ts';

export const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache');

/** Bump when the generated rows change, so an old cache is rebuilt rather than trusted. */
const GENERATOR_VERSION = 5;
/** Rows per transaction and per worker message. */
const BATCH = 10_000;

export interface BigDb {
  readonly path: string;
  readonly rows: number;
  /** Seconds the build took when it ran (now or when the cache was made). */
  readonly buildSeconds: number;
  /** True when this call built it. */
  readonly built: boolean;
  readonly bytes: number;
  /** Migrations applied to the cached file by this call, and the seconds they took. */
  readonly migrated: { readonly names: readonly string[]; readonly seconds: number } | null;
}

interface Meta {
  readonly key: string;
  readonly rows: number;
  readonly buildSeconds: number;
  readonly bytes: number;
  /** Migrations applied in place after the build, with how long each run took. */
  readonly migrations?: ReadonlyArray<{ readonly names: readonly string[]; readonly seconds: number }>;
}

/**
 * What the cached rows depend on: the generator and the size. Schema changes are not in it: new
 * migrations are applied to the cached file in place (openDatabase), which is minutes where a
 * rebuild is ~25 minutes.
 */
const cacheKey = (rows: number): string => JSON.stringify({ v: GENERATOR_VERSION, rows });

/** Caches written before migrations were applied in place also listed the schema in their key. */
const sameRows = (metaKey: string, rows: number): boolean => {
  try {
    const k = JSON.parse(metaKey) as { v?: unknown; rows?: unknown };
    return k.v === GENERATOR_VERSION && k.rows === rows;
  } catch {
    return false;
  }
};

/** tsx does not hook worker threads by itself: register it inside the worker first. */
function startRowWorker(rows: number): Worker {
  const entry = new URL('./row-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: { rows } });
}

/** Inserts `rows` generated articles into a fresh database at `path` with the real schema. */
export async function fillDatabase(
  path: string,
  rows: number,
  onProgress?: (done: number) => void,
): Promise<void> {
  const db = openDatabase(path);
  // Build-only settings: the file is thrown away if the build dies, so durability buys nothing.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insert = db.prepare(`INSERT INTO articles
    (id, feed_id, url, guid, fingerprint, title, body, lang, source, published_at, fetched_at, sort_at)
    VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const fts = db.prepare('INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)');
  // The store's small indexes of the newest articles (db/search-index.ts) get the last rows too.
  const recentFts = db.prepare('INSERT INTO recent_search (rowid, title, body) VALUES (?, ?, ?)');
  const recentTitles = db.prepare('INSERT INTO recent_titles (rowid, title) VALUES (?, ?)');
  const firstRecent = rows - RECENT_SEARCH_ROWS + 1;
  const summary = db.prepare(`INSERT INTO summaries
    (article_id, extractor_version, who_json, what, when_text, when_date, where_json, evidence_json, facets, created_at)
    VALUES (?, 'bench-generated', ?, ?, NULL, ?, ?, '{}', ?, ?)`);
  const write = db.transaction((batch: readonly GeneratedRow[]) => {
    for (const r of batch) {
      insert.run(r.id, r.url, r.url, r.fingerprint, r.title, r.body, r.lang, r.source, r.at, r.at, r.at);
      fts.run(r.id, r.foldedTitle, r.foldedBody);
      if (r.id >= firstRecent) {
        recentFts.run(r.id, r.foldedTitle, r.foldedBody);
        recentTitles.run(r.id, r.foldedTitle);
      }
      summary.run(r.id, r.whoJson, r.what, r.at.slice(0, 10), r.whereJson, r.facets, r.at);
    }
  });
  // Two generators (the machine has two cores; this thread mostly waits on SQLite), each
  // with a batch in flight, so a batch is always ready when the previous one is written.
  const workers = [startRowWorker(rows), startRowWorker(rows)];
  try {
    const ranges: Array<{ from: number; to: number }> = [];
    for (let from = 1; from <= rows; from += BATCH)
      ranges.push({ from, to: Math.min(rows + 1, from + BATCH) });
    const ready = new Map<number, GeneratedRow[]>();
    const waiters = new Map<number, (batch: GeneratedRow[]) => void>();
    let failure: Error | null = null;
    let rejectWaiting: ((e: Error) => void) | null = null;
    for (const w of workers) {
      w.on('message', ({ from, batch }: { from: number; batch: GeneratedRow[] }) => {
        const waiter = waiters.get(from);
        if (waiter !== undefined) {
          waiters.delete(from);
          waiter(batch);
        } else ready.set(from, batch);
      });
      w.on('error', (e: Error) => {
        failure = e;
        rejectWaiting?.(e);
      });
    }
    const batchAt = (from: number): Promise<GeneratedRow[]> =>
      new Promise((resolve, reject) => {
        if (failure !== null) {
          reject(failure);
          return;
        }
        rejectWaiting = reject;
        const got = ready.get(from);
        if (got !== undefined) {
          ready.delete(from);
          resolve(got);
        } else waiters.set(from, resolve);
      });
    const ask = (i: number): void => {
      const range = ranges[i];
      if (range !== undefined) workers[i % workers.length]?.postMessage(range);
    };
    const inFlight = workers.length * 2;
    for (let i = 0; i < inFlight; i++) ask(i);
    for (let i = 0; i < ranges.length; i++) {
      const range = ranges[i];
      if (range === undefined) break;
      const batch = await batchAt(range.from);
      ask(i + inFlight);
      write(batch);
      onProgress?.(range.to - 1);
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Applies pending migrations to a cached database in place; null when it was up to date. */
function migrateInPlace(path: string): { names: string[]; seconds: number } | null {
  const db = new Database(path);
  const version = db.pragma('user_version', { simple: true }) as number;
  db.close();
  const pending = listMigrations().filter((m) => m.version > version);
  if (pending.length === 0) return null;
  const started = performance.now();
  const migrated = openDatabase(path);
  migrated.pragma('wal_checkpoint(TRUNCATE)');
  migrated.close();
  return { names: pending.map((m) => m.name), seconds: (performance.now() - started) / 1000 };
}

/**
 * The cached database of `rows` articles, built when missing or made by another generator;
 * migrations added since are applied to it in place. Benchmarks only read it.
 */
export async function ensureBigDb(rows: number, onProgress?: (done: number) => void): Promise<BigDb> {
  const path = join(CACHE_DIR, `articles-${String(rows)}.db`);
  const metaPath = `${path}.json`;
  const key = cacheKey(rows);
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
    if (sameRows(meta.key, rows)) {
      const migrated = migrateInPlace(path);
      const bytes = migrated === null ? meta.bytes : statSync(path).size;
      if (migrated !== null)
        writeFileSync(
          metaPath,
          JSON.stringify({
            ...meta,
            key,
            bytes,
            migrations: [...(meta.migrations ?? []), migrated],
          } satisfies Meta),
        );
      return { path, rows: meta.rows, buildSeconds: meta.buildSeconds, built: false, bytes, migrated };
    }
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${path}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, path, `${path}-wal`, `${path}-shm`, metaPath])
    rmSync(f, { force: true });
  const started = performance.now();
  await fillDatabase(tmp, rows, onProgress);
  const buildSeconds = (performance.now() - started) / 1000;
  renameSync(tmp, path);
  const bytes = statSync(path).size;
  writeFileSync(metaPath, JSON.stringify({ key, rows, buildSeconds, bytes } satisfies Meta));
  return { path, rows, buildSeconds, built: true, bytes, migrated: null };
}
