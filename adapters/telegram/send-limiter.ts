/**
 * Spaces outgoing messages to Telegram's published limits. Our own rather than
 * @grammyjs/transformer-throttler because that transformer throttles every method that has a
 * `chat_id` (so getChat/getChatMember permission checks would queue behind a digest, one per
 * second), keys buckets by `Number(chat_id)` (every `@username` shares the bucket "NaN"), and
 * cannot be stopped or driven by a test clock. This one is applied to sends only, keeps each
 * chat's sends in FIFO order, and is deterministic under an injected clock.
 *
 * Exact against a server that counts a message when it arrives: a send is counted from the moment
 * its permit is granted (before the request leaves) until one window after its answer came back
 * (`release`). The request cannot arrive before the grant nor after the answer, so whatever the
 * latency and its jitter, no window the server looks at can hold more than the limit. The price
 * is the round trip: a slot is reused every `window + latency`, about 0.97 of the limit at 30 ms.
 */

export interface SendLimits {
  /** Sends across all chats per window. Default 30 per 1000 ms: Telegram's bulk limit. */
  readonly global: { readonly max: number; readonly windowMs: number };
  /** Minimum gap from one send's answer to the next send to the same chat. Default 1000 ms: "about 1 per second per chat". */
  readonly perChatIntervalMs: number;
  /** Sends to one group or channel per window. Default 20 per 60 000 ms: Telegram's group limit. */
  readonly group: { readonly max: number; readonly windowMs: number };
}

export const DEFAULT_SEND_LIMITS: SendLimits = {
  global: { max: 30, windowMs: 1000 },
  perChatIntervalMs: 1000,
  group: { max: 20, windowMs: 60_000 },
};

/** The right to send one message now. */
export interface SendPermit {
  /** Call once the platform answered or the request failed; later calls do nothing. */
  release(): void;
}

export interface SendLimiter {
  /**
   * Resolves when a message to `chatId` may be sent now. Calls for the same chat resolve in call
   * order, each after the previous permit for that chat was released. Rejects if `signal` aborts
   * while waiting.
   */
  acquire(chatId: string, signal?: AbortSignal): Promise<SendPermit>;
  /** A 429 came anyway: no permit is granted to any chat for `ms`. */
  pause(ms: number): void;
  /**
   * How many chats are worth sending to at once to keep the limit busy: the global rate times
   * (the per-chat gap + the observed round trip), plus a few. Multi-part digests hold a chat for
   * the per-chat gap between parts, so fewer chats would leave the global budget unused.
   */
  suggestedConcurrency(): number;
}

export interface SendLimiterDeps {
  /** Milliseconds clock; default Date.now. */
  readonly now?: () => number;
  /** Runs `fn` after `ms`; returns a cancel function. Default setTimeout. */
  readonly schedule?: (fn: () => void, ms: number) => () => void;
}

interface ChatState {
  inFlight: boolean;
  /** When the last send to this chat was answered. */
  lastRelease: number;
  /** Group-like chats: when each recent send stops counting (answer + group window), ascending. */
  groupExpiries: number[];
}

interface Waiter {
  readonly chatId: string;
  readonly resolve: (permit: SendPermit) => void;
  readonly reject: (reason: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

/** Group, supergroup and channel ids are negative; `@username` targets are public groups/channels. */
const isGroupLike = (chatId: string): boolean => chatId.startsWith('-') || chatId.startsWith('@');

const prune = (expiries: number[], t: number): void => {
  let n = 0;
  while (n < expiries.length && (expiries[n] ?? 0) <= t) n++;
  if (n > 0) expiries.splice(0, n);
};

/** Round trip assumed before any send was measured. */
const DEFAULT_RTT_MS = 100;
const RTT_SAMPLES = 128;
const MAX_CONCURRENCY = 1000;

const defaultSchedule = (fn: () => void, ms: number): (() => void) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

export function createSendLimiter(
  limits: SendLimits = DEFAULT_SEND_LIMITS,
  deps: SendLimiterDeps = {},
): SendLimiter {
  const now = deps.now ?? Date.now;
  const schedule = deps.schedule ?? defaultSchedule;
  const { max, windowMs } = limits.global;
  const waiters: Waiter[] = [];
  const chats = new Map<string, ChatState>();
  /** When each answered send stops counting against the global limit, ascending. */
  const expiries: number[] = [];
  const rtts: number[] = [];
  let inFlight = 0;
  let pausedUntil = -Infinity;
  let timer: { at: number; cancel: () => void } | null = null;
  const idleAfter = Math.max(limits.perChatIntervalMs, limits.group.windowMs);

  const chatState = (chatId: string): ChatState => {
    let state = chats.get(chatId);
    if (!state) {
      state = { inFlight: false, lastRelease: -Infinity, groupExpiries: [] };
      chats.set(chatId, state);
    }
    return state;
  };

  function forgetIdleChats(t: number): void {
    if (chats.size <= 10_000) return;
    for (const [id, s] of chats) {
      if (!s.inFlight && s.lastRelease <= t - idleAfter) chats.delete(id);
    }
  }

  function arm(at: number): void {
    if (timer?.at === at) return;
    timer?.cancel();
    timer = null;
    if (at === Infinity) return;
    const t = now();
    timer = {
      at,
      cancel: schedule(
        () => {
          timer = null;
          pump();
        },
        Math.max(0, at - t),
      ),
    };
  }

  /** Earliest time the global limit frees a slot, or Infinity when only an answer can. */
  function globalFreeAt(): number {
    const needed = inFlight + expiries.length - max + 1;
    if (needed <= 0) return -Infinity;
    return needed <= expiries.length ? (expiries[needed - 1] ?? Infinity) : Infinity;
  }

  /** Earliest time this chat may send again, or Infinity while its previous send is unanswered. */
  function chatFreeAt(chatId: string, t: number): number {
    const state = chats.get(chatId);
    if (!state) return -Infinity;
    if (state.inFlight) return Infinity;
    let at = state.lastRelease + limits.perChatIntervalMs;
    if (isGroupLike(chatId)) {
      prune(state.groupExpiries, t);
      const over = state.groupExpiries.length - limits.group.max;
      if (over >= 0) at = Math.max(at, state.groupExpiries[over] ?? Infinity);
    }
    return at;
  }

  function grant(chatId: string): SendPermit {
    const granted = now();
    inFlight++;
    const state = chatState(chatId);
    state.inFlight = true;
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        const t = now();
        inFlight--;
        state.inFlight = false;
        state.lastRelease = t;
        expiries.push(t + windowMs);
        if (isGroupLike(chatId)) state.groupExpiries.push(t + limits.group.windowMs);
        rtts.push(t - granted);
        if (rtts.length > RTT_SAMPLES) rtts.shift();
        forgetIdleChats(t);
        pump();
      },
    };
  }

  /** Grants every waiter that may go now, in arrival order per chat; arms a timer for the rest. */
  function pump(): void {
    const t = now();
    prune(expiries, t);
    let wakeAt = Infinity;
    if (t < pausedUntil) {
      if (waiters.length > 0) wakeAt = pausedUntil;
    } else {
      const blocked = new Set<string>();
      for (let i = 0; i < waiters.length;) {
        const free = globalFreeAt();
        if (free > t) {
          wakeAt = Math.min(wakeAt, free);
          break;
        }
        const w = waiters[i];
        if (w === undefined) break;
        if (blocked.has(w.chatId)) {
          i++;
          continue;
        }
        const chatAt = chatFreeAt(w.chatId, t);
        if (chatAt > t) {
          // Later sends to this chat wait behind this one; other chats go ahead.
          blocked.add(w.chatId);
          wakeAt = Math.min(wakeAt, chatAt);
          i++;
          continue;
        }
        waiters.splice(i, 1);
        w.signal?.removeEventListener('abort', w.onAbort);
        w.resolve(grant(w.chatId));
      }
    }
    arm(wakeAt);
  }

  return {
    acquire(chatId, signal) {
      return new Promise<SendPermit>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason as Error);
          return;
        }
        const waiter: Waiter = {
          chatId,
          resolve,
          reject,
          signal,
          onAbort: () => {
            const at = waiters.indexOf(waiter);
            if (at >= 0) waiters.splice(at, 1);
            reject(signal?.reason as Error);
            pump(); // a chat's later sends may have waited behind this one
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        waiters.push(waiter);
        pump();
      });
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
      pump();
    },
    suggestedConcurrency() {
      const sorted = [...rtts].sort((a, b) => a - b);
      const rtt =
        sorted.length > 0 ? (sorted[Math.floor(sorted.length * 0.9)] ?? DEFAULT_RTT_MS) : DEFAULT_RTT_MS;
      const perSecond = max / windowMs;
      const wanted = Math.ceil(perSecond * (limits.perChatIntervalMs + rtt)) + 4;
      return Math.max(1, Math.min(MAX_CONCURRENCY, wanted));
    },
  };
}
