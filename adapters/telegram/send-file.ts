/**
 * Sends a reply's file (an OPML export) as a Telegram document, through the same limiter as
 * messages. A short 429 is waited out once; anything else is reported, not retried: the user
 * can ask again, and a document sent twice is worse than a clear failure.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { InputFile, type Api } from 'grammy';
import type { DeliveryResult } from '../../src/delivery.ts';
import type { ReplyFile } from '../../src/reply.ts';
import { classifySendError } from './send.ts';
import type { SendLimiter } from './send-limiter.ts';

export interface SendFileDeps {
  readonly api: Api;
  readonly limiter: SendLimiter;
  /** Only used to scrub error text. */
  readonly token: string;
  readonly signal: AbortSignal;
}

const MAX_WAIT_MS = 10_000;

export async function sendReplyFile(
  deps: SendFileDeps,
  chatId: string,
  file: ReplyFile,
): Promise<DeliveryResult> {
  const once = async (): Promise<DeliveryResult> => {
    const permit = await deps.limiter.acquire(chatId, deps.signal);
    try {
      const bytes = new TextEncoder().encode(file.content);
      const message = await deps.api.sendDocument(chatId, new InputFile(bytes, file.name));
      return { status: 'sent', messageId: String(message.message_id) };
    } catch (error) {
      const result = classifySendError(error, deps.token);
      if (result.status === 'rate-limited') deps.limiter.pause(result.retryAfterMs);
      return result;
    } finally {
      permit.release();
    }
  };
  try {
    const first = await once();
    if (first.status !== 'rate-limited' || first.retryAfterMs > MAX_WAIT_MS) return first;
    await sleep(first.retryAfterMs, undefined, { signal: deps.signal });
    return await once();
  } catch {
    return { status: 'transient', reason: 'the Telegram adapter is stopping' };
  }
}
