/**
 * Digest fan-out: one digest to many Telegram chats through bantin's own outbox sender and the
 * Telegram messenger (its send limiter scaled up), against the fake Bot API enforcing the same
 * scaled-up limits and answering 429 beyond them. Telegram's real limits (30 msg/s, 1 msg/s per
 * chat) are scaled to 300/s so the run is short; the ratio to the limit is what carries over.
 */
import { createTelegramBot } from '../adapters/telegram/bot.ts';
import { DEFAULT_SEND_LIMITS } from '../adapters/telegram/send-limiter.ts';
import { toCard } from '../src/commands/summary-card.ts';
import type { Platform } from '../src/domain.ts';
import type { Messenger } from '../src/delivery.ts';
import { createOutboxSender } from '../src/digest/outbox-sender.ts';
import { silentLogger, systemClock } from '../src/ports.ts';
import type { Reply } from '../src/reply.ts';
import { FAKE_TOKEN, startFakeTelegram, type FakeTelegram } from '../tests/helpers/fake-telegram.ts';
import { DEFAULTS, extractor, openTempDb } from './lib/core.ts';
import { generateFeeds } from './lib/feed-fixture.ts';
import { ingestFeeds } from './lib/ingest-pipeline.ts';

export interface FanoutResult {
  readonly chats: number;
  readonly partsPerChat: number;
  readonly messages: number;
  readonly seconds: number;
  readonly msgsPerS: number;
  readonly limitPerS: number;
  /**
   * Sustained rate over the limit. A sliding one-second window lets the first `limit` messages
   * go at once, so they are left out: (messages - limit) / seconds / limit. 1.0 = every later
   * second used to the full; a run of fewer than ~3x limit messages says little.
   */
  readonly vsLimit: number;
  readonly http429s: number;
  /** Chats that did not receive every part of their digest when the drain finished. */
  readonly lost: number;
  /**
   * Same-run baseline: the same parts sent straight through the messenger with no limits on
   * either side, 16 at a time (the outbox's concurrency). What this machine can push at all.
   */
  readonly rawMsgsPerS: number;
}

/** The scaled-up global limit, per second, enforced by both the fake and bantin's limiter. */
const GLOBAL_PER_S = 300;

/** Messages per second with no limiter and no fake limit, 16 sends in flight. */
async function rawSendRate(fake: FakeTelegram, chatIds: readonly number[], part: unknown): Promise<number> {
  fake.setRateLimit(null);
  const bot = createTelegramBot({
    token: FAKE_TOKEN,
    apiRoot: fake.apiRoot,
    router: { commands: [], handle: () => Promise.resolve({ blocks: [] }) },
    logger: silentLogger,
    onChatUnavailable: () => undefined,
    onChatAvailable: () => undefined,
    limits: {
      global: { max: 1_000_000, windowMs: 1000 },
      perChatIntervalMs: 0,
      group: { max: 1_000_000, windowMs: 1000 },
    },
  });
  try {
    const queue = [...chatIds];
    const t0 = performance.now();
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        await bot.messenger.sendPart(String(id), part);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return (chatIds.length / (performance.now() - t0)) * 1000;
  } finally {
    await bot.stop();
  }
}

export async function runFanoutBench(chats: number): Promise<FanoutResult> {
  const fake = await startFakeTelegram();
  fake.setRateLimit({ perSecond: GLOBAL_PER_S, perChatPerSecond: 1, retryAfter: 1 });
  const bot = createTelegramBot({
    token: FAKE_TOKEN,
    apiRoot: fake.apiRoot,
    router: { commands: [], handle: () => Promise.resolve({ blocks: [] }) },
    logger: silentLogger,
    onChatUnavailable: () => undefined,
    onChatAvailable: () => undefined,
    limits: {
      ...DEFAULT_SEND_LIMITS,
      global: { max: GLOBAL_PER_S, windowMs: 1000 },
      perChatIntervalMs: 1000,
    },
  });
  const t = openTempDb();
  try {
    // A real digest: ten stored, extracted articles as cards under a heading.
    await ingestFeeds(generateFeeds(10, 99), t.store, extractor);
    const stored = t.store.latest(10);
    const reply: Reply = {
      blocks: [{ kind: 'heading', text: 'Bản tin sáng' }, ...stored.map((s) => toCard(s, DEFAULTS))],
      linkPreview: false,
    };
    const parts = bot.messenger.render(reply);
    const slot = new Date().toISOString();
    const ids: number[] = [];
    for (let i = 0; i < chats; i++) {
      const id = 2_000_000 + i;
      ids.push(id);
      fake.addChat({ id, type: 'private', first_name: `Reader ${String(i)}` });
      t.store.enqueueDigest({
        subscriptionId: null,
        chatKey: `telegram:${String(id)}`,
        slot,
        late: false,
        parts,
        articleIds: stored.map((s) => s.article.id),
      });
    }
    const messengers = new Map<Platform, Messenger>([['telegram', bot.messenger]]);
    const outbox = createOutboxSender({
      store: t.store,
      messengers,
      clock: systemClock,
      logger: silentLogger,
    });
    const t0 = performance.now();
    await outbox.drain();
    const seconds = (performance.now() - t0) / 1000;
    const messages = fake.callsOf('sendMessage').filter((c) => c.status === 200).length;
    const http429s = fake.callsOf('sendMessage').filter((c) => c.status === 429).length;
    const lost = ids.filter((id) => fake.sentMessages(id).length < parts.length).length;
    const msgsPerS = messages / seconds;
    const rawMsgsPerS = await rawSendRate(fake, ids, parts[0]);
    return {
      chats,
      partsPerChat: parts.length,
      messages,
      seconds,
      msgsPerS,
      limitPerS: GLOBAL_PER_S,
      vsLimit: Math.max(0, (messages - GLOBAL_PER_S) / seconds) / GLOBAL_PER_S,
      http429s,
      lost,
      rawMsgsPerS,
    };
  } finally {
    t.close();
    await bot.stop();
    await fake.close();
  }
}
