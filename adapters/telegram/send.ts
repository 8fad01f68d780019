/**
 * The one path every Telegram message takes: rate limiter → sendMessage → DeliveryResult.
 * Digests (the outbox) call `sendPart` once per part and decide about retries themselves; command
 * replies go through `sendParts`, which waits out 429s (bounded) so a reply is delivered whole,
 * in order, each part once.
 */
import { GrammyError, InputFile, type Api } from 'grammy';
import type { DeliveryResult } from '../../src/delivery.ts';
import type { ChatRef } from '../../src/domain.ts';
import type { Logger } from '../../src/ports.ts';
import type { ReplyFile } from '../../src/reply.ts';
import { describeError } from './redact.ts';
import { isTelegramMessagePart, type TelegramMessagePart } from './render.ts';
import type { SendLimiter, SendPermit } from './send-limiter.ts';

/** 400 descriptions that mean the bot can no longer write to the chat at all. */
const CHAT_GONE =
  /chat not found|need administrator rights|not enough rights|have no rights|CHAT_WRITE_FORBIDDEN|upgraded to a supergroup|chat was deactivated|PEER_ID_INVALID/i;

export type ChatCallback = (chat: ChatRef, reason: string) => void | Promise<void>;

export interface TelegramSenderDeps {
  readonly api: Api;
  readonly limiter: SendLimiter;
  readonly logger: Logger;
  /** Only used to scrub error text. */
  readonly token: string;
  readonly onChatUnavailable: ChatCallback;
  /** Aborted by stop(): pending limiter and retry waits end at once. */
  readonly signal: AbortSignal;
  /** 429 retries per part for command replies. Default 5. */
  readonly maxRetryAttempts?: number;
  /** A 429 asking for a longer wait is not retried (the reply is dropped and logged). Default 60. */
  readonly maxDelaySeconds?: number;
  /** Waits between 429 retries; default a timer honouring `signal`. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Maps a failed sendMessage to a DeliveryResult. */
export function classifySendError(error: unknown, token: string): DeliveryResult {
  if (error instanceof GrammyError) {
    const reason = error.description;
    if (error.error_code === 429) {
      return { status: 'rate-limited', retryAfterMs: (error.parameters.retry_after ?? 1) * 1000 };
    }
    if (error.error_code === 403) return { status: 'chat-unavailable', reason };
    if (error.error_code === 400 && error.parameters.migrate_to_chat_id !== undefined) {
      return {
        status: 'chat-unavailable',
        reason: `${reason} (migrated to ${error.parameters.migrate_to_chat_id})`,
      };
    }
    if (error.error_code === 400 && CHAT_GONE.test(reason)) return { status: 'chat-unavailable', reason };
    if (error.error_code >= 500) return { status: 'transient', reason };
    return { status: 'rejected', reason };
  }
  // HttpError (network) and anything unexpected: worth another try later.
  return { status: 'transient', reason: describeError(error, token) };
}

export interface TelegramSender {
  /** Sends one part once. Never throws. */
  sendPart(chatId: string, part: unknown): Promise<DeliveryResult>;
  /**
   * Sends parts in order, retrying a part after a 429 (bounded by maxRetryAttempts and
   * maxDelaySeconds). Stops at the first part that still fails, so a later part never arrives
   * before an earlier one. Returns one result per part attempted.
   */
  sendParts(chatId: string, parts: readonly TelegramMessagePart[]): Promise<DeliveryResult[]>;
  /** Sends a reply's file as a document, retrying after a 429 as sendParts does. */
  sendFile(chatId: string, file: ReplyFile): Promise<DeliveryResult>;
  /** Chats worth sending to at once (see SendLimiter.suggestedConcurrency). */
  concurrency(): number;
}

export function createTelegramSender(deps: TelegramSenderDeps): TelegramSender {
  const maxRetries = deps.maxRetryAttempts ?? 5;
  const maxDelayMs = (deps.maxDelaySeconds ?? 60) * 1000;
  const sleep =
    deps.sleep ??
    ((ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        // stop() may come before the wait starts: an abort that already happened fires no event.
        if (signal.aborted) {
          reject(new Error('stopped'));
          return;
        }
        const timer = setTimeout(resolve, ms);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(new Error('stopped'));
          },
          { once: true },
        );
      }));

  /** One call through the limiter: a permit before the request leaves, released when it answers. */
  async function limited(
    chatId: string,
    call: () => Promise<{ readonly message_id: number }>,
  ): Promise<DeliveryResult> {
    let permit: SendPermit;
    try {
      permit = await deps.limiter.acquire(chatId, deps.signal);
    } catch {
      return { status: 'transient', reason: 'the Telegram adapter is stopping' };
    }
    try {
      const message = await call();
      return { status: 'sent', messageId: String(message.message_id) };
    } catch (error) {
      const result = classifySendError(error, deps.token);
      // The limiter missed something (another process on the token, a stricter server): every
      // chat waits, not only this one, or the next sends would be refused too.
      if (result.status === 'rate-limited') deps.limiter.pause(result.retryAfterMs);
      return result;
    } finally {
      permit.release();
    }
  }

  const attempt = (chatId: string, part: TelegramMessagePart): Promise<DeliveryResult> =>
    limited(chatId, () =>
      deps.api.sendMessage(chatId, part.text, {
        entities: [...part.entities],
        ...(part.linkPreview ? {} : { link_preview_options: { is_disabled: true } }),
      }),
    );

  /** Repeats `send` after each 429, bounded by maxRetryAttempts and maxDelaySeconds. */
  async function retrying(send: () => Promise<DeliveryResult>): Promise<DeliveryResult> {
    let result = await send();
    for (let attempt = 0; result.status === 'rate-limited' && attempt < maxRetries; attempt++) {
      if (result.retryAfterMs > maxDelayMs) break;
      try {
        await sleep(result.retryAfterMs, deps.signal);
      } catch {
        break;
      }
      result = await send();
    }
    return result;
  }

  async function sendPart(chatId: string, part: unknown): Promise<DeliveryResult> {
    if (!isTelegramMessagePart(part)) return { status: 'rejected', reason: 'not a Telegram message part' };
    let result = await attempt(chatId, part);
    // A refused entity must not cost the message: the same text without formatting still reads.
    // The first request was refused, so sending again cannot duplicate it.
    if (
      result.status === 'rejected' &&
      /can't parse entities/i.test(result.reason) &&
      part.entities.length > 0
    ) {
      deps.logger.warn({ chatId, reason: result.reason }, 'entities refused; sending plain text');
      result = await attempt(chatId, { ...part, entities: [] });
    }
    if (result.status === 'sent') return result;
    deps.logger.warn({ chatId, result }, 'telegram send failed');
    if (result.status === 'chat-unavailable') {
      try {
        await deps.onChatUnavailable({ platform: 'telegram', id: chatId }, result.reason);
      } catch (e) {
        deps.logger.error({ chatId, err: describeError(e, deps.token) }, 'onChatUnavailable failed');
      }
    }
    return result;
  }

  async function sendParts(chatId: string, parts: readonly TelegramMessagePart[]): Promise<DeliveryResult[]> {
    const results: DeliveryResult[] = [];
    for (const part of parts) {
      const result = await retrying(() => sendPart(chatId, part));
      results.push(result);
      if (result.status !== 'sent') {
        deps.logger.warn(
          { chatId, result, remaining: parts.length - results.length },
          'reply not fully sent',
        );
        break;
      }
    }
    return results;
  }

  async function sendFile(chatId: string, file: ReplyFile): Promise<DeliveryResult> {
    const bytes = new TextEncoder().encode(file.content);
    const result = await retrying(() =>
      limited(chatId, () => deps.api.sendDocument(chatId, new InputFile(bytes, file.name))),
    );
    if (result.status !== 'sent')
      deps.logger.warn({ chatId, result, file: file.name }, 'reply file not sent');
    return result;
  }

  return { sendPart, sendParts, sendFile, concurrency: () => deps.limiter.suggestedConcurrency() };
}
