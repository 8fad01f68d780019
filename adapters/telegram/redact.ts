/**
 * grammY's transport errors keep the request URL, and that URL contains the bot token
 * (`/bot<token>/method`). Everything the adapter logs or returns goes through here first.
 */

/** Replaces every occurrence of the token (plain or URL-encoded) with "[token]". */
export function redactToken(text: string, token: string): string {
  if (token.length === 0) return text;
  return text.replaceAll(token, '[token]').replaceAll(encodeURIComponent(token), '[token]');
}

/** A one-line, token-free description of any thrown value, including its cause chain. */
export function describeError(error: unknown, token: string): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      parts.push(current.message);
      // grammY's HttpError keeps the fetch error in `.error`; standard errors use `.cause`.
      const next: unknown = (current as { error?: unknown }).error ?? current.cause;
      current = next;
    } else {
      parts.push(typeof current === 'string' ? current : JSON.stringify(current));
      break;
    }
  }
  return redactToken(parts.join(': ').replace(/\s+/g, ' ').trim(), token);
}
