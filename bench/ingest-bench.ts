/**
 * Ingest throughput: feed bytes to stored, deduplicated, extracted and search-indexed rows,
 * against the storage limit measured in the same run — plain batched inserts of the same rows
 * (articles + FTS + summaries) into the same schema, with nothing parsed or extracted.
 */
import { saveDrafts } from '../src/articles/save-drafts.ts';
import type { ArticleDraft, Extraction } from '../src/domain.ts';
import { fetchFeedDrafts } from '../src/feeds/fetch-feed.ts';
import { contentFingerprint } from '../src/ingest/canonical-url.ts';
import { silentLogger } from '../src/ports.ts';
import { foldAccents } from '../src/text/vietnamese.ts';
import { extractor, openTempDb } from './lib/core.ts';
import { generateFeeds, type FeedFixture } from './lib/feed-fixture.ts';
import { memoryFetcher } from './lib/ingest-pipeline.ts';
import { since } from './lib/stats.ts';

export interface IngestResult {
  readonly items: number;
  readonly inserted: number;
  readonly fixtureMb: number;
  readonly articlesPerS: number;
  readonly rawInsertPerS: number;
  readonly ratio: number;
  /** Milliseconds per stage over the whole fixture. */
  readonly stagesMs: { readonly parse: number; readonly save: number; readonly total: number };
  /** The next poll of the same feeds, every item already stored: milliseconds per item. */
  readonly repollMsPerItem: number;
}

interface RawRow {
  readonly draft: ArticleDraft;
  readonly fingerprint: string;
  readonly foldedTitle: string;
  readonly foldedBody: string;
  readonly extraction: Extraction;
}

/** The storage limit: the same rows, prepared beforehand, inserted in one transaction per feed. */
function rawInsertMs(rows: readonly RawRow[], perFeed: number): number {
  const t = openTempDb();
  try {
    const { db } = t;
    const insert = db.prepare(`INSERT INTO articles
      (feed_id, url, guid, fingerprint, title, body, lang, source, published_at, fetched_at, sort_at)
      VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const fts = db.prepare('INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)');
    // The store also writes the two recent-article indexes (db/search-index.ts); 2,000 rows stay
    // inside their window, so nothing is pruned here either.
    const recent = db.prepare('INSERT INTO recent_search (rowid, title, body) VALUES (?, ?, ?)');
    const recentTitle = db.prepare('INSERT INTO recent_titles (rowid, title) VALUES (?, ?)');
    const summary = db.prepare(`INSERT INTO summaries
      (article_id, extractor_version, who_json, what, when_text, when_date, where_json, evidence_json, facets, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const now = new Date().toISOString();
    const batch = db.transaction((slice: readonly RawRow[]) => {
      for (const r of slice) {
        const d = r.draft;
        const at = d.publishedAt ?? now;
        const id = Number(
          insert.run(d.url, d.guid, r.fingerprint, d.title, d.body, d.lang, d.source, d.publishedAt, now, at)
            .lastInsertRowid,
        );
        fts.run(id, r.foldedTitle, r.foldedBody);
        recent.run(id, r.foldedTitle, r.foldedBody);
        recentTitle.run(id, r.foldedTitle);
        const e = r.extraction;
        summary.run(
          id,
          extractor.version,
          JSON.stringify(e.who),
          e.what,
          e.when.text,
          e.when.date,
          JSON.stringify(e.where),
          JSON.stringify(e.evidence),
          '',
          now,
        );
      }
    });
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += perFeed) batch(rows.slice(i, i + perFeed));
    return since(t0);
  } finally {
    t.close();
  }
}

/** Items ingested, untimed, into a throw-away database before the timed run. */
const WARM_UP_ITEMS = 200;

/**
 * A bot ingests for days: JIT compilation and the first use of each parser (chrono-node's
 * patterns, linkedom, the gazetteers) happen once per process, not per feed. The timed run starts
 * warm, as the extract section's warm-up pass and the reply sections' warm-up commands do.
 */
async function warmUp(seed: number): Promise<void> {
  const feeds = generateFeeds(WARM_UP_ITEMS, seed);
  const fetcher = memoryFetcher(feeds);
  const t = openTempDb();
  try {
    for (const f of feeds) {
      const { drafts } = await fetchFeedDrafts(f.url, fetcher);
      const feed = t.store.addFeed(f.url, null).feed;
      saveDrafts(drafts, feed.id, { store: t.store, extractor, logger: silentLogger });
    }
  } finally {
    t.close();
  }
}

/** Ingests `items` generated feed items (3-8 KB each) into a fresh database. */
export async function runIngestBench(items: number, seed = 7): Promise<IngestResult> {
  await warmUp(seed + 1);
  const feeds: FeedFixture[] = generateFeeds(items, seed);
  const fetcher = memoryFetcher(feeds);
  const t = openTempDb();
  let parseMs = 0;
  let saveMs = 0;
  let inserted = 0;
  let total = 0;
  let repollMs: number;
  const allDrafts: ArticleDraft[] = [];
  try {
    for (const f of feeds) {
      const t0 = performance.now();
      const { drafts } = await fetchFeedDrafts(f.url, fetcher);
      const t1 = performance.now();
      const feed = t.store.addFeed(f.url, null).feed;
      const outcomes = saveDrafts(drafts, feed.id, { store: t.store, extractor, logger: silentLogger });
      const t2 = performance.now();
      parseMs += t1 - t0;
      saveMs += t2 - t1;
      total += drafts.length;
      inserted += outcomes.filter((o) => o.status === 'inserted').length;
      allDrafts.push(...drafts);
    }
    // A bot polls the same feeds again and again: most items of a poll are already stored.
    const r0 = performance.now();
    for (const f of feeds) {
      const { drafts } = await fetchFeedDrafts(f.url, fetcher);
      const feed = t.store.addFeed(f.url, null).feed;
      saveDrafts(drafts, feed.id, { store: t.store, extractor, logger: silentLogger });
    }
    repollMs = performance.now() - r0;
  } finally {
    t.close();
  }
  // Prepared outside the timing: the baseline is the database's work only.
  const rows: RawRow[] = allDrafts.map((draft) => ({
    draft,
    fingerprint: contentFingerprint(draft.title, draft.body),
    foldedTitle: foldAccents(draft.title),
    foldedBody: foldAccents(draft.body),
    extraction: extractor.extract(draft),
  }));
  const rawMs = rawInsertMs(rows, 500);
  const pipelineMs = parseMs + saveMs;
  const articlesPerS = (total / pipelineMs) * 1000;
  const rawInsertPerS = (rows.length / rawMs) * 1000;
  return {
    items: total,
    inserted,
    fixtureMb: feeds.reduce((n, f) => n + f.bytes.length, 0) / 1_048_576,
    articlesPerS,
    rawInsertPerS,
    ratio: articlesPerS / rawInsertPerS,
    stagesMs: { parse: parseMs, save: saveMs, total: pipelineMs },
    repollMsPerItem: repollMs / Math.max(1, total),
  };
}
