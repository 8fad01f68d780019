/**
 * How the core hands messages to a platform. An adapter renders a Reply into parts (its own
 * JSON-serialisable message payloads, each within the platform's limits) and sends one part at a
 * time. Results are data, not exceptions: the outbox decides what to retry.
 */
import type { Platform } from './domain.ts';
import type { Reply } from './reply.ts';

export type DeliveryResult =
  | { readonly status: 'sent'; readonly messageId: string | null }
  /** The platform refused for good: bot blocked/removed, chat gone, no permission. */
  | { readonly status: 'chat-unavailable'; readonly reason: string }
  /** The platform refused this message (e.g. malformed); retrying will not help. */
  | { readonly status: 'rejected'; readonly reason: string }
  | { readonly status: 'rate-limited'; readonly retryAfterMs: number }
  /** Network error or 5xx: retry later with backoff. */
  | { readonly status: 'transient'; readonly reason: string };

export interface Messenger {
  readonly platform: Platform;
  /** Splits a reply into ordered parts within the platform's limits. Pure. */
  render(reply: Reply): readonly unknown[];
  /** Sends one rendered part to a chat (platform chat id, without the platform prefix). */
  sendPart(chatId: string, part: unknown): Promise<DeliveryResult>;
  /** Chats worth sending to at once, from the platform's limits and observed latency. Default 16. */
  readonly concurrency?: () => number;
}
