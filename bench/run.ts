/**
 * `npm run bench [-- --quick]`: bantin's benchmarks (issue 7). Prints a readable table, then as
 * its last line one JSON object with every figure. Each section has a size and a time budget,
 * so a slow section reports how much it managed instead of stretching the run; the budgets keep
 * the full run under 5 minutes on 2 cores once the big database is cached, --quick under 60 s.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/open.ts';
import { createSqliteStore } from '../db/sqlite-store.ts';
import { runExtractBench } from './extract-bench.ts';
import { runFanoutBench } from './fanout-bench.ts';
import { runIngestBench } from './ingest-bench.ts';
import { runDiscordReplyBench, runTelegramReplyBench } from './reply-bench.ts';
import { runRssBench } from './rss-bench.ts';
import { runSearchBench } from './search-bench.ts';
import { CACHE_DIR, ensureBigDb } from './lib/build-db.ts';
import { createBenchRouter, fixedClock } from './lib/core.ts';
import { CORPUS_END } from './lib/generated-rows.ts';
import { round } from './lib/stats.ts';
import { printTable, type Row } from './table.ts';

interface Sizes {
  readonly extractPasses: number;
  readonly ingestItems: number;
  readonly dbRows: number;
  readonly searchQueries: number;
  readonly searchBudgetS: number;
  readonly replyCommands: number;
  readonly replyBudgetS: number;
  readonly fanoutChats: number;
  readonly rssIngestItems: number;
  readonly rssBudgetS: number;
}

const FULL: Sizes = {
  extractPasses: 25,
  ingestItems: 2_000,
  dbRows: 1_000_000,
  searchQueries: 1_000,
  searchBudgetS: 40,
  replyCommands: 1_000,
  replyBudgetS: 40,
  fanoutChats: 2_000,
  rssIngestItems: 100_000,
  rssBudgetS: 45,
};

const QUICK: Sizes = {
  extractPasses: 5,
  ingestItems: 200,
  dbRows: 1_000_000,
  searchQueries: 200,
  searchBudgetS: 3,
  replyCommands: 100,
  replyBudgetS: 3,
  fanoutChats: 900,
  rssIngestItems: 10_000,
  rssBudgetS: 4,
};

/** Quick runs without the cached million-row database use this many rows rather than build it. */
const QUICK_FALLBACK_ROWS = 20_000;
const DEV_DIR = join(
  fileURLToPath(new URL('.', import.meta.url)),
  '..',
  '..',
  'shared',
  'data',
  'eval',
  'dev',
);

const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);
const num = (x: number | null, digits = 2): number | null =>
  x === null || !Number.isFinite(x) ? null : round(x, digits);

const SECTIONS = ['extract', 'ingest', 'search', 'reply', 'fanout', 'rss'] as const;

/**
 * `--only search,reply` runs just those sections (the JSON then holds only their keys), so one
 * figure can be re-measured without the whole run; search and reply share the big database.
 */
function sectionFilter(argv: readonly string[]): (section: string) => boolean {
  const at = argv.indexOf('--only');
  const arg = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (arg === undefined) return () => true;
  const chosen = new Set(arg.split(',').map((x) => x.trim()));
  for (const name of chosen) {
    if (!(SECTIONS as readonly string[]).includes(name)) {
      throw new Error(`bench: unknown section "${name}"; sections: ${SECTIONS.join(', ')}`);
    }
  }
  return (section) => (section === 'db' ? chosen.has('search') || chosen.has('reply') : chosen.has(section));
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const sizes = quick ? QUICK : FULL;
  const wants = sectionFilter(process.argv);
  const started = performance.now();
  const rows: Row[] = [];
  const figures: Record<string, number | string | boolean | null> = {};

  if (wants('extract')) {
    log(`extract: ${String(sizes.extractPasses)} passes over the dev articles`);
    const ex = runExtractBench(DEV_DIR, sizes.extractPasses);
    figures.extract_articles_per_s = num(ex.articlesPerS, 1);
    rows.push({
      key: 'extract_articles_per_s',
      value: figures.extract_articles_per_s,
      target: '>= 1000',
      holds: ex.articlesPerS === null ? null : ex.articlesPerS >= 1000,
      note: ex.note,
    });
  }

  if (wants('ingest')) {
    log(`ingest: ${String(sizes.ingestItems)} feed items`);
    const ing = await runIngestBench(sizes.ingestItems);
    figures.ingest_articles_per_s = num(ing.articlesPerS, 1);
    figures.ingest_raw_insert_per_s = num(ing.rawInsertPerS, 1);
    figures.ingest_vs_raw_insert = num(ing.ratio, 3);
    figures.ingest_items = ing.items;
    figures.ingest_parse_ms_per_item = num(ing.stagesMs.parse / ing.items, 2);
    figures.ingest_save_ms_per_item = num(ing.stagesMs.save / ing.items, 2);
    figures.ingest_repoll_ms_per_item = num(ing.repollMsPerItem, 2);
    rows.push({
      key: 'ingest_articles_per_s',
      value: figures.ingest_articles_per_s,
      target: '',
      holds: null,
      note: `${String(ing.items)} items, ${ing.fixtureMb.toFixed(1)} MB of RSS; per item: fetchFeedDrafts ${String(figures.ingest_parse_ms_per_item)} ms, saveDrafts ${String(figures.ingest_save_ms_per_item)} ms`,
    });
    rows.push({
      key: 'ingest_vs_raw_insert',
      value: figures.ingest_vs_raw_insert,
      target: '>= 0.25',
      holds: ing.ratio >= 0.25,
      note: `raw batched insert of the same rows: ${String(figures.ingest_raw_insert_per_s)}/s`,
    });
    rows.push({
      key: 'ingest_repoll_ms_per_item',
      value: figures.ingest_repoll_ms_per_item,
      target: '',
      holds: null,
      note: 'the next poll of the same feeds, every item already stored: parsed, fingerprinted, not summarised again',
    });
  }

  if (wants('db')) {
    let dbRows = sizes.dbRows;
    if (quick) {
      // Quick runs use the big database only when it is already built.
      if (!existsSync(join(CACHE_DIR, `articles-${String(sizes.dbRows)}.db`))) dbRows = QUICK_FALLBACK_ROWS;
    }
    log(`database: ${String(dbRows)} articles (built once under bench/.cache/)`);
    let lastShown = 0;
    const big = await ensureBigDb(dbRows, (done) => {
      if (done - lastShown >= dbRows / 10) {
        lastShown = done;
        log(`  built ${String(done)} rows`);
      }
    });
    figures.db_articles = big.rows;
    figures.db_build_s = num(big.buildSeconds, 1);
    figures.db_mb = num(big.bytes / 1_048_576, 0);
    rows.push({
      key: 'db_build_s',
      value: figures.db_build_s,
      target: '',
      holds: null,
      note: `${String(big.rows)} articles, ${String(figures.db_mb)} MB; ${big.built ? 'built in this run' : 'cached (time of the build that made it)'}`,
    });

    const db = openDatabase(big.path);
    try {
      // The database's newest article is an hour old: "today's top stories" are the last 24 h of it.
      const clock = fixedClock(new Date(Date.parse(CORPUS_END) + 3_600_000).toISOString());
      const store = createSqliteStore(db, clock);

      if (wants('search')) {
        log(`search: ${String(sizes.searchQueries)} queries (budget ${String(sizes.searchBudgetS)} s)`);
        const se = runSearchBench(store, sizes.searchQueries, sizes.searchBudgetS);
        figures.search_p50_ms = num(se.p50Ms);
        figures.search_p99_ms = num(se.p99Ms);
        figures.search_queries = se.queries;
        figures.search_cpu_p50_ms = num(se.cpuP50Ms);
        figures.search_cpu_p99_ms = num(se.cpuP99Ms);
        rows.push({
          key: 'search_p50_ms',
          value: figures.search_p50_ms,
          target: '',
          holds: null,
          note: `${String(se.queries)} queries (${String(se.accented)} with accents: p99 ${String(num(se.accentedP99Ms))} ms), ${String(Math.round(se.hitRate * 100))}% found something; CPU time per query p50 ${String(figures.search_cpu_p50_ms)} / p99 ${String(figures.search_cpu_p99_ms)} ms`,
        });
        rows.push({
          key: 'search_p99_ms',
          value: figures.search_p99_ms,
          target: '<= 20',
          holds: se.p99Ms <= 20,
          note: `slowest: ${se.slowest.map((s) => `"${s.query}" ${s.ms.toFixed(0)} ms`).join(', ')}`,
        });
      }

      if (wants('reply')) {
        const router = createBenchRouter(store, clock);
        const platforms = [
          { name: 'telegram', key: 'summary_reply', parts: 'message(s)', run: runTelegramReplyBench },
          { name: 'discord', key: 'discord_summary_reply', parts: 'part(s)', run: runDiscordReplyBench },
        ];
        for (const platform of platforms) {
          log(
            `${platform.name} /summary: ${String(sizes.replyCommands)} commands (budget ${String(sizes.replyBudgetS)} s)`,
          );
          const r = await platform.run(router, sizes.replyCommands, sizes.replyBudgetS);
          figures[`${platform.key}_p50_ms`] = num(r.p50Ms);
          figures[`${platform.key}_p99_ms`] = num(r.p99Ms);
          figures[`${platform.key}_commands`] = r.commands;
          rows.push({
            key: `${platform.key}_p50_ms`,
            value: num(r.p50Ms),
            target: '',
            holds: null,
            note: r.note,
          });
          rows.push({
            key: `${platform.key}_p99_ms`,
            value: num(r.p99Ms),
            target: '<= 50',
            holds: r.p99Ms === null ? null : r.p99Ms <= 50,
            note: `${String(r.commands)} commands, ${String(r.parts)} ${platform.parts} each`,
          });
        }
      }
    } finally {
      db.close();
    }
  }

  if (wants('fanout')) {
    log(`fan-out: one digest to ${String(sizes.fanoutChats)} Telegram chats`);
    const fo = await runFanoutBench(sizes.fanoutChats);
    figures.fanout_msgs_per_s = num(fo.msgsPerS, 1);
    figures.fanout_vs_limit = num(fo.vsLimit, 3);
    figures.fanout_429s = fo.http429s;
    figures.fanout_lost = fo.lost;
    figures.fanout_chats = fo.chats;
    figures.fanout_raw_msgs_per_s = num(fo.rawSustainedPerS, 1);
    figures.fanout_sustained_per_s = num(fo.sustainedPerS, 1);
    figures.fanout_vs_ceiling = num(fo.vsCeiling, 3);
    figures.fanout_concurrency = fo.concurrency;
    rows.push({
      key: 'fanout_msgs_per_s',
      value: figures.fanout_msgs_per_s,
      target: '',
      holds: null,
      note: `${String(fo.messages)} messages (${String(fo.partsPerChat)} per chat) in ${fo.seconds.toFixed(1)} s`,
    });
    rows.push({
      key: 'fanout_vs_limit',
      value: figures.fanout_vs_limit,
      target: '>= 0.9',
      holds: fo.vsLimit >= 0.9,
      note: `sustained ${String(figures.fanout_sustained_per_s)}/s (whole seconds after the first answer); limit ${String(fo.limitPerS)}/s global, 1/s per chat in fake and limiter; ${String(fo.concurrency)} chats at once`,
    });
    rows.push({
      key: 'fanout_vs_ceiling',
      value: figures.fanout_vs_ceiling,
      target: '',
      holds: null,
      note: `sustained / min(limit, same run with no limits: ${fo.rawRuns.map((r) => r.toFixed(0)).join(' and ')}/s before and after)`,
    });
    rows.push({ key: 'fanout_429s', value: fo.http429s, target: '0', holds: fo.http429s === 0, note: '' });
    rows.push({
      key: 'fanout_lost',
      value: fo.lost,
      target: '0',
      holds: fo.lost === 0,
      note: 'chats without their whole digest when the drain ended',
    });
  }

  if (wants('rss')) {
    log(
      `memory: both adapters idle, then ingest up to ${String(sizes.rssIngestItems)} items (budget ${String(sizes.rssBudgetS)} s)`,
    );
    const rss = await runRssBench(sizes.rssIngestItems, sizes.rssBudgetS);
    figures.rss_idle_mb = num(rss.idleMb, 1);
    figures.rss_after_ingest_mb = num(rss.afterIngestMb, 1);
    figures.rss_heap_after_ingest_mb = num(rss.heapAfterIngestMb, 1);
    figures.rss_ingested_articles = rss.ingested;
    rows.push({
      key: 'rss_idle_mb',
      value: figures.rss_idle_mb,
      target: '<= 150',
      holds: rss.idleMb === null ? null : rss.idleMb <= 150,
      note: 'npm start (node dist/main.js), fresh, after gc',
    });
    rows.push({
      key: 'rss_after_ingest_mb',
      value: figures.rss_after_ingest_mb,
      target: '',
      holds: null,
      note: `${rss.note}; V8 heap ${String(figures.rss_heap_after_ingest_mb)} MB`,
    });
  }

  figures.cores = availableParallelism();
  figures.node = process.version;
  figures.load_avg_1m = num(loadavg()[0] ?? 0, 2);
  figures.quick = quick;
  figures.total_s = num((performance.now() - started) / 1000, 1);
  printTable(
    rows,
    `bantin bench${quick ? ' --quick' : ''} · Node ${process.version} · ${String(figures.cores)} cores · load ${String(figures.load_avg_1m)} · ${String(figures.total_s)} s`,
  );
  // Exit once the JSON is out: a client library's stray timer must not hold the run open.
  process.stdout.write(`${JSON.stringify(figures)}\n`, () => process.exit(0));
}

await main();
