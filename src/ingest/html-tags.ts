/** How ingest treats HTML elements when it turns markup into paragraphs of text. */
import { collapseWhitespace } from './clean-text.ts';

/** Elements that end a paragraph before and after them. */
export const BLOCKS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
]);

/** Elements whose text is never article text. */
export const SKIPPED: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'canvas',
  'video',
  'audio',
  'object',
  'embed',
  'select',
  'button',
  'input',
  'textarea',
  'head',
  'title',
  'meta',
  'link',
  'img',
  'picture',
  'source',
  'math',
]);

/** Table cells sit side by side: a space between them, not a paragraph. */
export const CELLS: ReadonlySet<string> = new Set(['td', 'th']);

/**
 * Collects text into paragraphs the way both HTML-to-text paths must (they give identical
 * output): text and cell spaces go into the current paragraph, a block ends it, whitespace is
 * collapsed and empty paragraphs are dropped.
 */
export function paragraphCollector(): {
  add: (text: string) => void;
  end: () => void;
  text: () => string;
} {
  const paragraphs: string[] = [];
  let current = '';
  const end = (): void => {
    const text = collapseWhitespace(current);
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  return {
    add: (text) => {
      current += text;
    },
    end,
    text: () => {
      end();
      return paragraphs.join('\n\n');
    },
  };
}
