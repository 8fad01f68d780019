/**
 * The one-pass reader of feed HTML must give exactly what the DOM path gives (linkedom +
 * blocksToText), or step aside (null). Checked on the fixture feeds, on generated news items and
 * on random markup that mixes what it reads with what it must leave to the DOM.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateFeeds } from '../../bench/lib/feed-fixture.ts';
import { decodeBody } from '../../src/ingest/decode.ts';
import { parseFeed } from '../../src/ingest/feed-parser.ts';
import { simpleFragmentToText } from '../../src/ingest/fragment-text.ts';
import { blocksToText, htmlFragmentToText, parseDocument } from '../../src/ingest/html-dom.ts';
import { FIXTURES_DIR } from '../helpers/fixture-server.ts';

const viaDom = (html: string): string => {
  const document = parseDocument(html);
  return document.body ? blocksToText(document.body) : '';
};

function fixtureItems(): string[] {
  const dir = path.join(FIXTURES_DIR, 'feeds');
  const htmls: string[] = [];
  for (const name of readdirSync(dir).filter((n) => !n.endsWith('.md') && n !== 'malformed.xml')) {
    const text = decodeBody(readFileSync(path.join(dir, name)), null);
    htmls.push(...parseFeed(text, 'https://feeds.example/').items.map((i) => i.html));
  }
  for (const feed of generateFeeds(60, 3)) {
    htmls.push(...parseFeed(feed.bytes.toString('utf8'), feed.url).items.map((i) => i.html));
  }
  return htmls;
}

describe('simpleFragmentToText', () => {
  it('gives the DOM path its text on every fixture item, and reads the news-shaped ones', () => {
    let read = 0;
    for (const html of fixtureItems()) {
      const text = simpleFragmentToText(html);
      if (text === null) continue;
      read++;
      expect(text, html).toBe(viaDom(html));
    }
    expect(read).toBeGreaterThanOrEqual(60);
  });

  it('keeps paragraphs, decodes entities, drops pictures, and leaves odd markup to the DOM', () => {
    expect(
      simpleFragmentToText(
        '<figure><img src="a.jpg" alt="x"/><figcaption>Ảnh: TTXVN</figcaption></figure>\n<p>Hà&nbsp;Nội &amp; <b>Huế</b></p><p>A&#39;s&#x21;<br>next</p>',
      ),
    ).toBe("Ảnh: TTXVN\n\nHà Nội & Huế\n\nA's!\n\nnext");
    expect(simpleFragmentToText('<p>a<div>b</div>')).toBeNull();
    expect(simpleFragmentToText('<p>R&D</p>')).toBeNull();
    expect(simpleFragmentToText('<p>a</p><!-- c --><p>b</p>')).toBeNull();
    expect(simpleFragmentToText('<script>x</script><p>b</p>')).toBeNull();
    expect(simpleFragmentToText('<p>a</span></p>')).toBeNull();
  });

  it('gives the DOM path its text on random markup, whenever it answers', () => {
    const tag = fc.constantFrom(
      'p',
      'div',
      'span',
      'a',
      'b',
      'i',
      'em',
      'strong',
      'li',
      'ul',
      'ol',
      'h2',
      'figure',
      'figcaption',
      'picture',
      'blockquote',
      'dt',
      'dd',
      'pre',
      'video',
      'P',
      'Div',
      'td',
      'table',
      'script',
      'style',
      'iframe',
      'svg',
      'body',
      'html',
      'noscript',
    );
    const voidTag = fc.constantFrom('br', 'img', 'hr', 'source', 'wbr', 'BR', 'input', 'meta');
    const attribute = fc.constantFrom(
      '',
      ' class="x"',
      " alt='a & b'",
      ' href=http:x',
      ' data-x = "1"',
      ' disabled',
      ' alt="a>b"',
      ' title="<i>"',
      ' src=a/b',
      '\n class="y"',
      ' =x',
      ' a="b"c',
      ' x=`y`',
    );
    const text = fc.constantFrom(
      'Hà Nội',
      ' ',
      '\n',
      'hoà',
      '&amp;',
      '&lt;',
      '&nbsp;',
      '&#39;',
      '&#x1F600;',
      '&#150;',
      '&#0;',
      '&copy;',
      '&copy',
      '&hellip;',
      '&AMP;',
      'R&D',
      '& ',
      'a < b',
      '<3',
      '&#xD800;',
      '&#65',
      '\u00a0',
      '\u200b',
      '\r\n',
      'Ảnh: TTXVN',
      '«x»',
      '&foo;',
      '&notin;',
      '\t',
      '&#x110000;',
    );
    type Node = string;
    const { node } = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.tuple(voidTag, attribute, fc.boolean()).map(([t, a, slash]) => `<${t}${a}${slash ? '/' : ''}>`),
        fc
          .tuple(
            tag,
            attribute,
            fc.array(tie('node'), { maxLength: 4 }),
            fc.constantFrom('close', 'open', 'self', 'wrong'),
          )
          .map(([t, a, kids, end]) => {
            const inner = kids.join('');
            if (end === 'self') return `<${t}${a}/>${inner}`;
            if (end === 'open') return `<${t}${a}>${inner}`;
            if (end === 'wrong') return `<${t}${a}>${inner}</b>`;
            return `<${t}${a}>${inner}</${t}>`;
          }),
        fc.constantFrom('<!-- c -->', '<![CDATA[x]]>', '</p>', '</br>', '< p>', '<p', '<?x?>'),
      ),
    }));
    const fragment = fc.array(node, { maxLength: 8 }).map((parts) => parts.join(''));
    let answered = 0;
    fc.assert(
      fc.property(fragment, (html) => {
        const text = simpleFragmentToText(html);
        if (text === null) return;
        answered++;
        expect(text).toBe(viaDom(html));
        expect(htmlFragmentToText(html)).toBe(text);
      }),
      { numRuns: 4000 },
    );
    // The property must be exercised, not skipped by a reader that always steps aside.
    expect(answered).toBeGreaterThan(400);
  });
});
