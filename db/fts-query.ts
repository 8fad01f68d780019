/**
 * Turns user words into a safe FTS5 query: every word becomes a quoted term (so FTS syntax in
 * user input — quotes, NEAR, column filters, `*` — is just text), all terms must match, and a
 * last term of 4+ letters also matches as a prefix ("/search Vuon" finds "Vượng"). Shorter
 * prefixes ("no*") would match most of a Vietnamese index and make the search slow.
 * Expects text already folded (no accents, đ -> d). Returns null when nothing is searchable.
 */
export function toFtsQuery(folded: string): string | null {
  const words = folded
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 && w.length >= 4 ? `"${w}"*` : `"${w}"`)).join(' ');
}
