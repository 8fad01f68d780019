/**
 * The composition root: the only reader of process.env. Builds the store, fetcher, extractor,
 * router, adapters and scheduler, and runs either the bot (`serve`, the default) or one CLI
 * command (`npm run newsbot -- <command>`).
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { chatKey, type ChatRef, type Platform } from './domain.ts';
import type { Messenger } from './delivery.ts';
import type { Logger } from './ports.ts';
import { systemClock } from './ports.ts';
import { loadConfig, DEFAULT_FEEDS, type Config } from './config.ts';
import { ConfigError, userMessage } from './errors.ts';
import { createLogger } from './logger.ts';
import { openDatabase, type Db } from '../db/open.ts';
import { createSqliteStore } from '../db/sqlite-store.ts';
import { createSafeFetcher } from './ingest/safe-fetch.ts';
import { extract, EXTRACTOR_VERSION } from './extract/extract.ts';
import { saveDrafts, type Extractor } from './articles/save-drafts.ts';
import { draftsOf } from './articles/summarise-input.ts';
import { createFeedPoller } from './feeds/feed-poller.ts';
import { fetchFeedDrafts } from './feeds/fetch-feed.ts';
import { readOpmlFeeds } from './feeds/opml.ts';
import { createCommandRouter } from './commands/router.ts';
import { createDigestService } from './digest/digest-service.ts';
import { withTopStories } from './digest/top-stories.ts';
import { createOutboxSender } from './digest/outbox-sender.ts';
import { buildPlaceAliases } from './digest/place-aliases.ts';
import { createScheduler } from './scheduler.ts';
import { holdSchedulerLease } from './lease.ts';
import { loadExampleDrafts } from './examples.ts';
import { runCli } from './cli/run-cli.ts';
import { NotFoundError } from './errors.ts';
import { canonicalizeUrl } from './ingest/canonical-url.ts';
import { renderPlain } from '../adapters/terminal/render.ts';
import { runTerminalChat, createTerminalMessenger } from '../adapters/terminal/terminal-chat.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What a run talks to: the real process, or a test's streams. */
export interface MainIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
  /** Install SIGINT/SIGTERM handlers (the real process only). */
  readonly handleSignals: boolean;
  /** Stops a running bot gracefully (tests; the real process uses signals). */
  readonly stopSignal?: AbortSignal;
}

const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
};

async function feedList(config: Config): Promise<readonly string[]> {
  if (config.feeds !== null) return config.feeds;
  if (config.feedsFile !== null) {
    const text = await readFile(config.feedsFile, 'utf8');
    return text.trimStart().startsWith('<')
      ? readOpmlFeeds(text).map((f) => f.url)
      : text
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '' && !l.startsWith('#'));
  }
  return DEFAULT_FEEDS;
}

/** Everything both the bot and the CLI use. */
function buildCore(config: Config, logger: Logger, db: Db, io: MainIo) {
  const clock = systemClock;
  // /summary reuses today's grouped stories until an article is written through this store.
  const { store, topStories } = withTopStories(createSqliteStore(db, clock));
  const fetcher = createSafeFetcher({ allowPrivateNetwork: config.allowPrivateNetwork });
  const extractor: Extractor = { version: EXTRACTOR_VERSION, extract };
  const defaults = { lang: config.defaultLanguage, timezone: config.defaultTimezone };
  const sourceDeps = { fetcher, readFile: (p: string) => readFile(p), readStdin: () => readAll(io.stdin) };

  const addFeed = async (url: string, addedBy: string | null) => {
    const canonical = canonicalizeUrl(url);
    const existing = store.listFeeds().find((f) => f.url === canonical);
    if (existing !== undefined) return { feed: existing, created: false, articles: 0 };
    // Fetch first: a URL that is not a feed is refused with the reason, and nothing is stored.
    const { title, drafts } = await fetchFeedDrafts(canonical, fetcher);
    const { feed, created } = store.addFeed(canonical, addedBy);
    const outcomes = saveDrafts(drafts, feed.id, { store, extractor, logger });
    store.recordFeedFetch(feed.id, {
      ok: true,
      title,
      nextFetchAt: new Date(clock.now().getTime() + config.feedPollIntervalMs).toISOString(),
    });
    return { feed: store.getFeed(feed.id) ?? feed, created, articles: outcomes.length };
  };

  const summariseUrl = async (url: string) => {
    // A feed URL summarises its newest item; it is not subscribed to (that is /feeds add).
    const { drafts } = await draftsOf(url, sourceDeps);
    const [first] = saveDrafts(drafts.slice(0, 50), null, { store, extractor, logger });
    const stored = first !== undefined ? store.getArticle(first.id) : null;
    if (stored === null) throw new NotFoundError(`no article found at ${url}`);
    return stored;
  };

  const placeAliases = buildPlaceAliases();
  return {
    clock,
    store,
    topStories,
    fetcher,
    extractor,
    defaults,
    sourceDeps,
    addFeed,
    summariseUrl,
    placeAliases,
  };
}

async function serve(config: Config, logger: Logger, db: Db, io: MainIo): Promise<number> {
  const core = buildCore(config, logger, db, io);
  const { store, clock } = core;
  // Exactly one process schedules digests and sends the outbox for a database.
  const lease = holdSchedulerLease(store, clock);

  if (config.importExamples) {
    const drafts = await loadExampleDrafts(join(ROOT, 'examples'));
    saveDrafts(drafts, null, { store, extractor: core.extractor, logger });
  }
  for (const url of await feedList(config)) store.addFeed(url, null);

  const poller = createFeedPoller({
    store,
    fetcher: core.fetcher,
    extractor: core.extractor,
    clock,
    logger: logger.child({ job: 'feeds' }),
    intervalMs: config.feedPollIntervalMs,
  });

  const messengers = new Map<Platform, Messenger>();
  const terminalMode = config.telegram === null && config.discord === null;
  if (terminalMode) messengers.set('terminal', createTerminalMessenger(io.stdout));

  const outbox = createOutboxSender({ store, clock, logger: logger.child({ job: 'outbox' }), messengers });
  const digests = createDigestService({
    store,
    clock,
    logger: logger.child({ job: 'digest' }),
    messengers,
    outbox,
    defaults: core.defaults,
    maxItems: config.digestMaxItems,
    placeAliases: core.placeAliases,
  });
  const scheduler = createScheduler({
    store,
    clock,
    logger: logger.child({ job: 'scheduler' }),
    digests,
    defaults: core.defaults,
  });

  const router = createCommandRouter({
    store,
    clock,
    logger: logger.child({ job: 'commands' }),
    defaults: core.defaults,
    digestMaxItems: config.digestMaxItems,
    summariseUrl: core.summariseUrl,
    addFeed: core.addFeed,
    onSubscriptionsChanged: () => scheduler.reload(),
    digestNow: (chatKey, settings) => Promise.resolve(digests.digestNow(chatKey, settings)),
    placeAliases: core.placeAliases,
    topStories: core.topStories,
  });

  const stops: Array<() => Promise<void> | void> = [];
  let stopping: Promise<void> | null = null;
  let finished: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finished = resolve));
  const shutdown = (code: number): Promise<void> => {
    stopping ??= (async () => {
      scheduler.stop();
      await outbox.stop();
      for (const stop of stops.reverse()) await stop();
      await poller.stop();
      lease.release();
      finished(code);
    })();
    return stopping;
  };
  if (io.handleSignals) {
    process.once('SIGINT', () => void shutdown(0));
    process.once('SIGTERM', () => void shutdown(0));
  }
  io.stopSignal?.addEventListener('abort', () => void shutdown(0), { once: true });

  // A platform removed or blocked the bot in a chat: pause its digests; back: resume them.
  const chatUnavailable = (chat: ChatRef, reason: string): void => {
    store.setChatAvailable(chatKey(chat), false);
    logger.info({ chat: chatKey(chat) }, `bot unavailable in chat (${reason}): subscriptions paused`);
  };
  const chatAvailable = (chat: ChatRef): void => {
    if (store.isChatAvailable(chatKey(chat))) return;
    store.setChatAvailable(chatKey(chat), true);
    logger.info({ chat: chatKey(chat) }, 'bot is back in chat: subscriptions resumed');
    scheduler.reload();
    outbox.kick();
  };
  try {
    // Platform clients load only when configured: the terminal chat starts without them.
    if (config.telegram !== null) {
      const { createTelegramBot } = await import('../adapters/telegram/bot.ts');
      const telegram = createTelegramBot({
        token: config.telegram.token,
        ...(config.telegram.apiRoot !== null ? { apiRoot: config.telegram.apiRoot } : {}),
        router,
        limits: {
          global: { max: config.telegram.limits.perSecond, windowMs: 1000 },
          perChatIntervalMs: config.telegram.limits.chatIntervalMs,
          group: { max: config.telegram.limits.groupPerMinute, windowMs: 60_000 },
        },
        logger: logger.child({ platform: 'telegram' }),
        onChatUnavailable: chatUnavailable,
        onChatAvailable: chatAvailable,
        ...(config.telegram.webhook !== null
          ? {
              webhook: {
                url: config.telegram.webhook.url,
                port: config.telegram.webhook.port,
                secretToken: config.telegram.webhook.secret,
              },
            }
          : {}),
        onFatalError: (message) => {
          logger.error(`Telegram stopped: ${message}`);
          void shutdown(1);
        },
      });
      stops.push(() => telegram.stop());
      messengers.set('telegram', telegram.messenger);
      const { username } = await telegram.start();
      logger.info(`Telegram bot @${username} is running`);
    }
    if (config.discord !== null) {
      const { createDiscordBot } = await import('../adapters/discord/bot.ts');
      const discord = createDiscordBot({
        token: config.discord.token,
        ...(config.discord.apiRoot !== null ? { apiRoot: config.discord.apiRoot } : {}),
        ...(config.discord.guildId !== null ? { guildId: config.discord.guildId } : {}),
        router,
        logger: logger.child({ platform: 'discord' }),
        onChatUnavailable: chatUnavailable,
        onChatAvailable: chatAvailable,
      });
      stops.push(() => discord.stop());
      messengers.set('discord', discord.messenger);
      await discord.start();
      logger.info(`Discord bot is running; invite it with ${discord.inviteUrl ?? '(unknown)'}`);
    }
  } catch (e) {
    io.stderr.write(`bantin: ${userMessage(e)}\n`);
    await shutdown(1);
    return done;
  }

  poller.start();
  outbox.start();
  scheduler.reload();
  void scheduler.catchUp();

  if (terminalMode) {
    await runTerminalChat({
      input: io.stdin,
      output: io.stdout,
      router,
      interactive: io.stdin.isTTY === true,
    });
    await shutdown(0);
  }
  return done;
}

/** Runs the bot (`serve`, the default) or one CLI command; resolves to the exit code. */
export async function run(io: MainIo): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (e) {
    io.stderr.write(`bantin: ${e instanceof ConfigError ? e.message : String(e)}\n`);
    return 1;
  }
  const [command = 'serve', ...args] = io.argv;
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.telegram?.token, config.discord?.token].filter((s): s is string => s !== undefined),
    pretty: io.stderr.isTTY === true || (config.telegram === null && config.discord === null),
    destination: io.stderr,
  });
  const db = openDatabase(config.databasePath);
  try {
    if (command === 'serve') return await serve(config, logger, db, io);
    const core = buildCore(config, logger, db, io);
    return await runCli(command, args, {
      ...core.sourceDeps,
      store: core.store,
      extractor: core.extractor,
      logger,
      defaults: core.defaults,
      digestMaxItems: config.digestMaxItems,
      placeAliases: core.placeAliases,
      stdout: io.stdout,
      stderr: io.stderr,
      now: () => core.clock.now(),
      renderText: renderPlain,
      addFeed: async (url) => {
        const r = await core.addFeed(url, null);
        return { id: r.feed.id, created: r.created, articles: r.articles };
      },
      backup: async (path) => {
        // One step: page-by-page backup restarts on every write by the running bot and may never end.
        await db.backup(path, { progress: ({ totalPages }) => totalPages });
      },
    });
  } finally {
    db.close();
  }
}

// import.meta.url has symlinks resolved, argv[1] not (a deployment's /srv/bantin/current/dist/main.js).
const isEntryPoint =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (isEntryPoint) {
  run({
    argv: process.argv.slice(2),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    handleSignals: true,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`bantin: ${userMessage(e)}\n`);
      process.exitCode = 1;
    },
  );
}
