import { describe, expect, it } from 'vitest';
import { createSendLimiter, DEFAULT_SEND_LIMITS } from '../../adapters/telegram/send-limiter.ts';

/**
 * A virtual clock: sleepers wake in time order when every other task is blocked, so the
 * limiter's decisions are exact and the test takes no real time.
 */
function virtualClock() {
  let t = 0;
  const timers: Array<{ at: number; seq: number; wake: () => void }> = [];
  let seq = 0;
  return {
    now: () => t,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        timers.push({ at: t + ms, seq: seq++, wake });
      }),
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
        t = Math.max(t, next.at);
        next.wake();
      }
    },
  };
}

async function sendTimes(
  chatIds: readonly string[],
  limits = DEFAULT_SEND_LIMITS,
): Promise<Array<[string, number]>> {
  const clock = virtualClock();
  const limiter = createSendLimiter(limits, clock);
  const out: Array<[string, number]> = [];
  const all = Promise.all(chatIds.map((id) => limiter.acquire(id).then(() => out.push([id, clock.now()]))));
  await clock.drive(all);
  return out;
}

describe('createSendLimiter', () => {
  it('spaces sends to one private chat one second apart, in call order', async () => {
    expect(await sendTimes(['1', '1', '1'])).toEqual([
      ['1', 0],
      ['1', 1000],
      ['1', 2000],
    ]);
  });

  it('lets different chats go at once, up to the global limit per second', async () => {
    const ids = Array.from({ length: 35 }, (_, i) => String(i + 1));
    const times = (await sendTimes(ids)).map(([, t]) => t);
    expect(times.filter((t) => t === 0)).toHaveLength(30);
    expect(times.filter((t) => t >= 1000)).toHaveLength(5);
  });

  it('holds a group or channel to 20 per minute', async () => {
    const times = (await sendTimes(Array.from({ length: 22 }, () => '-1001234567890'))).map(([, t]) => t);
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
    expect((await sendTimes(['a', 'b', 'c', 'a'], limits)).map(([id, t]) => `${id}@${t}`)).toEqual([
      'a@0',
      'b@0',
      'c@10',
      'a@10',
    ]);
  });

  it('rejects a waiting send when its signal aborts', async () => {
    const limiter = createSendLimiter(DEFAULT_SEND_LIMITS);
    const controller = new AbortController();
    await limiter.acquire('1', controller.signal);
    const waiting = limiter.acquire('1', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
  });
});
