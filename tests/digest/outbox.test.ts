import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempStore, manualClock, type TempStore } from '../helpers/temp-db.ts';
import { recordingMessenger } from '../helpers/recording-messenger.ts';
import { aDraft, aSave } from '../helpers/builders.ts';
import { createOutboxSender } from '../../src/digest/outbox-sender.ts';
import { createDigestService } from '../../src/digest/digest-service.ts';
import { createScheduler } from '../../src/scheduler.ts';
import { silentLogger } from '../../src/ports.ts';
import type { Platform } from '../../src/domain.ts';
import type { Messenger } from '../../src/delivery.ts';

let t: TempStore;
const clock = manualClock('2024-06-04T12:00:00.000Z');
const defaults = { lang: 'vi' as const, timezone: 'Asia/Ho_Chi_Minh' };

const wire = (messenger: Messenger) => {
  const messengers = new Map<Platform, Messenger>([[messenger.platform, messenger]]);
  const outbox = createOutboxSender({
    store: t.store,
    clock,
    logger: silentLogger,
    messengers,
    sleep: () => Promise.resolve(),
  });
  const digests = createDigestService({
    store: t.store,
    clock,
    logger: silentLogger,
    messengers,
    outbox,
    defaults,
    maxItems: 10,
  });
  const scheduler = createScheduler({ store: t.store, clock, logger: silentLogger, digests, defaults });
  return { outbox, digests, scheduler };
};

beforeEach(() => {
  t = openTempStore(clock);
  clock.set('2024-06-04T12:00:00.000Z');
  for (let i = 0; i < 12; i++) {
    t.store.saveArticle(
      aSave(
        aDraft({
          url: `https://example.vn/${String(i)}`,
          title: `Tin số ${String(i)}: ${['bão', 'giá vàng', 'bóng đá', 'giao thông', 'y tế', 'giáo dục'][i % 6] ?? ''} ${String(i * 7919)}`,
          body: `Nội dung riêng của bài ${String(i)} với mã ${String(i * 104729)} và nhiều chi tiết khác nhau ${'x'.repeat(i)}.`,
          publishedAt: new Date(Date.parse('2024-06-04T06:00:00Z') + i * 60_000).toISOString(),
        }),
      ),
    );
  }
});
afterEach(() => t.close());

describe('the digest outbox', () => {
  it('catches up once after 3 days down, labelled late, not once per missed slot', async () => {
    clock.set('2024-06-01T00:30:00.000Z');
    t.store.addSubscription({ chatKey: 'terminal:local', schedule: '0 * * * *', filter: null });
    clock.set('2024-06-04T12:00:00.000Z'); // 3 days later: 83 hourly slots were missed
    const rec = recordingMessenger('terminal');
    const { scheduler } = wire(rec.messenger);
    await scheduler.catchUp();
    await scheduler.catchUp();
    const digests = t.db.prepare('SELECT late FROM digests').all() as Array<{ late: number }>;
    expect(digests).toEqual([{ late: 1 }]);
    expect(rec.sent.length).toBeGreaterThan(0);
    expect(rec.sent[0]?.part).toContain('(gửi muộn)');
  });

  it('delivers every part in order through 429s and never repeats an article', async () => {
    const sub = t.store.addSubscription({ chatKey: 'terminal:local', schedule: '0 7 * * *', filter: null });
    const rec = recordingMessenger('terminal', 200);
    rec.script.push(
      { status: 'rate-limited', retryAfterMs: 1000 },
      { status: 'sent', messageId: '1' },
      { status: 'transient', reason: 'ECONNRESET' },
      { status: 'rate-limited', retryAfterMs: 1000 },
    );
    const { digests } = wire(rec.messenger);
    await digests.runSubscription(sub, new Date('2024-06-04T00:00:00Z'), false);
    expect(t.store.countDeliveries('pending') + t.store.countDeliveries('sending')).toBe(0);
    const total = t.store.countDeliveries('sent');
    expect(total).toBeGreaterThan(3);
    const parts = (
      t.db.prepare('SELECT payload_json FROM deliveries ORDER BY part_no').all() as Array<{
        payload_json: string;
      }>
    ).map((r) => JSON.parse(r.payload_json) as string);
    // each part exactly once, in order, whatever the platform answered in between
    expect(rec.sent.map((s) => s.part)).toEqual(parts);

    // same slot again: nothing composed twice; a new slot: nothing new to say
    await digests.runSubscription(sub, new Date('2024-06-04T00:00:00Z'), false);
    const [current] = t.store.listSubscriptions('terminal:local');
    await digests.runSubscription(current!, new Date('2024-06-05T00:00:00Z'), false);
    expect(t.store.countDeliveries('sent')).toBe(total);
  });

  it('pauses a chat that blocked the bot and resumes its pending parts when it is back', async () => {
    const sub = t.store.addSubscription({ chatKey: 'terminal:local', schedule: '0 7 * * *', filter: null });
    const rec = recordingMessenger('terminal', 200);
    rec.script.push({ status: 'chat-unavailable', reason: 'Forbidden: bot was blocked by the user' });
    const { digests, outbox } = wire(rec.messenger);
    await digests.runSubscription(sub, new Date('2024-06-04T00:00:00Z'), false);
    expect(rec.sent).toHaveLength(0);
    expect(t.store.listSubscriptions('terminal:local')[0]?.paused).toBe(true);
    await outbox.drain(); // nothing is retried against a blocked chat
    expect(rec.sent).toHaveLength(0);
    t.store.setChatAvailable('terminal:local', true);
    await outbox.drain();
    expect(rec.sent.length).toBe(t.store.countDeliveries('sent'));
    expect(t.store.countDeliveries('pending')).toBe(0);
  });

  it('resumes parts a crashed process left in "sending"', async () => {
    const digestId = t.store.enqueueDigest({
      subscriptionId: null,
      chatKey: 'terminal:local',
      slot: 'x',
      late: false,
      parts: ['a', 'b', 'c'],
      articleIds: [],
    });
    const [first] = t.store.unsentDeliveries(10);
    t.store.markSending(first!.id); // the process died here, before the platform answered
    const rec = recordingMessenger('terminal');
    await wire(rec.messenger).outbox.drain();
    expect(digestId).not.toBeNull();
    expect(rec.sent.map((s) => s.part)).toEqual(['a', 'b', 'c']);
  });

  it('sends nothing for an empty digest, unless the chat asked for "nothing new" notices', async () => {
    clock.set('2024-06-10T00:00:00.000Z'); // days after every stored story
    const rec = recordingMessenger('terminal');
    const { digests } = wire(rec.messenger);
    const quiet = t.store.addSubscription({ chatKey: 'terminal:quiet', schedule: '0 7 * * *', filter: null });
    await digests.runSubscription(quiet, new Date('2024-06-10T00:00:00Z'), false);
    expect(rec.sent).toHaveLength(0);
    t.store.updateChatSettings('terminal:told', { notifyEmpty: true });
    const told = t.store.addSubscription({ chatKey: 'terminal:told', schedule: '0 7 * * *', filter: null });
    await digests.runSubscription(told, new Date('2024-06-10T00:00:00Z'), false);
    expect(rec.sent.map((x) => x.part)).toEqual(['Không có tin mới kể từ bản tin trước.']);
  });
});
