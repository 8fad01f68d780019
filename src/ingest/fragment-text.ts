import { BLOCKS, CELLS, paragraphCollector, SKIPPED } from './html-tags.ts';

/**
 * A feed item's HTML is nearly always plain news markup: paragraphs, a figure, links, bold.
 * For that, building a DOM (linkedom) costs more than everything else done to the item, so this
 * reads the markup in one pass instead, with the paragraph rules of blocksToText in html-dom.ts.
 * It only takes fragments whose tree any HTML parser builds the same way: known tags, every end
 * tag closing the element just opened, no end tag implied, plain entities. Anything else (a
 * comment, a script, a table, "R&D", an unclosed <p> before a <div>) returns null, and the
 * caller parses a DOM as before. tests/ingest/fragment-text.test.ts compares both on fixtures
 * and on random markup.
 */

/** Elements with no content and no end tag. */
const VOID = new Set(['br', 'hr', 'img', 'source', 'wbr']);

/** Tags read here; their treatment (block, skipped, inline) comes from html-tags.ts. */
const KNOWN = new Set([
  ...VOID,
  ...['p', 'div', 'span', 'a', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'sub', 'sup', 'mark'],
  ...['code', 'cite', 'q', 'abbr', 'time', 'font', 'del', 'ins', 'strike', 'big', 'pre'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'figcaption', 'picture'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'section', 'article', 'header', 'footer', 'aside'],
  ...['main', 'nav', 'address', 'center', 'details', 'summary', 'video', 'audio'],
]);

/**
 * Opening these closes the element on top of the stack when it is one of the set (htmlparser2,
 * under linkedom, does this: "<p>a<div>" is two siblings). Such markup goes to the DOM.
 */
const P_ONLY = new Set(['p']);
const IMPLIED_CLOSE = new Map<string, ReadonlySet<string>>([
  ...[
    ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote'],
    ...['details', 'div', 'dl', 'figcaption', 'figure', 'footer', 'header', 'hr', 'main', 'nav'],
    ...['ol', 'pre', 'section', 'ul'],
  ].map((tag): [string, ReadonlySet<string>] => [tag, P_ONLY]),
  ['li', new Set(['li'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
]);

/** Deeper than this the fragment goes to the DOM path, which has its own nesting guard. */
const MAX_DEPTH = 1000;

const SPACE = '[ \\t\\n\\r\\f]';
/** An attribute: name, then optionally = and a value with no markup characters in it. */
const ATTRIBUTE = `${SPACE}+[^ \\t\\n\\r\\f/>="'<]+(?:${SPACE}*=${SPACE}*(?:"[^"<>]*"|'[^'<>]*'|[^ \\t\\n\\r\\f"'=<>\`/]+))?`;
const OPEN_TAG = new RegExp(`<([a-zA-Z][a-zA-Z0-9]*)(?:${ATTRIBUTE})*${SPACE}*(/?)>`, 'y');
const END_TAG = new RegExp(`</([a-zA-Z][a-zA-Z0-9]*)${SPACE}*>`, 'y');
const ENTITY = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,7}));/y;

/** Named entities decoded here; any other name goes to the DOM parser. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  deg: '°',
  middot: '·',
  bull: '•',
  times: '×',
};

/** A character reference every parser decodes the same way: no control, C1 or surrogate. */
function fromCodePoint(code: number): string | null {
  const plain =
    (code >= 0x20 && code < 0x7f) ||
    code === 0x09 ||
    code === 0x0a ||
    (code >= 0xa0 && code < 0xd800) ||
    (code > 0xdfff && code <= 0x10ffff);
  return plain ? String.fromCodePoint(code) : null;
}

/** Text between two tags (its first "&" at `firstAmp`) with entities decoded, or null for an entity left to the DOM. */
function decodeText(html: string, from: number, to: number, firstAmp: number): string | null {
  let amp = firstAmp;
  let out = '';
  let copied = from;
  while (amp >= 0 && amp < to) {
    const next = html.charCodeAt(amp + 1);
    const startsReference =
      next === 0x23 || // #
      (next >= 0x30 && next <= 0x39) ||
      (next >= 0x41 && next <= 0x5a) ||
      (next >= 0x61 && next <= 0x7a);
    if (startsReference) {
      ENTITY.lastIndex = amp;
      const m = ENTITY.exec(html);
      if (m === null || ENTITY.lastIndex > to) return null;
      const [whole, decimal, hex, name] = m;
      const text =
        decimal !== undefined
          ? fromCodePoint(Number.parseInt(decimal, 10))
          : hex !== undefined
            ? fromCodePoint(Number.parseInt(hex, 16))
            : (NAMED[name ?? ''] ?? null);
      if (text === null) return null;
      out += html.slice(copied, amp) + text;
      copied = amp + whole.length;
    }
    amp = html.indexOf('&', amp + 1);
  }
  return out + html.slice(copied, to);
}

/**
 * Plain text of a simple HTML fragment, exactly as htmlFragmentToText's DOM path gives it
 * (paragraphs joined by "\n\n"), or null when the fragment is not simple (see above).
 */
export function simpleFragmentToText(html: string): string | null {
  const out = paragraphCollector();
  const stack: string[] = [];
  // Open elements inside a skipped one (an <img> in <picture>...): their text is dropped.
  let skipping = 0;
  const enter = (tag: string): void => {
    if (skipping > 0 || SKIPPED.has(tag)) skipping++;
    else if (BLOCKS.has(tag)) out.end();
    else if (CELLS.has(tag)) out.add(' ');
  };
  const leave = (tag: string): void => {
    if (skipping > 0) skipping--;
    else if (BLOCKS.has(tag)) out.end();
    else if (CELLS.has(tag)) out.add(' ');
  };

  let at = 0;
  // The next "&" from `at` on, found once and kept: searching afresh for each run of text
  // would scan to the end of the fragment every time when it has none.
  let amp = html.indexOf('&');
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > at) {
      if (amp >= 0 && amp < at) amp = html.indexOf('&', at);
      const text = amp < 0 || amp >= textEnd ? html.slice(at, textEnd) : decodeText(html, at, textEnd, amp);
      if (text === null) return null;
      if (skipping === 0) out.add(text);
    }
    if (lt < 0) break;
    if (html.charCodeAt(lt + 1) === 0x2f) {
      END_TAG.lastIndex = lt;
      const m = END_TAG.exec(html);
      const tag = m?.[1]?.toLowerCase();
      if (m === null || tag === undefined || stack[stack.length - 1] !== tag || VOID.has(tag)) return null;
      stack.pop();
      leave(tag);
      at = lt + m[0].length;
      continue;
    }
    OPEN_TAG.lastIndex = lt;
    const m = OPEN_TAG.exec(html);
    const tag = m?.[1]?.toLowerCase();
    if (m === null || tag === undefined || !KNOWN.has(tag)) return null;
    const isVoid = VOID.has(tag);
    if (m[2] === '/' && !isVoid) return null;
    const top = stack[stack.length - 1];
    if (top !== undefined && IMPLIED_CLOSE.get(tag)?.has(top) === true) return null;
    if (isVoid) {
      // No content: a <br> or <hr> ends the paragraph, an <img> or <wbr> adds nothing.
      if (skipping === 0 && !SKIPPED.has(tag) && BLOCKS.has(tag)) out.end();
    } else {
      enter(tag);
      if (stack.push(tag) > MAX_DEPTH) return null;
    }
    at = lt + m[0].length;
  }
  // Elements still open end with the fragment, innermost first, as the DOM parser closes them.
  for (let tag = stack.pop(); tag !== undefined; tag = stack.pop()) leave(tag);
  return out.text();
}
