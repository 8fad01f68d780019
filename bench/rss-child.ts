/**
 * Child process of the memory benchmark (a fresh process, so nothing the other benchmarks
 * loaded counts): the bot with both adapters connected to the parent's fakes, idle, then
 * ingesting generated feeds through the real pipeline. Prints one JSON line on stdout.
 * Run with --expose-gc so the figures are taken after a full collection.
 */
import { createDiscordBot } from '../adapters/discord/bot.ts';
import { createTelegramBot } from '../adapters/telegram/bot.ts';
import { silentLogger, systemClock } from '../src/ports.ts';
import { createBenchRouter, extractor, openTempDb } from './lib/core.ts';
import { generateFeeds, ITEMS_PER_FEED } from './lib/feed-fixture.ts';
import { ingestFeeds } from './lib/ingest-pipeline.ts';
import { rssMb } from './lib/stats.ts';

interface ChildConfig {
  readonly telegram: { readonly apiRoot: string; readonly token: string };
  readonly discord: { readonly apiRoot: string; readonly token: string; readonly guildId: string };
  readonly ingestItems: number;
  readonly budgetSeconds: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const collect = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
};
const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const t = openTempDb(systemClock);
const router = createBenchRouter(t.store, systemClock);
const common = {
  router,
  logger: silentLogger,
  onChatUnavailable: () => undefined,
  onChatAvailable: () => undefined,
};
const telegram = createTelegramBot({
  ...common,
  token: config.telegram.token,
  apiRoot: config.telegram.apiRoot,
});
const discord = createDiscordBot({ ...common, ...config.discord });
await telegram.start();
await discord.start();
// Let start-up garbage and the first long poll settle before measuring "idle".
await settle(1_500);
collect();
const idleMb = rssMb();

const started = performance.now();
let ingested = 0;
for (let offset = 0; offset < config.ingestItems; offset += ITEMS_PER_FEED) {
  if ((performance.now() - started) / 1000 > config.budgetSeconds) break;
  const feeds = generateFeeds(Math.min(ITEMS_PER_FEED, config.ingestItems - offset), 1000 + offset, offset);
  ingested += (await ingestFeeds(feeds, t.store, extractor)).inserted;
}
const ingestSeconds = (performance.now() - started) / 1000;
collect();
const afterMb = rssMb();
const heapMb = process.memoryUsage().heapUsed / 1_048_576;

await discord.stop();
await telegram.stop();
t.close();
process.stdout.write(`${JSON.stringify({ idleMb, afterMb, heapMb, ingested, ingestSeconds })}\n`);
