/**
 * Downloads a file a user attached to a command, from the platform's own file server (Telegram's
 * file API, Discord's CDN), never more than `maxBytes` and never longer than the timeout. Errors
 * are one line without the URL: a Telegram file URL contains the bot token.
 */
import { BantinError, InputError } from '../src/errors.ts';

export interface DownloadOptions {
  readonly maxBytes: number;
  readonly timeoutMs?: number;
  /** Injected in tests; default the global fetch. */
  readonly fetch?: typeof fetch;
}

const tooBig = (maxBytes: number): InputError =>
  new InputError(`The file is larger than ${(maxBytes / 1_000_000).toLocaleString('en')} MB.`);

export async function downloadFile(url: string, options: DownloadOptions): Promise<Uint8Array> {
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  let response: Response;
  try {
    response = await doFetch(url, { signal, redirect: 'error' });
  } catch (e) {
    throw new BantinError('Could not download the file from the chat platform.', { cause: e });
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel();
    throw new BantinError(`Could not download the file (HTTP ${String(response.status)}).`);
  }
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  if (announced > options.maxBytes) {
    await response.body.cancel();
    throw tooBig(options.maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > options.maxBytes) throw tooBig(options.maxBytes);
      chunks.push(value);
    }
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    if (e instanceof InputError) throw e;
    throw new BantinError('The file download was interrupted.', { cause: e });
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
