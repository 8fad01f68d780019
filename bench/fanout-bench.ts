/**
 * Digest fan-out: one digest to many Telegram chats through bantin's own outbox sender and the
 * Telegram messenger (its send limiter scaled up), against the fake Bot API enforcing the same
 * scaled-up limits and answering 429 beyond them. Telegram's real limits (30 msg/s, 1 msg/s per
 * chat) are scaled to 300/s so the run is short; the ratio to the limit is what carries over.
 * The fake and the bot share this process, so on a busy machine the raw rate (no limits, same run)
 * can fall below the limit: `vsCeiling` then says how much of what was possible the fan-out used.
 */
import { createTelegramBot, type TelegramBot } from '../adapters/telegram/bot.ts';
import { DEFAULT_SEND_LIMITS, type SendLimits } from '../adapters/telegram/send-limiter.ts';
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
  /** From the drain's start to its end (reading the outbox, claims and the first burst included). */
  readonly seconds: number;
  readonly msgsPerS: number;
  readonly limitPerS: number;
  /** Chats the outbox sent to at once (the Telegram messenger's suggestion). */
  readonly concurrency: number;
  /**
   * Sustained rate: messages answered in the whole seconds that follow the first answer. A sender
   * that respects a sliding one-second window can put at most `limit` into each of those seconds,
   * so this is at most the limit, and the first second's burst is not held against the rest.
   */
  readonly sustainedPerS: number;
  /** sustainedPerS / limit. */
  readonly vsLimit: number;
  /**
   * sustainedPerS / min(limit, rawSustainedPerS): how much of what this machine allowed at the time
   * was used. On a loaded machine the raw rate falls below the limit and the limit is out of reach.
   */
  readonly vsCeiling: number;
  readonly http429s: number;
  /** Chats that did not receive every part of their digest when the drain finished. */
  readonly lost: number;
  /**
   * Same-run baseline: the same parts sent straight through a messenger with no limits on either
   * side (a second fake), as many at once as the outbox, measured the same way just before and
   * just after the fan-out; the mean of the two.
   */
  readonly rawSustainedPerS: number;
  readonly rawRuns: readonly number[];
}

/** The scaled-up global limit, per second, enforced by both the fake and bantin's limiter. */
const GLOBAL_PER_S = 300;

/** Messages answered per whole second after the first answer (see FanoutResult.sustainedPerS). */
export function sustainedRate(answeredAt: readonly number[]): number {
  const first = answeredAt[0];
  const last = answeredAt.at(-1);
  if (first === undefined || last === undefined || last === first) return 0;
  const span = last - first;
  const whole = span >= 1000 ? Math.floor(span / 1000) * 1000 : span;
  return (answeredAt.filter((t) => t < first + whole).length / whole) * 1000;
}

/** Wraps a messenger to note when each part was answered as sent. */
function timed(messenger: Messenger, answeredAt: number[]): Messenger {
  return {
    ...messenger,
    sendPart: async (chatId, part) => {
      const result = await messenger.sendPart(chatId, part);
      if (result.status === 'sent') answeredAt.push(performance.now());
      return result;
    },
  };
}

/** A Telegram bot that only sends (no commands), against `fake`, spacing sends by `limits`. */
const sendingBot = (fake: FakeTelegram, limits: SendLimits): TelegramBot =>
  createTelegramBot({
    token: FAKE_TOKEN,
    apiRoot: fake.apiRoot,
    router: { commands: [], handle: () => Promise.resolve({ blocks: [] }) },
    logger: silentLogger,
    onChatUnavailable: () => undefined,
    onChatAvailable: () => undefined,
    limits,
  });

/** Sustained messages per second with no limiter and no fake limit, `concurrency` sends in flight. */
async function rawSendRate(chats: number, part: unknown, concurrency: number): Promise<number> {
  const fake = await startFakeTelegram();
  const bot = sendingBot(fake, {
    global: { max: 1_000_000, windowMs: 1000 },
    perChatIntervalMs: 0,
    group: { max: 1_000_000, windowMs: 1000 },
  });
  try {
    const queue: string[] = [];
    for (let i = 0; i < chats; i++) {
      fake.addChat({ id: 3_000_000 + i, type: 'private', first_name: `Raw ${String(i)}` });
      queue.push(String(3_000_000 + i));
    }
    const answeredAt: number[] = [];
    const messenger = timed(bot.messenger, answeredAt);
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) await messenger.sendPart(id, part);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return sustainedRate(answeredAt);
  } finally {
    await bot.stop();
    await fake.close();
  }
}

/** `limitPerS` is the global limit of both the fake and the limiter; default 300. */
export async function runFanoutBench(chats: number, limitPerS = GLOBAL_PER_S): Promise<FanoutResult> {
  const fake = await startFakeTelegram();
  fake.setRateLimit({ perSecond: limitPerS, perChatPerSecond: 1, retryAfter: 1 });
  const bot = sendingBot(fake, {
    ...DEFAULT_SEND_LIMITS,
    global: { max: limitPerS, windowMs: 1000 },
    perChatIntervalMs: 1000,
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
    const concurrency = bot.messenger.concurrency?.() ?? 16;
    await rawSendRate(Math.min(chats, 300), parts[0], concurrency); // warm-up: JIT, sockets
    const rawBefore = await rawSendRate(chats, parts[0], concurrency);
    const answeredAt: number[] = [];
    const messengers = new Map<Platform, Messenger>([['telegram', timed(bot.messenger, answeredAt)]]);
    const outbox = createOutboxSender({
      store: t.store,
      messengers,
      clock: systemClock,
      logger: silentLogger,
    });
    const t0 = performance.now();
    await outbox.drain();
    const seconds = (performance.now() - t0) / 1000;
    const rawAfter = await rawSendRate(chats, parts[0], concurrency);
    const messages = fake.callsOf('sendMessage').filter((c) => c.status === 200).length;
    const http429s = fake.callsOf('sendMessage').filter((c) => c.status === 429).length;
    const lost = ids.filter((id) => fake.sentMessages(id).length < parts.length).length;
    const sustainedPerS = sustainedRate(answeredAt);
    const rawSustainedPerS = (rawBefore + rawAfter) / 2;
    return {
      chats,
      partsPerChat: parts.length,
      messages,
      seconds,
      msgsPerS: messages / seconds,
      limitPerS,
      concurrency,
      sustainedPerS,
      vsLimit: sustainedPerS / limitPerS,
      vsCeiling: sustainedPerS / Math.min(limitPerS, rawSustainedPerS),
      http429s,
      lost,
      rawSustainedPerS,
      rawRuns: [rawBefore, rawAfter],
    };
  } finally {
    t.close();
    await bot.stop();
    await fake.close();
  }
}
