/** The FTS5 expressions for one search, from the plain (exact words) to the widest. */
export interface FtsQuery {
  /**
   * The words side by side, in this order, as one FTS5 phrase ("pham minh chinh"), or null for a
   * single word. Folded Vietnamese syllables are short and common: "da" and "nang" apart match
   * "đã nâng", side by side they are "Đà Nẵng".
   */
  readonly phrase: string | null;
  /** Every word as a quoted term; all must match, anywhere. */
  readonly exact: string;
  /**
   * The same with the last word also matching as a prefix ("/search Vuon" finds "Vượng"), when
   * it has 4+ letters; else null. Shorter prefixes ("no*") would match most of a Vietnamese index.
   * FTS5 merges the whole doclist of every term under a prefix, so callers try `exact` first.
   */
  readonly prefix: string | null;
  /** The last word alone, exact: "is it a whole word?" before a costly prefix search. */
  readonly lastWord: string;
}

/**
 * Turns user words into safe FTS5 queries: every word becomes a quoted term (so FTS syntax in
 * user input — quotes, NEAR, column filters, `*` — is just text) and all terms must match.
 * Expects text already folded (no accents, đ -> d). Returns null when nothing is searchable.
 */
export function toFtsQuery(folded: string): FtsQuery | null {
  const words = folded
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  const last = words.at(-1);
  if (last === undefined) return null;
  const exact = words.map((w) => `"${w}"`).join(' ');
  return {
    phrase: words.length > 1 ? `"${words.join(' ')}"` : null,
    exact,
    prefix: last.length >= 4 ? `${exact}*` : null,
    lastWord: `"${last}"`,
  };
}
