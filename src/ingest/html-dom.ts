import { parseHTML } from 'linkedom';
import { simpleFragmentToText } from './fragment-text.ts';
import { BLOCKS, CELLS, paragraphCollector, SKIPPED } from './html-tags.ts';

/**
 * The few DOM members ingest uses, typed here: linkedom's own types point at the DOM library,
 * which bantin's Node-only tsconfig does not load (they would arrive as `any`).
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Deeper than this, linkedom's time grows faster than linear (50,000 levels: ~10 s). */
export const MAX_NESTING = 5000;

/** Elements that never hold children, or whose end tag is optional: not counted as nesting. */
const UNNESTED = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
]);

/** True when the tags of `html` nest deeper than `limit` (a linear scan, no parsing). */
export function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const name = (m[2] ?? '').toLowerCase();
    if (UNNESTED.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > limit) return true;
  }
  return false;
}

/** Thrown by parseDocument for markup nested beyond MAX_NESTING (a hostile page, not news). */
export class NestingTooDeepError extends Error {
  override readonly name = 'NestingTooDeepError';
}

/**
 * Parses HTML (a whole page or a fragment) with linkedom; tolerates any broken markup, but
 * throws NestingTooDeepError beyond MAX_NESTING levels so a hostile page cannot pin the CPU.
 */
export function parseDocument(html: string): DomDocument {
  if (nestsDeeperThan(html, MAX_NESTING))
    throw new NestingTooDeepError(`HTML nested deeper than ${MAX_NESTING}`);
  // linkedom builds no <html>/<body> for a fragment or empty string; Readability needs both.
  const page = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(page) as { document: DomDocument };
  return document;
}

/**
 * Text of a DOM subtree, one paragraph per block element (p, h2, li, figcaption, blockquote,
 * div, br...) joined by "\n\n", whitespace collapsed inside each paragraph. Readability's
 * `textContent` glues paragraphs ("Đảng.Chiều 30/12"); this keeps them apart. Iterative, so a
 * page of 100,000 nested tags cannot overflow the stack.
 */
export function blocksToText(root: DomNode): string {
  const out = paragraphCollector();
  // Entries are nodes to enter, or a string tag name marking the end of a block.
  const stack: Array<DomNode | string> = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    if (typeof item === 'string') {
      if (CELLS.has(item)) out.add(' ');
      else out.end();
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      out.add(item.textContent ?? '');
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE && item !== root) continue;
    const tag = item.nodeName.toLowerCase();
    if (SKIPPED.has(tag)) continue;
    const isBlock = BLOCKS.has(tag);
    const isCell = CELLS.has(tag);
    if (isBlock) out.end();
    if (isCell) out.add(' ');
    if (isBlock || isCell) stack.push(tag);
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return out.text();
}

/**
 * Plain text of an HTML fragment (a feed item's description or content:encoded) with the same
 * paragraph rules as pages; entities decoded, images and scripts dropped.
 */
export function htmlFragmentToText(html: string): string {
  if (!/[<&]/.test(html)) {
    return html
      .replace(/[^\S\n ]|\u200b/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim();
  }
  // Plain news markup needs no DOM (see fragment-text.ts); anything else is parsed as before.
  const simple = simpleFragmentToText(html);
  if (simple !== null) return simple;
  if (nestsDeeperThan(html, MAX_NESTING)) {
    // Not worth a DOM: keep the words, drop every tag.
    return html
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  }
  const document = parseDocument(html);
  return document.body ? blocksToText(document.body) : '';
}
