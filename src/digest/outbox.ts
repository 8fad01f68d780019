/** The digest outbox: digests are stored with their rendered parts before anything is sent. */

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface NewDigest {
  readonly subscriptionId: number | null;
  readonly chatKey: string;
  /** The schedule slot (ISO) this digest is for; (subscription, slot) is unique. */
  readonly slot: string;
  readonly late: boolean;
  /** Rendered platform payloads, in order. */
  readonly parts: readonly unknown[];
  /** Articles it carries: recorded as delivered to the chat in the same transaction. */
  readonly articleIds: readonly number[];
}

export interface Delivery {
  readonly id: number;
  readonly digestId: number;
  readonly partNo: number;
  readonly chatKey: string;
  readonly payload: unknown;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
}

/** One state change of a part, for `recordDeliveries`. */
export type DeliveryChange =
  | { readonly id: number; readonly to: 'sending' }
  | { readonly id: number; readonly to: 'sent'; readonly messageId: string | null }
  | { readonly id: number; readonly to: 'pending'; readonly nextAttemptAt: string; readonly error: string }
  | { readonly id: number; readonly to: 'failed'; readonly error: string };

export interface OutboxStore {
  /**
   * Stores a digest, its parts (pending) and its articles as delivered, and advances the
   * subscription's last slot — all in one transaction. Idempotent per (subscription, slot):
   * returns null when that slot was already composed.
   */
  enqueueDigest(digest: NewDigest): number | null;
  /** Unsent parts (pending, or 'sending' left by a crash), oldest digest first, parts in order. */
  unsentDeliveries(limit: number): Delivery[];
  markSending(id: number): void;
  markSent(id: number, messageId: string | null): void;
  /** Back to pending, tried again after `nextAttemptAt`. */
  retryLater(id: number, nextAttemptAt: string, error: string): void;
  markFailed(id: number, error: string): void;
  /** Applies several changes, in order, in one transaction (the sender batches them per tick). */
  recordDeliveries(changes: readonly DeliveryChange[]): void;
  countDeliveries(status: DeliveryStatus): number;
}
