/**
 * Outbox state writes, batched: changes made in the same turn of the event loop (many chats'
 * answers arrive together during a fan-out) are committed in one transaction just after it. Each
 * caller waits for its own commit, so a part is never sent before its claim is stored, and the next
 * part of a chat never before the previous part's result is.
 */
import type { DeliveryChange, OutboxStore } from './outbox.ts';

export interface BatchedWrites {
  /** Resolves once `change` is committed; rejects if its transaction failed. */
  record(change: DeliveryChange): Promise<void>;
}

interface Queued {
  readonly change: DeliveryChange;
  readonly done: () => void;
  readonly failed: (e: unknown) => void;
}

export function createBatchedWrites(store: Pick<OutboxStore, 'recordDeliveries'>): BatchedWrites {
  let queued: Queued[] = [];

  const flush = (): void => {
    const batch = queued;
    queued = [];
    try {
      store.recordDeliveries(batch.map((q) => q.change));
    } catch (e) {
      for (const q of batch) q.failed(e);
      return;
    }
    for (const q of batch) q.done();
  };

  return {
    record: (change) =>
      new Promise<void>((done, failed) => {
        // setImmediate runs after the I/O callbacks of this turn: every answer that arrived with
        // this one joins the same transaction, at no added wait.
        if (queued.length === 0) setImmediate(flush);
        queued.push({ change, done, failed });
      }),
  };
}
