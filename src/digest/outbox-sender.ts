import { parseChatKey, type Platform } from '../domain.ts';
import type { DeliveryResult, Messenger } from '../delivery.ts';
import type { Clock, Logger } from '../ports.ts';
import type { Store } from '../store.ts';
import { createBatchedWrites } from './batched-writes.ts';
import type { Delivery } from './outbox.ts';

export interface OutboxSenderDeps {
  readonly store: Store;
  readonly messengers: ReadonlyMap<Platform, Messenger>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Injected so tests need not sleep. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Tries of one part (429s and network errors) before it waits for the next run. Default 6. */
  readonly maxAttempts?: number;
  /**
   * Chats of one platform sent to at once; each chat's parts are always sequential. Default: the
   * messenger's `concurrency()` (Telegram sizes it from its limits and the observed round trip), else 16.
   */
  readonly chatConcurrency?: number;
}

export interface OutboxSender {
  /** Sends every unsent part that is due; resolves when done or deferred. Never rejects. */
  drain(): Promise<{ sent: number; failed: number; deferred: number }>;
  /** Asks for a drain soon (after a digest was enqueued); coalesces calls. */
  kick(): void;
  start(): void;
  stop(): Promise<void>;
}

const DEFAULT_CONCURRENCY = 16;

/** Longest in-process wait for a 429 before the part is left for a later drain instead. */
const MAX_INLINE_WAIT_MS = 60_000;

/**
 * Delivers the outbox: per chat in order, each part marked 'sending' before the platform call and
 * 'sent' as soon as it answers. A part is repeated only if the process dies between those two
 * writes; it is never lost. A chat that blocked or removed the bot is paused, not retried. The
 * writes of all chats in flight are batched per event-loop turn (batched-writes.ts), each awaited
 * before the next step, so batching changes no guarantee.
 */
export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxAttempts = deps.maxAttempts ?? 6;
  let running: Promise<{ sent: number; failed: number; deferred: number }> | null = null;
  let timer: NodeJS.Timeout | null = null;
  // Mutated from other calls while a drain awaits: kept in an object so checks re-read it.
  const state = { again: false, stopped: false };
  const stopped = (): boolean => state.stopped;
  const askedAgain = (): boolean => state.again;

  const writes = createBatchedWrites(deps.store);
  const retryAt = (waitMs: number): string => new Date(deps.clock.now().getTime() + waitMs).toISOString();

  const sendOne = async (
    d: Delivery,
    messenger: Messenger,
    chatId: string,
  ): Promise<'sent' | 'failed' | 'deferred'> => {
    for (let attempt = 1; ; attempt++) {
      await writes.record({ id: d.id, to: 'sending' });
      let result: DeliveryResult;
      try {
        result = await messenger.sendPart(chatId, d.payload);
      } catch (e) {
        result = { status: 'transient', reason: e instanceof Error ? e.message : String(e) };
      }
      switch (result.status) {
        case 'sent':
          await writes.record({ id: d.id, to: 'sent', messageId: result.messageId });
          return 'sent';
        case 'rejected':
          await writes.record({ id: d.id, to: 'failed', error: result.reason });
          deps.logger.error({ chat: d.chatKey, part: d.partNo }, `digest part rejected: ${result.reason}`);
          return 'failed';
        case 'chat-unavailable':
          deps.store.setChatAvailable(d.chatKey, false);
          await writes.record({ id: d.id, to: 'pending', nextAttemptAt: retryAt(0), error: result.reason });
          deps.logger.warn(
            { chat: d.chatKey },
            `chat unavailable (${result.reason}); its subscriptions are paused`,
          );
          return 'deferred';
        case 'rate-limited':
        case 'transient': {
          const wait =
            result.status === 'rate-limited' ? result.retryAfterMs : Math.min(60_000, 500 * 2 ** attempt);
          const error = result.status === 'rate-limited' ? 'rate limited' : result.reason;
          await writes.record({ id: d.id, to: 'pending', nextAttemptAt: retryAt(wait), error });
          if (attempt >= maxAttempts || wait > MAX_INLINE_WAIT_MS || state.stopped) return 'deferred';
          await sleep(wait);
        }
      }
    }
  };

  /** How many chats of one platform to send to at once: ours if set, else what the adapter suggests. */
  const concurrencyOf = (messenger: Messenger): number =>
    Math.max(1, deps.chatConcurrency ?? messenger.concurrency?.() ?? DEFAULT_CONCURRENCY);

  const drainOnce = async (): Promise<{ sent: number; failed: number; deferred: number }> => {
    const totals = { sent: 0, failed: 0, deferred: 0 };
    const byChat = new Map<string, Delivery[]>();
    for (const d of deps.store.unsentDeliveries(10_000)) {
      const list = byChat.get(d.chatKey) ?? [];
      list.push(d);
      byChat.set(d.chatKey, list);
    }
    const byPlatform = new Map<Platform, Array<{ id: string; parts: Delivery[] }>>();
    for (const [chatKey, parts] of byChat) {
      const { platform, id } = parseChatKey(chatKey);
      const list = byPlatform.get(platform) ?? [];
      list.push({ id, parts });
      byPlatform.set(platform, list);
    }
    const worker = async (
      chats: Array<{ id: string; parts: Delivery[] }>,
      messenger: Messenger,
    ): Promise<void> => {
      for (let chat = chats.shift(); chat !== undefined && !state.stopped; chat = chats.shift()) {
        for (const d of chat.parts) {
          if (stopped()) break;
          if (d.nextAttemptAt !== null && Date.parse(d.nextAttemptAt) > deps.clock.now().getTime()) {
            totals.deferred++;
            break; // later parts wait behind it: order per chat holds
          }
          const outcome = await sendOne(d, messenger, chat.id);
          totals[outcome]++;
          if (outcome === 'deferred') break;
        }
      }
    };
    const workers: Array<Promise<void>> = [];
    for (const [platform, chats] of byPlatform) {
      const messenger = deps.messengers.get(platform);
      if (messenger === undefined) continue; // that adapter is not running in this process
      const n = Math.min(concurrencyOf(messenger), chats.length);
      for (let i = 0; i < n; i++) workers.push(worker(chats, messenger));
    }
    await Promise.all(workers);
    return totals;
  };

  const drain = (): Promise<{ sent: number; failed: number; deferred: number }> => {
    if (running !== null) {
      state.again = true;
      return running;
    }
    running = (async () => {
      const totals = { sent: 0, failed: 0, deferred: 0 };
      do {
        state.again = false;
        try {
          const r = await drainOnce();
          totals.sent += r.sent;
          totals.failed += r.failed;
          totals.deferred = r.deferred;
        } catch (e) {
          deps.logger.error({ err: e }, 'outbox drain failed');
        }
      } while (askedAgain() && !stopped());
      return totals;
    })().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    drain,
    kick: () => void drain(),
    start: () => {
      state.stopped = false;
      void drain(); // resume what a previous run left pending
      timer = setInterval(() => void drain(), 15_000);
      timer.unref();
    },
    stop: async () => {
      state.stopped = true;
      if (timer !== null) clearInterval(timer);
      await running;
    },
  };
}
