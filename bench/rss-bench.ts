/**
 * Memory: resident set size of the bot as `npm start` runs it — compiled (scripts/build.ts),
 * `node dist/main.js`, configured through the environment — with both adapters connected to the
 * fakes and nothing to do (idle), then after its feed poller has ingested generated feeds from
 * a loopback server for the time budget. The fakes and the feed server run here; the bot runs in
 * a child process with bench/rss-probe.ts preloaded, which answers with its memory after gc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { openDatabase, type Db } from '../db/open.ts';
import { createSqliteStore } from '../db/sqlite-store.ts';
import { buildBot, DIST_DIR } from '../scripts/build.ts';
import { startFakeDiscord } from '../tests/helpers/fake-discord.ts';
import { startFakeTelegram } from '../tests/helpers/fake-telegram.ts';
import { startFixtureServer, type FixtureRoute } from '../tests/helpers/fixture-server.ts';
import { generateFeeds } from './lib/feed-fixture.ts';

export interface RssResult {
  readonly idleMb: number | null;
  readonly afterIngestMb: number | null;
  readonly heapAfterIngestMb: number | null;
  /** Articles actually ingested (the time budget may stop short of the target). */
  readonly ingested: number;
  readonly ingestSeconds: number;
  readonly note: string;
}

interface Memory {
  readonly rssMb: number;
  readonly heapMb: number;
}

const PROBE = join(DIST_DIR, 'bench', 'rss-probe.js');
/** Start-up garbage and the first long poll settle before "idle" is measured. */
const SETTLE_MS = 1_500;
/** The poller looks for due feeds every FEED_POLL_INTERVAL (at least 10 s). */
const FIRST_FETCH_TIMEOUT_MS = 30_000;
/**
 * Items per generated feed. A feed is stored in one synchronous step, so smaller feeds than a
 * real 500-item window let the memory reading (which waits for the event loop) follow the budget.
 */
const ITEMS_PER_FEED = 100;

/** The Node flags `npm start` gives the bot (package.json), so the benchmark runs it the same way. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  };
  const m = /\bnode((?: --\S+)*) dist\/main\.js/.exec(pkg.scripts.start);
  if (m === null) throw new Error('the start script in package.json does not run node dist/main.js');
  return (m[1] ?? '').split(' ').filter((f) => f !== '');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `check` holds, polling; rejects with `what` after `timeoutMs` or if the bot exits. */
async function until(
  check: () => boolean,
  child: ChildProcess,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (child.exitCode !== null) throw new Error(`bot exited (${String(child.exitCode)}) before ${what}`);
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function askMemory(child: ChildProcess): Promise<Memory> {
  const answer = once(child, 'message') as Promise<[Memory]>;
  child.send('memory');
  return answer.then(([m]) => m);
}

export async function runRssBench(ingestItems: number, budgetSeconds: number): Promise<RssResult> {
  // Measure the build and flags `npm start` would run now, and the probe compiled like it (no tsx).
  const flags = startFlags();
  await buildBot();
  await build({
    entryPoints: [fileURLToPath(new URL('./rss-probe.ts', import.meta.url))],
    outfile: PROBE,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });

  const telegram = await startFakeTelegram();
  const discord = await startFakeDiscord({ heartbeatIntervalMs: 41_250 });
  const guildId = '100';
  discord.addGuild({ id: guildId, name: 'Tin tức', channels: [{ id: '200', name: 'news' }] });
  const feedCount = Math.ceil(ingestItems / ITEMS_PER_FEED);
  // Each feed is generated when it is fetched: this process never holds them all.
  const feedRoute = (i: number) => (): FixtureRoute => {
    const offset = i * ITEMS_PER_FEED;
    const [feed] = generateFeeds(Math.min(ITEMS_PER_FEED, ingestItems - offset), 1000 + offset, offset);
    return { body: feed?.bytes ?? '', headers: { 'content-type': feed?.contentType ?? 'text/xml' } };
  };
  const feeds = await startFixtureServer(
    Object.fromEntries(Array.from({ length: feedCount }, (_, i) => [`/feed-${String(i)}.rss`, feedRoute(i)])),
  );
  const dir = mkdtempSync(join(tmpdir(), 'bantin-rss-'));
  const dbPath = join(dir, 'bantin.db');
  const feedsFile = join(dir, 'feeds.txt');
  writeFileSync(feedsFile, '# none at start: the benchmark adds its feeds once idle is measured\n');

  let stderr = '';
  const child = spawn(
    process.execPath,
    [...flags, '--expose-gc', '--import', pathToFileURL(PROBE).href, join(DIST_DIR, 'main.js')],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_PATH: dbPath,
        FEEDS_FILE: feedsFile,
        FEED_POLL_INTERVAL: '10s',
        ALLOW_PRIVATE_NETWORK: 'true',
        LOG_LEVEL: 'info',
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        DISCORD_BOT_TOKEN: discord.token,
        DISCORD_API_ROOT: discord.apiRoot,
        DISCORD_GUILD_ID: guildId,
      },
    },
  );
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let db: Db | null = null;
  try {
    await until(() => stderr.includes('Discord bot is running'), child, 'both bots connected', 60_000);
    await sleep(SETTLE_MS);
    const idle = await askMemory(child);

    // Opened only now: the bot has created the database and run the migrations.
    const opened = openDatabase(dbPath);
    db = opened;
    const articles = (): number =>
      (opened.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const before = articles();
    const store = createSqliteStore(opened);
    for (let i = 0; i < feedCount; i++) store.addFeed(feeds.url(`/feed-${String(i)}.rss`), null);
    await until(() => feeds.requests.length > 0, child, 'the first feed fetch', FIRST_FETCH_TIMEOUT_MS);
    const started = performance.now();
    await until(
      () => articles() - before >= ingestItems || performance.now() - started > budgetSeconds * 1000,
      child,
      'the ingest budget',
      budgetSeconds * 1000 + 60_000,
    );
    const after = await askMemory(child);
    const ingestSeconds = (performance.now() - started) / 1000;
    const ingested = articles() - before;
    return {
      idleMb: idle.rssMb,
      afterIngestMb: after.rssMb,
      heapAfterIngestMb: after.heapMb,
      ingested,
      ingestSeconds,
      note:
        ingested < ingestItems
          ? `${String(ingested)} of ${String(ingestItems)} articles in the ${String(budgetSeconds)} s budget`
          : `${String(ingested)} articles`,
    };
  } catch (e) {
    const reason =
      stderr
        .trim()
        .split('\n')
        .find((l) => /error|fatal/i.test(l)) ?? (e instanceof Error ? e.message : String(e));
    return {
      idleMb: null,
      afterIngestMb: null,
      heapAfterIngestMb: null,
      ingested: 0,
      ingestSeconds: 0,
      note: `bot failed: ${reason.slice(0, 160)}`,
    };
  } finally {
    // Graceful stop first; nothing is measured any more, so a feed being stored is not waited for.
    child.kill('SIGTERM');
    if (child.connected) child.disconnect();
    const exited =
      child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
    const stopped = await Promise.race([exited.then(() => true), sleep(3_000).then(() => false)]);
    if (!stopped) child.kill('SIGKILL');
    db?.close();
    rmSync(dir, { recursive: true, force: true });
    await feeds.close();
    await discord.close();
    await telegram.close();
  }
}
