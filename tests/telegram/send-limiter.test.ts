import { describe, expect, it } from 'vitest';
import {
  createSendLimiter,
  DEFAULT_SEND_LIMITS,
  type SendLimits,
} from '../../adapters/telegram/send-limiter.ts';

/**
 * A virtual clock: timers fire in time order whenever every task is blocked, so the limiter's
 * decisions are exact and the test takes no real time.
 */
function virtualClock() {
  let t = 0;
  let seq = 0;
  const timers: Array<{ at: number; seq: number; fn: () => void; cancelled: boolean }> = [];
  return {
    now: () => t,
    schedule: (fn: () => void, ms: number) => {
      const timer = { at: t + ms, seq: seq++, fn, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    /** Runs until `done` settles, jumping the clock to the next timer whenever all are waiting. */
    async drive(done: Promise<unknown>): Promise<void> {
      const state = { finished: false };
      void done.finally(() => (state.finished = true));
      for (;;) {
        await new Promise((r) => setImmediate(r));
        if (state.finished) return;
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (!next) throw new Error('virtual clock: nothing to wake');
        if (next.cancelled) continue;
        t = Math.max(t, next.at);
        next.fn();
      }
    },
  };
}

/** Small seeded PRNG (mulberry32) so a failing run can be replayed. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};

interface Sent {
  readonly chatId: string;
  /** When the permit was granted (the request leaves). */
  readonly granted: number;
  /** When the server saw it. */
  readonly arrived: number;
}

/**
 * Sends one message per entry of `chatIds` through a limiter, all asked for at once. Each request
 * reaches the server `up()` ms after its grant and is answered `down()` ms after that.
 */
async function simulate(
  chatIds: readonly string[],
  limits: SendLimits = DEFAULT_SEND_LIMITS,
  latency: { up: () => number; down: () => number } = { up: () => 0, down: () => 0 },
): Promise<Sent[]> {
  const clock = virtualClock();
  const limiter = createSendLimiter(limits, clock);
  const out: Sent[] = [];
  const all = Promise.all(
    chatIds.map(async (chatId) => {
      const permit = await limiter.acquire(chatId);
      const granted = clock.now();
      const up = latency.up();
      out.push({ chatId, granted, arrived: granted + up });
      await new Promise<void>((r) => clock.schedule(r, up + latency.down()));
      permit.release();
    }),
  );
  await clock.drive(all);
  return out;
}

/** The most arrivals a server counting a sliding window (t - windowMs, t] ever sees. */
function busiestWindow(arrivals: readonly number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let end = 0, start = 0; end < sorted.length; end++) {
    while ((sorted[start] ?? 0) <= (sorted[end] ?? 0) - windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('createSendLimiter', () => {
  it('spaces sends to one private chat one second after each answer, in call order', async () => {
    expect((await simulate(['1', '1', '1'])).map((s) => s.granted)).toEqual([0, 1000, 2000]);
    const slow = { up: () => 30, down: () => 20 };
    expect((await simulate(['1', '1', '1'], DEFAULT_SEND_LIMITS, slow)).map((s) => s.granted)).toEqual([
      0, 1050, 2100,
    ]);
  });

  it('lets different chats go at once, up to the global limit per window', async () => {
    const ids = Array.from({ length: 35 }, (_, i) => String(i + 1));
    const times = (await simulate(ids)).map((s) => s.granted);
    expect(times.filter((t) => t === 0)).toHaveLength(30);
    expect(times.filter((t) => t >= 1000)).toHaveLength(5);
  });

  it('holds a group or channel to 20 per minute', async () => {
    const sent = await simulate(Array.from({ length: 22 }, () => '-1001234567890'));
    const times = sent.map((s) => s.granted);
    expect(times.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i * 1000));
    expect(times[20]).toBe(60_000);
    expect(times[21]).toBe(61_000);
  });

  it('scales with its options (benchmarks shrink the windows)', async () => {
    const limits = {
      global: { max: 2, windowMs: 10 },
      perChatIntervalMs: 5,
      group: { max: 3, windowMs: 100 },
    };
    expect((await simulate(['a', 'b', 'c', 'a'], limits)).map((s) => `${s.chatId}@${s.granted}`)).toEqual([
      'a@0',
      'b@0',
      'c@10',
      'a@10',
    ]);
  });

  it('never lets a server counting arrivals see more than the limit, whatever the jitter', async () => {
    const random = prng(7);
    const limits = { ...DEFAULT_SEND_LIMITS, global: { max: 300, windowMs: 1000 } };
    // 3,000 sends over 600 chats; requests take 0-150 ms to arrive and 0-50 ms to be answered.
    const ids = Array.from({ length: 3000 }, (_, i) => String(1 + (i % 600)));
    const sent = await simulate(ids, limits, {
      up: () => Math.floor(random() * 150),
      down: () => Math.floor(random() * 50),
    });
    expect(sent).toHaveLength(ids.length);
    expect(
      busiestWindow(
        sent.map((s) => s.arrived),
        1000,
      ),
    ).toBe(300);
    for (const chat of ['1', '250', '600']) {
      const mine = sent.filter((s) => s.chatId === chat).map((s) => s.arrived);
      for (let i = 1; i < mine.length; i++) expect(mine[i]! - mine[i - 1]!).toBeGreaterThanOrEqual(1000);
    }
    // The budget is used, not wasted: a slot is reused one window after its answer (≤ 200 ms).
    const last = Math.max(...sent.map((s) => s.granted));
    expect(last).toBeLessThanOrEqual(Math.ceil(3000 / 300 - 1) * 1200);
  });

  it('lets other chats go while one waits for its previous answer', async () => {
    const clock = virtualClock();
    const limiter = createSendLimiter(DEFAULT_SEND_LIMITS, clock);
    const first = await limiter.acquire('1');
    const order: string[] = [];
    const second = limiter.acquire('1').then((p) => {
      order.push(`1@${String(clock.now())}`);
      p.release();
    });
    const other = limiter.acquire('2').then((p) => {
      order.push(`2@${String(clock.now())}`);
      p.release();
    });
    clock.schedule(() => first.release(), 400);
    await clock.drive(Promise.all([second, other]));
    expect(order).toEqual(['2@0', '1@1400']);
  });

  it('pauses every chat after a 429 for retry_after', async () => {
    const clock = virtualClock();
    const limiter = createSendLimiter(DEFAULT_SEND_LIMITS, clock);
    limiter.pause(3000);
    const granted: number[] = [];
    const all = Promise.all(
      ['1', '2'].map((id) =>
        limiter.acquire(id).then((p) => {
          granted.push(clock.now());
          p.release();
        }),
      ),
    );
    await clock.drive(all);
    expect(granted).toEqual([3000, 3000]);
  });

  it('rejects a waiting send when its signal aborts, and the chat moves on', async () => {
    const clock = virtualClock();
    const limiter = createSendLimiter(DEFAULT_SEND_LIMITS, clock);
    const controller = new AbortController();
    const first = await limiter.acquire('1');
    const waiting = limiter.acquire('1', controller.signal);
    const after = limiter.acquire('1');
    controller.abort();
    await expect(waiting).rejects.toThrow();
    first.release();
    const done = after.then((p) => {
      p.release();
      return clock.now();
    });
    await clock.drive(done);
    await expect(done).resolves.toBe(1000);
    await expect(limiter.acquire('2', controller.signal)).rejects.toThrow();
  });

  it('suggests enough chats in flight for the rate, the per-chat gap and the round trip', async () => {
    const limits = { ...DEFAULT_SEND_LIMITS, global: { max: 300, windowMs: 1000 } };
    const clock = virtualClock();
    const limiter = createSendLimiter(limits, clock);
    expect(createSendLimiter().suggestedConcurrency()).toBe(37); // 30/s × (1 s + 100 ms assumed) + 4
    expect(limiter.suggestedConcurrency()).toBe(334);
    const permit = await limiter.acquire('1');
    clock.schedule(() => permit.release(), 500);
    await clock.drive(new Promise<void>((r) => clock.schedule(r, 600)));
    expect(limiter.suggestedConcurrency()).toBe(454); // 300/s × 1.5 s + 4
  });
});
