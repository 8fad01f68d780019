/** The interfaces the core needs from the outside world; main.ts and tests provide them. */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A minimal structured logger (pino's shape). */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

/** What a fetch returns: the final URL (after redirects), its content type and the raw bytes. */
export interface FetchedResource {
  readonly url: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface FetchOptions {
  /** Accept header; defaults to a browser-like value. */
  readonly accept?: string;
  readonly signal?: AbortSignal;
}

/**
 * Fetches a user-supplied or feed URL under bantin's limits (size, time, redirects, address
 * policy). Rejects with FetchError / BlockedAddressError; never returns a 4xx/5xx.
 */
export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchedResource>;
}
