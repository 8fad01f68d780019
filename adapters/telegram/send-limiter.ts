/**
 * Spaces outgoing messages to Telegram's published limits. Our own rather than
 * @grammyjs/transformer-throttler because that transformer throttles every method that has a
 * `chat_id` (so getChat/getChatMember permission checks would queue behind a digest, one per
 * second), keys buckets by `Number(chat_id)` (every `@username` shares the bucket "NaN"), and
 * cannot be stopped or driven by a test clock. This one is applied to sends only, keeps each
 * chat's sends in FIFO order, and is deterministic under an injected clock.
 */
import { setTimeout as delay } from 'node:timers/promises';

export interface SendLimits {
  /** Sends across all chats per window. Default 30 per 1000 ms: Telegram's bulk limit. */
  readonly global: { readonly max: number; readonly windowMs: number };
  /** Minimum gap between two sends to the same chat. Default 1000 ms: "about 1 per second per chat". */
  readonly perChatIntervalMs: number;
  /** Sends to one group or channel per window. Default 20 per 60 000 ms: Telegram's group limit. */
  readonly group: { readonly max: number; readonly windowMs: number };
}

export const DEFAULT_SEND_LIMITS: SendLimits = {
  global: { max: 30, windowMs: 1000 },
  perChatIntervalMs: 1000,
  group: { max: 20, windowMs: 60_000 },
};

export interface SendLimiter {
  /**
   * Resolves when a message to `chatId` may be sent now, and counts it as sent. Calls for the
   * same chat resolve in call order. Rejects if `signal` aborts while waiting.
   */
  acquire(chatId: string, signal?: AbortSignal): Promise<void>;
}

export interface SendLimiterDeps {
  /** Milliseconds clock; default Date.now. */
  readonly now?: () => number;
  /** Waits `ms`; default a timer that rejects when `signal` aborts. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

interface ChatState {
  last: number;
  times: number[];
}

/** Group, supergroup and channel ids are negative; `@username` targets are public groups/channels. */
const isGroupLike = (chatId: string): boolean => chatId.startsWith('-') || chatId.startsWith('@');

const prune = (times: number[], since: number): void => {
  while (times.length > 0 && (times[0] ?? 0) <= since) times.shift();
};

export function createSendLimiter(
  limits: SendLimits = DEFAULT_SEND_LIMITS,
  deps: SendLimiterDeps = {},
): SendLimiter {
  const now = deps.now ?? Date.now;
  const sleep =
    deps.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, signal ? { signal } : {}));
  const globalTimes: number[] = [];
  const chats = new Map<string, ChatState>();
  const tails = new Map<string, Promise<void>>();
  const idleAfter = Math.max(limits.perChatIntervalMs, limits.group.windowMs, limits.global.windowMs);

  /** Milliseconds until a send to this chat is allowed; 0 = now. */
  function waitFor(chatId: string, t: number): number {
    prune(globalTimes, t - limits.global.windowMs);
    let wait = 0;
    if (globalTimes.length >= limits.global.max) {
      wait = (globalTimes[globalTimes.length - limits.global.max] ?? t) + limits.global.windowMs - t;
    }
    const state = chats.get(chatId);
    if (state) {
      wait = Math.max(wait, state.last + limits.perChatIntervalMs - t);
      if (isGroupLike(chatId)) {
        prune(state.times, t - limits.group.windowMs);
        if (state.times.length >= limits.group.max) {
          const oldest = state.times[state.times.length - limits.group.max] ?? t;
          wait = Math.max(wait, oldest + limits.group.windowMs - t);
        }
      }
    }
    return Math.max(0, wait);
  }

  function record(chatId: string, t: number): void {
    globalTimes.push(t);
    const state = chats.get(chatId) ?? { last: t, times: [] };
    state.last = t;
    if (isGroupLike(chatId)) state.times.push(t);
    chats.set(chatId, state);
    if (chats.size > 10_000) {
      for (const [id, s] of chats) if (s.last <= t - idleAfter) chats.delete(id);
    }
  }

  async function turn(chatId: string, signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const t = now();
      const wait = waitFor(chatId, t);
      if (wait === 0) {
        record(chatId, t);
        return;
      }
      await sleep(wait, signal);
    }
  }

  return {
    acquire(chatId, signal) {
      const mine = (tails.get(chatId) ?? Promise.resolve()).then(() => turn(chatId, signal));
      const tail = mine.catch(() => undefined);
      tails.set(chatId, tail);
      void tail.then(() => {
        if (tails.get(chatId) === tail) tails.delete(chatId);
      });
      return mine;
    },
  };
}
