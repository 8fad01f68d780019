/**
 * Does bantin's send limiter keep a real client under Telegram's per-group limit? The real grammY
 * bot and limiter (the path every digest part takes: messenger.sendPart) send a burst to one group
 * through the fake Bot API, which counts sends to a group the way Telegram does and answers 429
 * over it. Both sides use a scaled window (5 per 1.5 s for 20 per minute) so the test takes
 * seconds. The fake's per-chat and global limits and the limiter's per-chat gap are set out of the
 * way, so a 429 here can only come from the group limit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderTelegram } from '../../adapters/telegram/render.ts';
import type { SendLimits } from '../../adapters/telegram/send-limiter.ts';
import { aCard, startHarness, type Harness } from './support.ts';

const GROUP = -1001000004001;
/** What the fake enforces per group. */
const SERVER_GROUP_LIMIT = { max: 5, windowMs: 1500 };
/** Two windows' worth: the limiter must hold the second half back. */
const BURST = 10;

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** Sends BURST digest-like parts to GROUP at once, the limiter holding `group`; returns what the fake saw. */
async function burst(group: SendLimits['group']) {
  h = await startHarness({
    bot: { limits: { global: { max: 30, windowMs: 1000 }, perChatIntervalMs: 0, group } },
  });
  const { fake, bot } = h;
  fake.addChat({ id: GROUP, type: 'supergroup', title: 'Nhóm đọc tin' });
  fake.setRateLimit({ perSecond: 30, perChatPerSecond: 30, perGroup: SERVER_GROUP_LIMIT });
  const parts = Array.from({ length: BURST }, (_, i) => renderTelegram({ blocks: [aCard(i + 1)] }));
  expect(parts.every((p) => p.length === 1)).toBe(true);
  const results = await Promise.all(parts.map(([part]) => bot.messenger.sendPart(String(GROUP), part)));
  return {
    statuses: results.map((r) => r.status),
    expected: parts.map(([part]) => part?.text),
    delivered: fake.sentMessages(GROUP).map((m) => m.text),
    refused: fake.callsOf('sendMessage').filter((c) => c.status === 429).length,
  };
}

describe('Telegram sends to one group under the fake per-group limit', () => {
  it('a limiter with the same group limit delivers the whole burst, in order, with no 429', async () => {
    const r = await burst(SERVER_GROUP_LIMIT);
    expect(r.refused).toBe(0);
    expect(r.statuses).toEqual(Array.from({ length: BURST }, () => 'sent'));
    expect(r.delivered).toEqual(r.expected);
  });

  it('a limiter looser than the server gets 429s for the same burst (so the test above can fail)', async () => {
    const r = await burst({ max: BURST, windowMs: SERVER_GROUP_LIMIT.windowMs });
    expect(r.refused).toBeGreaterThan(0);
    expect(r.statuses).toContain('rate-limited');
    // What did get through still came in order.
    expect(r.delivered).toEqual(r.expected.filter((text) => r.delivered.includes(text ?? '')));
  });
});
