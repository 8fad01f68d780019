/**
 * Errors bantin expects. Each carries a one-line message a user may read; `cause` keeps the
 * underlying error for the log. Anything that is not a BantinError is a bug.
 */
export class BantinError extends Error {
  override readonly name: string = 'BantinError';
}

/** The input (file, URL, feed, argument) is not usable. */
export class InputError extends BantinError {
  override readonly name: string = 'InputError';
}

/** A remote server answered, but not with what we need (404, wrong type, too big). */
export class FetchError extends BantinError {
  override readonly name: string = 'FetchError';
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The address is refused by the SSRF policy (private, loopback, metadata...). */
export class BlockedAddressError extends FetchError {
  override readonly name: string = 'BlockedAddressError';
}

/** A feed or page could not be parsed. */
export class ParseError extends BantinError {
  override readonly name: string = 'ParseError';
}

/** Configuration (env) is invalid; lists every problem. */
export class ConfigError extends BantinError {
  override readonly name: string = 'ConfigError';
}

/** A user asked for something they may not do in this chat. */
export class PermissionError extends BantinError {
  override readonly name: string = 'PermissionError';
}

/** Nothing matched (article id, search). */
export class NotFoundError extends BantinError {
  override readonly name: string = 'NotFoundError';
}

export const isBantinError = (e: unknown): e is BantinError => e instanceof BantinError;

/** The user-facing one-line text of any error; unexpected errors stay vague on purpose. */
export function userMessage(e: unknown): string {
  if (isBantinError(e)) return e.message.split('\n')[0] ?? e.message;
  return 'Something went wrong on our side.';
}
