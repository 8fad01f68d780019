import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempStore, manualClock, type TempStore } from '../helpers/temp-db.ts';
import { createOutboxSender } from '../../src/digest/outbox-sender.ts';
import { silentLogger } from '../../src/ports.ts';
import type { Platform } from '../../src/domain.ts';
import type { DeliveryResult, Messenger } from '../../src/delivery.ts';
import type { Store } from '../../src/store.ts';

let t: TempStore;
const clock = manualClock('2024-06-04T12:00:00.000Z');

beforeEach(() => {
  t = openTempStore(clock);
});
afterEach(() => t.close());

const enqueue = (chatKey: string, parts: readonly string[]): void => {
  t.store.enqueueDigest({ subscriptionId: null, chatKey, slot: 's', late: false, parts, articleIds: [] });
};

const statusOf = (chatKey: string, part: string): string | undefined =>
  (
    t.db
      .prepare('SELECT status FROM deliveries WHERE chat_key = ? AND payload_json = ?')
      .get(chatKey, JSON.stringify(part)) as { status: string } | undefined
  )?.status;

/** A messenger whose sends all answer on a later turn of the event loop, so many overlap. */
function overlappingMessenger(concurrency?: number) {
  const sent: Array<{ chatId: string; part: string; states: string[] }> = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const messenger: Messenger = {
    platform: 'telegram',
    render: () => [],
    async sendPart(chatId, part): Promise<DeliveryResult> {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      // What the database says while this request is "on the wire": every part of the chat.
      const key = `telegram:${chatId}`;
      const parts = t.db
        .prepare('SELECT status FROM deliveries WHERE chat_key = ? ORDER BY part_no')
        .all(key) as Array<{ status: string }>;
      sent.push({ chatId, part: String(part), states: parts.map((p) => p.status) });
      await new Promise((r) => setImmediate(r));
      inFlight--;
      return { status: 'sent', messageId: String(sent.length) };
    },
    ...(concurrency === undefined ? {} : { concurrency: () => concurrency }),
  };
  return { messenger, sent, mostInFlight: () => mostInFlight };
}

/** Counts the store's transactions of state changes. */
function countingStore(store: Store): { store: Store; batches: number[] } {
  const batches: number[] = [];
  return {
    batches,
    store: {
      ...store,
      recordDeliveries: (changes) => {
        batches.push(changes.length);
        store.recordDeliveries(changes);
      },
    },
  };
}

const wire = (store: Store, messenger: Messenger) =>
  createOutboxSender({
    store,
    clock,
    logger: silentLogger,
    messengers: new Map<Platform, Messenger>([[messenger.platform, messenger]]),
    sleep: () => Promise.resolve(),
  });

describe('the outbox under a fan-out', () => {
  it('claims before sending and records a result before the chat’s next part, in shared transactions', async () => {
    for (let i = 0; i < 20; i++)
      enqueue(`telegram:${String(i)}`, [`${String(i)}a`, `${String(i)}b`, `${String(i)}c`]);
    const rec = overlappingMessenger();
    const counted = countingStore(t.store);
    const totals = await wire(counted.store, rec.messenger).drain();

    expect(totals).toEqual({ sent: 60, failed: 0, deferred: 0 });
    for (const s of rec.sent) {
      // While part n is on the wire: parts before it are 'sent', it is 'sending', later ones 'pending'.
      const n = ['a', 'b', 'c'].indexOf(s.part.slice(-1));
      expect(s.states).toEqual(
        ['sent', 'sent', 'sent'].map((x, i) => (i < n ? x : i === n ? 'sending' : 'pending')),
      );
    }
    for (let i = 0; i < 20; i++) {
      expect(rec.sent.filter((s) => s.chatId === String(i)).map((s) => s.part)).toEqual(
        ['a', 'b', 'c'].map((x) => `${String(i)}${x}`),
      );
      expect(statusOf(`telegram:${String(i)}`, `${String(i)}c`)).toBe('sent');
    }
    // 120 state changes (sending + sent per part); chats answering together share a transaction.
    expect(counted.batches.reduce((a, b) => a + b, 0)).toBe(120);
    expect(counted.batches.length).toBeLessThanOrEqual(12);
  });

  it('sends to as many chats at once as the messenger suggests', async () => {
    for (let i = 0; i < 40; i++) enqueue(`telegram:${String(i)}`, ['x']);
    const few = overlappingMessenger(5);
    await wire(t.store, few.messenger).drain();
    expect(few.mostInFlight()).toBe(5);

    for (let i = 40; i < 120; i++) enqueue(`telegram:${String(i)}`, ['y']);
    const many = overlappingMessenger(64);
    await wire(t.store, many.messenger).drain();
    expect(many.mostInFlight()).toBe(64);
    expect(t.store.countDeliveries('sent')).toBe(120);
  });

  it('defaults to 16 chats at once when the messenger does not say', async () => {
    for (let i = 0; i < 40; i++) enqueue(`telegram:${String(i)}`, ['x']);
    const rec = overlappingMessenger();
    await wire(t.store, rec.messenger).drain();
    expect(rec.mostInFlight()).toBe(16);
  });
});
