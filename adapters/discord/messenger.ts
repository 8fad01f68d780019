/**
 * Posting rendered parts to a channel over REST: no gateway cache is needed, so the digest
 * outbox can send while the gateway reconnects. discord.js's REST queue waits out route and
 * global 429s (Retry-After) and retries the same request, so a 429 never drops or repeats a part.
 */
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST } from 'discord.js';
import type { ChatRef } from '../../src/domain.ts';
import type { DeliveryResult, Messenger } from '../../src/delivery.ts';
import type { Logger } from '../../src/ports.ts';
import { renderDiscord, type DiscordMessagePart } from './render.ts';

/** Discord error codes meaning "this channel is gone for the bot": pause, do not retry. */
const UNAVAILABLE_CODES: ReadonlySet<number | string> = new Set([
  10003, // Unknown Channel (deleted)
  50001, // Missing Access (cannot see the channel, or removed from the server)
  50013, // Missing Permissions (can see it but may not send or embed)
]);

/** A REST client with the token set (the bot's, or a bare `new REST()` in a sender-only process). */
export interface DiscordMessengerDeps {
  readonly rest: REST;
  readonly logger: Logger;
  readonly onChatUnavailable: (chat: ChatRef, reason: string) => void | Promise<void>;
}

/** Classifies a REST failure as DeliveryResult data (the outbox decides what to retry). */
export function classifySendError(e: unknown): DeliveryResult {
  if (e instanceof RateLimitError) return { status: 'rate-limited', retryAfterMs: e.retryAfter };
  if (e instanceof DiscordAPIError) {
    const reason = `${e.status} ${String(e.code)} ${e.message}`;
    if (UNAVAILABLE_CODES.has(e.code)) return { status: 'chat-unavailable', reason };
    if (e.status >= 500) return { status: 'transient', reason };
    return { status: 'rejected', reason };
  }
  if (e instanceof HTTPError) return { status: 'transient', reason: `${e.status} ${e.message}` };
  return { status: 'transient', reason: e instanceof Error ? e.message : String(e) };
}

/**
 * The digest sender: renders with renderDiscord and posts one part per call. 403 50001, 404 10003
 * and 403 50013 also call onChatUnavailable so the subscription is paused.
 */
export function createDiscordMessenger(deps: DiscordMessengerDeps): Messenger {
  return {
    platform: 'discord',
    render: renderDiscord,
    async sendPart(chatId, part) {
      const body = part as DiscordMessagePart;
      try {
        const message = (await deps.rest.post(Routes.channelMessages(chatId), { body })) as { id?: unknown };
        return { status: 'sent', messageId: typeof message.id === 'string' ? message.id : null };
      } catch (e) {
        const result = classifySendError(e);
        deps.logger.warn({ channel: chatId, result }, 'discord send failed');
        if (result.status === 'chat-unavailable') {
          try {
            await deps.onChatUnavailable({ platform: 'discord', id: chatId }, result.reason);
          } catch (err) {
            deps.logger.error({ err, channel: chatId }, 'onChatUnavailable failed');
          }
        }
        return result;
      }
    },
  };
}
