import type { Db } from './open.ts';
import type {
  Delivery,
  DeliveryChange,
  DeliveryStatus,
  NewDigest,
  OutboxStore,
} from '../src/digest/outbox.ts';

interface DeliveryRow {
  id: number;
  digest_id: number;
  part_no: number;
  chat_key: string;
  payload_json: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
}

const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  digestId: r.digest_id,
  partNo: r.part_no,
  chatKey: r.chat_key,
  payload: JSON.parse(r.payload_json) as unknown,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
});

/** The outbox half of the SQLite store. */
export function createOutboxQueries(db: Db, nowIso: () => string): OutboxStore {
  const q = {
    ensureChat: db.prepare('INSERT INTO chats (key, created_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
    insertDigest: db.prepare(`INSERT INTO digests (subscription_id, chat_key, slot, late, created_at)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (subscription_id, slot) DO NOTHING`),
    insertPart: db.prepare(
      'INSERT INTO deliveries (digest_id, part_no, chat_key, payload_json) VALUES (?, ?, ?, ?)',
    ),
    markArticle: db.prepare(
      'INSERT INTO delivered_articles (chat_key, article_id, digest_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    advanceSub: db.prepare('UPDATE subscriptions SET last_slot_at = ?, last_digest_at = ? WHERE id = ?'),
    unsent: db.prepare<[number], DeliveryRow>(`SELECT d.* FROM deliveries d JOIN chats c ON c.key = d.chat_key
      WHERE d.status IN ('pending', 'sending') AND c.available = 1 ORDER BY d.digest_id, d.part_no LIMIT ?`),
    sending: db.prepare("UPDATE deliveries SET status = 'sending', attempts = attempts + 1 WHERE id = ?"),
    sent: db.prepare(
      "UPDATE deliveries SET status = 'sent', message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?",
    ),
    retry: db.prepare(
      "UPDATE deliveries SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?",
    ),
    failed: db.prepare("UPDATE deliveries SET status = 'failed', last_error = ? WHERE id = ?"),
    count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM deliveries WHERE status = ?'),
  };

  const enqueue = db.transaction((d: NewDigest): number | null => {
    q.ensureChat.run(d.chatKey, nowIso());
    const info = q.insertDigest.run(d.subscriptionId, d.chatKey, d.slot, d.late ? 1 : 0, nowIso());
    if (info.changes === 0) return null;
    const digestId = Number(info.lastInsertRowid);
    d.parts.forEach((part, i) => q.insertPart.run(digestId, i, d.chatKey, JSON.stringify(part)));
    for (const id of d.articleIds) q.markArticle.run(d.chatKey, id, digestId);
    if (d.subscriptionId !== null) q.advanceSub.run(d.slot, nowIso(), d.subscriptionId);
    return digestId;
  });

  const apply = (c: DeliveryChange): void => {
    switch (c.to) {
      case 'sending':
        q.sending.run(c.id);
        return;
      case 'sent':
        q.sent.run(c.messageId, nowIso(), c.id);
        return;
      case 'pending':
        q.retry.run(c.nextAttemptAt, c.error, c.id);
        return;
      case 'failed':
        q.failed.run(c.error, c.id);
    }
  };
  const record = db.transaction((changes: readonly DeliveryChange[]) => {
    for (const c of changes) apply(c);
  });

  return {
    enqueueDigest: (d) => enqueue.immediate(d),
    unsentDeliveries: (limit) => q.unsent.all(limit).map(toDelivery),
    markSending: (id) => void q.sending.run(id),
    markSent: (id, messageId) => void q.sent.run(messageId, nowIso(), id),
    retryLater: (id, at, error) => void q.retry.run(at, error, id),
    markFailed: (id, error) => void q.failed.run(error, id),
    recordDeliveries: (changes) => {
      if (changes.length > 0) record.immediate(changes);
    },
    countDeliveries: (status) => q.count.get(status)?.n ?? 0,
  };
}
