import { parseChatKey, type Platform } from '../domain.ts';
import type { DeliveryResult, Messenger } from '../delivery.ts';
import type { Clock, Logger } from '../ports.ts';
import type { Store } from '../store.ts';
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
  /** Chats sent to at once; each chat's parts are always sequential. Default 16. */
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

/** Longest in-process wait for a 429 before the part is left for a later drain instead. */
const MAX_INLINE_WAIT_MS = 60_000;

/**
 * Delivers the outbox: per chat in order, each part marked 'sending' before the platform call and
 * 'sent' as soon as it answers. A part is repeated only if the process dies between those two
 * writes; it is never lost. A chat that blocked or removed the bot is paused, not retried.
 */
export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxAttempts = deps.maxAttempts ?? 6;
  const concurrency = deps.chatConcurrency ?? 16;
  let running: Promise<{ sent: number; failed: number; deferred: number }> | null = null;
  let timer: NodeJS.Timeout | null = null;
  // Mutated from other calls while a drain awaits: kept in an object so checks re-read it.
  const state = { again: false, stopped: false };
  const stopped = (): boolean => state.stopped;
  const askedAgain = (): boolean => state.again;

  const sendOne = async (
    d: Delivery,
    messenger: Messenger,
    chatId: string,
  ): Promise<'sent' | 'failed' | 'deferred'> => {
    for (let attempt = 1; ; attempt++) {
      deps.store.markSending(d.id);
      let result: DeliveryResult;
      try {
        result = await messenger.sendPart(chatId, d.payload);
      } catch (e) {
        result = { status: 'transient', reason: e instanceof Error ? e.message : String(e) };
      }
      switch (result.status) {
        case 'sent':
          deps.store.markSent(d.id, result.messageId);
          return 'sent';
        case 'rejected':
          deps.store.markFailed(d.id, result.reason);
          deps.logger.error({ chat: d.chatKey, part: d.partNo }, `digest part rejected: ${result.reason}`);
          return 'failed';
        case 'chat-unavailable':
          deps.store.setChatAvailable(d.chatKey, false);
          deps.store.retryLater(d.id, deps.clock.now().toISOString(), result.reason);
          deps.logger.warn(
            { chat: d.chatKey },
            `chat unavailable (${result.reason}); its subscriptions are paused`,
          );
          return 'deferred';
        case 'rate-limited':
        case 'transient': {
          const wait =
            result.status === 'rate-limited' ? result.retryAfterMs : Math.min(60_000, 500 * 2 ** attempt);
          const reason = result.status === 'rate-limited' ? 'rate limited' : result.reason;
          if (attempt >= maxAttempts || wait > MAX_INLINE_WAIT_MS || state.stopped) {
            deps.store.retryLater(d.id, new Date(deps.clock.now().getTime() + wait).toISOString(), reason);
            return 'deferred';
          }
          deps.store.retryLater(d.id, new Date(deps.clock.now().getTime() + wait).toISOString(), reason);
          await sleep(wait);
        }
      }
    }
  };

  const drainOnce = async (): Promise<{ sent: number; failed: number; deferred: number }> => {
    const totals = { sent: 0, failed: 0, deferred: 0 };
    const byChat = new Map<string, Delivery[]>();
    for (const d of deps.store.unsentDeliveries(10_000)) {
      const list = byChat.get(d.chatKey) ?? [];
      list.push(d);
      byChat.set(d.chatKey, list);
    }
    const chats = [...byChat.entries()];
    const worker = async (): Promise<void> => {
      for (let entry = chats.shift(); entry !== undefined && !state.stopped; entry = chats.shift()) {
        const [chatKey, parts] = entry;
        const { platform, id } = parseChatKey(chatKey);
        const messenger = deps.messengers.get(platform);
        if (messenger === undefined) continue; // that adapter is not running in this process
        for (const d of parts) {
          if (stopped()) break;
          if (d.nextAttemptAt !== null && Date.parse(d.nextAttemptAt) > deps.clock.now().getTime()) {
            totals.deferred++;
            break; // later parts wait behind it: order per chat holds
          }
          const outcome = await sendOne(d, messenger, id);
          totals[outcome]++;
          if (outcome === 'deferred') break;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, chats.length) }, worker));
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
