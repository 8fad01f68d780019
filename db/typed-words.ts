import { foldAccents, normalizeVietnamese } from '../src/text/vietnamese.ts';

/**
 * A search typed with diacritics, matched against original (unfolded) text. Folding makes "bão"
 * (storm) "bao", like "báo" (newspaper) and "bảo", which are different words in most articles:
 * /search ranks the articles holding the words as typed first.
 */
export interface TypedQuery {
  /** The words as typed: one tone style (see normalizeVietnamese), NFC, lower case. */
  readonly words: readonly string[];
  /**
   * From the best match to the weakest: the words side by side, in this order (several words
   * only), then every word anywhere.
   */
  readonly patterns: readonly TypedPattern[];
}

export interface TypedPattern {
  /** Side by side (as the FTS phrase) or apart (every word, as the FTS exact query). */
  readonly kind: 'phrase' | 'words';
  /** Runs of words side by side that must all be found, each in the title or the body. */
  readonly runs: ReadonlyArray<readonly string[]>;
}

/** Letters and digits, as FTS5's tokens; marks too, so an NFD word stays whole. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * The query's words as typed, or null when none carries a diacritic: such a query ranks by the
 * folded search alone. Splits as toFtsQuery does (at most 12 words), so each pattern's matches
 * are among the FTS matches of its folded twin.
 */
export function typedQueryOf(query: string): TypedQuery | null {
  const words = normalizeVietnamese(query)
    .toLowerCase()
    .split(NON_WORD)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (!words.some((w) => foldAccents(w) !== w)) return null;
  const apart: TypedPattern = { kind: 'words', runs: words.map((w) => [w]) };
  return { words, patterns: words.length > 1 ? [{ kind: 'phrase', runs: [words] }, apart] : [apart] };
}

const isWordAt = (text: string, i: number): boolean => {
  const code = text.codePointAt(i);
  if (code === undefined) return false;
  // Around words in news text: spaces, punctuation, digits (ASCII) far more often than not.
  if (code < 0x80) {
    const letter = code | 0x20; // A-Z -> a-z
    return (code >= 0x30 && code <= 0x39) || (letter >= 0x61 && letter <= 0x7a);
  }
  return WORD_CHAR.test(String.fromCodePoint(code));
};

/** Is text[i - 1] a word character? Steps back over a surrogate pair whole. */
const isWordBefore = (text: string, i: number): boolean => {
  if (i <= 0) return false;
  const low = text.charCodeAt(i - 1);
  return isWordAt(text, low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1);
};

/**
 * Where the words first stand side by side as whole words (apart only by non-word characters,
 * as in an FTS5 phrase), or -1. A word typed without any diacritic ("nang" in "Đà nang") may
 * carry any: it is matched in the folded text, at the same offsets. indexOf and a check of the
 * characters around: a RegExp per query would be compiled per query, and one with \p{L}
 * classes takes ~2 ms.
 */
export function indexOfWords(m: Matchable, words: readonly string[]): number {
  const lower = m.lower;
  // Folding keeps offsets for the letters of news text; when it does not (a rare script), the
  // words are matched as typed.
  let folded: string | null = null;
  if (words.some(isPlain)) {
    // Folding a body costs ~20 µs: not for a text that lacks a word typed with diacritics.
    if (words.some((word) => !isPlain(word) && !lower.includes(word))) return -1;
    folded = foldedOf(m);
  }
  // The text each word is looked for in, decided once per call.
  const texts = words.map((word) => (folded !== null && isPlain(word) ? folded : lower));
  const head = words[0];
  const first = texts[0];
  if (head === undefined || first === undefined) return -1;
  for (let at = first.indexOf(head); at >= 0; at = first.indexOf(head, at + 1)) {
    if (isWordBefore(lower, at)) continue;
    let end = at + head.length;
    let whole = true;
    for (let k = 1; k < words.length; k++) {
      const word = words[k] ?? '';
      let next = end;
      while (next < lower.length && !isWordAt(lower, next)) next++;
      if (next === end || !(texts[k] ?? lower).startsWith(word, next)) {
        whole = false;
        break;
      }
      end = next + word.length;
    }
    if (whole && !isWordAt(lower, end)) return at;
  }
  return -1;
}

/**
 * A word of letters typed without any diacritic: "nang" stands for nàng, nắng, nẵng... (A number
 * is the same either way and is matched as typed.) Asked per candidate position, so remembered.
 */
function isPlain(word: string): boolean {
  let plain = plainWords.get(word);
  if (plain === undefined) {
    plain = /\p{L}/u.test(word) && foldAccents(word) === word;
    // Bounded: queries bring an open set of words.
    if (plainWords.size > 1_000) plainWords.clear();
    plainWords.set(word, plain);
  }
  return plain;
}
const plainWords = new Map<string, boolean>();

/**
 * Text as the patterns are matched against: NFC (ingest stores NFC, but the store takes any) and
 * lower case; its folded twin is made on first need. Made once per text, not per pattern: on a
 * body it costs more than the matching.
 */
export interface Matchable {
  readonly lower: string;
  /** foldAccents(lower) when it keeps every offset, else null; undefined until needed. */
  folded?: string | null;
}

export const matchable = (text: string): Matchable => ({ lower: text.normalize('NFC').toLowerCase() });

function foldedOf(m: Matchable): string | null {
  if (m.folded === undefined) {
    const folded = foldAccents(m.lower);
    m.folded = folded.length === m.lower.length ? folded : null;
  }
  return m.folded;
}

/** Every run of the pattern is in the text (see matchable). */
export const holds = (pattern: TypedPattern, text: Matchable): boolean =>
  pattern.runs.every((run) => indexOfWords(text, run) >= 0);

/** Every run of the pattern is in one of the texts (see matchable): the title or the body. */
export const holdsAcross = (pattern: TypedPattern, title: Matchable, body: Matchable): boolean =>
  pattern.runs.every((run) => indexOfWords(title, run) >= 0 || indexOfWords(body, run) >= 0);

/** Tokens in a snippet, as FTS5's snippet() for /search (see SNIPPET in search-index.ts). */
const SNIPPET_TOKENS = 16;
/** Characters read on each side of the match for the snippet's tokens: 16 tokens and more. */
const REACH = 240;

/**
 * A fragment of the body around the first match of the pattern, the query's words marked one by
 * one between « and », cut with … like FTS5's snippet(); null when the body holds none (the
 * words were in the title). FTS5's snippet would mark the folded twins too ("«báo»").
 */
export function typedSnippet(pattern: TypedPattern, words: readonly string[], body: string): string | null {
  const text = body.normalize('NFC');
  const m = matchable(text);
  const lower = m.lower;
  const found = pattern.runs.map((run) => indexOfWords(m, run)).filter((i) => i >= 0);
  if (found.length === 0) return null;
  // Offsets in `lower` are offsets in `text` unless lower-casing changed a length ("İ").
  const match = lower.length === text.length ? Math.min(...found) : 0;
  const start = Math.max(0, match - REACH);
  const end = Math.min(text.length, match + REACH);
  const tokens = [...text.slice(start, end).matchAll(TOKEN)].map((m) => ({
    start: start + m.index,
    end: start + m.index + m[0].length,
  }));
  // A token cut by the reach is not one: drop it, and mark the text cut.
  if (start > 0) tokens.shift();
  if (end < text.length) tokens.pop();
  const at = Math.max(
    0,
    tokens.findIndex((t) => t.end > match),
  );
  // Centre the words found, as FTS5 does: a phrase spans its words, a word itself.
  const span = pattern.kind === 'phrase' ? words.length : 1;
  const from = Math.max(
    0,
    Math.min(at - Math.floor((SNIPPET_TOKENS - span) / 2), tokens.length - SNIPPET_TOKENS),
  );
  const to = Math.min(tokens.length, from + SNIPPET_TOKENS);
  const first = tokens[from];
  const last = tokens[to - 1];
  if (first === undefined || last === undefined) return null;
  const typedWords = new Set(words.filter((w) => !isPlain(w)));
  const plainWords = new Set(words.filter(isPlain));
  const wanted = (word: string): boolean => typedWords.has(word) || plainWords.has(foldAccents(word));
  let out = from > 0 || start > 0 ? '…' : text.slice(0, first.start);
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    if (token === undefined) break;
    if (i > from && previous !== undefined) out += text.slice(previous.end, token.start);
    const word = text.slice(token.start, token.end);
    out += wanted(word.toLowerCase()) ? `«${word}»` : word;
  }
  return to < tokens.length || end < text.length ? `${out}…` : `${out}${text.slice(last.end)}`;
}
