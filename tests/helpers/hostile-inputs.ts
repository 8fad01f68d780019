/**
 * fast-check arbitraries for hostile feeds, pages and texts: built from structure (so the
 * parsers get past their first check), then mutated (truncated, spliced, nested, bombed) and
 * encoded into bytes (right, wrong and mixed charsets, BOMs, NULs). Used by tests/fuzz/.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';

/** Fragments real news and real attacks are made of; the generators splice them together. */
const SPECIALS = [
  'Hà Nội',
  'Đà Nẵng',
  'Thành phố Hồ Chí Minh',
  'ông Trần Quốc Vượng',
  'Văn phòng Trung ương Đảng',
  'Chiều 30/12',
  'ngày 31/12/2020',
  'sáng nay',
  'tối qua',
  '15h30',
  'hoà',
  'thuỷ',
  '(Ảnh: TTXVN)',
  '[Tin liên quan]',
  './.',
  'Theo VnExpress',
  'hinh anh 1',
  'President Joe Biden said on Tuesday',
  'in London',
  'HANOI (Reuters) -',
  'yesterday afternoon',
  '<b>',
  '</b>',
  '<i>x</i>',
  '<br/>',
  '<p>',
  '</p>',
  '<div class="ads">',
  '</div>',
  '<script>alert(1)</script>',
  '<style>*{}</style>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '&',
  '&amp;',
  '&lt;',
  '&nbsp;',
  '&#0;',
  '&#xD800;',
  '&#1114112;',
  '&#x1F600;',
  '&unknown;',
  '&amp',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?xml version="1.0"?>',
  '<!DOCTYPE html>',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '@everyone',
  '@here',
  '<@123>',
  '[x](http://y)',
  '||spoiler||',
  '# heading',
  '> quote',
  '\u202e',
  '\u202d',
  '\u200f',
  '\u200e',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u00a0',
  '\u2028',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u001b]0;title\u0007',
  '\u007f',
  '\u0085',
  '\r',
  '\r\n',
  '\n\n',
  '\t',
  '\ud800',
  '\udfff',
  '🇻🇳',
  '👨‍👩‍👧‍👦',
  '😀',
  'a\u0301\u0302\u0303\u0304\u0305',
  '30/12',
  '2020-12-31T08:00:00+07:00',
  'Thu, 31 Dec 2020 08:00:00 +0700',
  'not a date',
  '99/99/9999',
  'http://example.com/a?utm_source=x#f',
  'javascript:alert(1)',
  '//evil.example/x',
  '.',
  '...',
  'TP. Hồ Chí Minh',
  'PGS.TS.',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

/** One piece of hostile text. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...SPECIALS), weight: 6 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 2 },
  { arbitrary: fc.string({ unit: fc.oneof(loneSurrogate, controlChar), maxLength: 3 }), weight: 1 },
  { arbitrary: fc.lorem({ maxCount: 6 }), weight: 3 },
);

/** Hostile text: words, markup, controls and odd code points, space-joined or glued. */
export const hostileText = (maxPieces = 12): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(piece, { maxLength: maxPieces }), fc.constantFrom(' ', '', '\n', '. '))
    .map(([parts, sep]) => parts.join(sep));

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** How a text field is written into XML: escaped, raw (maybe breaking it) or as CDATA. */
const xmlField = (maxPieces = 8): fc.Arbitrary<string> =>
  fc
    .tuple(hostileText(maxPieces), fc.constantFrom('escaped', 'raw', 'cdata'))
    .map(([t, how]) => (how === 'escaped' ? xmlEscape(t) : how === 'raw' ? t : `<![CDATA[${t}]]>`));

const linkish = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('/relative/path.html', '', 'javascript:alert(1)', 'not a url', 'http://[::1', 'ftp://x/y'),
  hostileText(2),
);

const dateish = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    'Thu, 31 Dec 2020 08:00:00 +0700',
    '2020-12-31',
    'yesterday',
    '',
    '31/12/2020 08:00',
    '0000-00-00',
  ),
  hostileText(2),
);

const item = fc.record({
  title: xmlField(),
  link: linkish,
  body: xmlField(16),
  date: dateish,
  guid: fc.oneof(fc.uuid(), linkish),
});

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

/** A feed document of one of the four formats, fields hostile but the skeleton intact. */
export const feedDocument: fc.Arbitrary<{ format: FeedFormat; text: string }> = fc
  .record({
    format: fc.constantFrom<FeedFormat>('rss', 'atom', 'rdf', 'json'),
    title: xmlField(4),
    items: fc.array(item, { maxLength: 6 }),
    decl: fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0"?>'),
  })
  .map(({ format, title, items, decl }) => {
    if (format === 'json') {
      const raw = (s: string): string => s.replace(/<!\[CDATA\[|\]\]>/g, '');
      return {
        format,
        text: JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: raw(title),
          items: items.map((i) => ({
            id: raw(i.guid),
            url: i.link,
            title: raw(i.title),
            content_html: raw(i.body),
            date_published: i.date,
          })),
        }),
      };
    }
    if (format === 'atom') {
      const entries = items
        .map(
          (i) =>
            `<entry><id>${i.guid}</id><title type="html">${i.title}</title><link href="${xmlEscape(i.link)}"/>` +
            `<published>${i.date}</published><content type="html">${i.body}</content></entry>`,
        )
        .join('\n');
      return {
        format,
        text: `${decl}<feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title>\n${entries}</feed>`,
      };
    }
    if (format === 'rdf') {
      const entries = items
        .map(
          (i) =>
            `<item rdf:about="${xmlEscape(i.link)}"><title>${i.title}</title><link>${xmlEscape(i.link)}</link>` +
            `<description>${i.body}</description><dc:date>${i.date}</dc:date></item>`,
        )
        .join('\n');
      return {
        format,
        text:
          `${decl}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" ` +
          `xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${title}</title></channel>\n${entries}</rdf:RDF>`,
      };
    }
    const entries = items
      .map(
        (i) =>
          `<item><title>${i.title}</title><link>${xmlEscape(i.link)}</link><guid>${xmlEscape(i.guid)}</guid>` +
          `<pubDate>${i.date}</pubDate><description>${i.body}</description></item>`,
      )
      .join('\n');
    return {
      format,
      text: `${decl}<rss version="2.0"><channel><title>${title}</title><link>https://example.vn/</link>\n${entries}</channel></rss>`,
    };
  });

/** A news page: metadata, navigation, an article with paragraphs, ads and captions. */
export const pageDocument: fc.Arbitrary<string> = fc
  .record({
    lang: fc.constantFrom('vi', 'en', 'fr', '', 'x"><script>'),
    title: hostileText(6),
    ogTitle: fc.option(hostileText(6)),
    published: fc.option(dateish),
    canonical: fc.option(linkish),
    charset: fc.constantFrom(
      '',
      '<meta charset="utf-8">',
      '<meta charset="windows-1258">',
      '<meta charset="bogus">',
    ),
    paragraphs: fc.array(hostileText(20), { maxLength: 8 }),
    caption: fc.option(hostileText(4)),
  })
  .map((p) => {
    const esc = (s: string): string => xmlEscape(s);
    const meta = [
      p.charset,
      p.ogTitle === null ? '' : `<meta property="og:title" content="${esc(p.ogTitle)}">`,
      p.published === null ? '' : `<meta property="article:published_time" content="${esc(p.published)}">`,
      p.canonical === null ? '' : `<link rel="canonical" href="${esc(p.canonical)}">`,
    ].join('');
    const body = p.paragraphs.map((t, i) => (i % 3 === 2 ? `<p>${t}</p>` : `<p>${esc(t)}</p>`)).join('\n');
    const figure =
      p.caption === null
        ? ''
        : `<figure><img src="a.jpg"><figcaption>${esc(p.caption)}</figcaption></figure>`;
    return (
      `<!doctype html><html lang="${p.lang}"><head>${meta}<title>${esc(p.title)}</title></head><body>` +
      `<nav><a href="/">Trang chủ</a></nav><article><h1>${esc(p.title)}</h1>${figure}${body}` +
      `<div class="related">Tin liên quan</div></article><footer>© 2026</footer></body></html>`
    );
  });

/** A pasted article: a title line, then paragraphs. */
export const textDocument: fc.Arbitrary<string> = fc
  .tuple(
    hostileText(6),
    fc.array(hostileText(20), { maxLength: 8 }),
    fc.constantFrom('\n', '\r\n', '\n\n', '\r'),
  )
  .map(([title, paras, nl]) => [title, ...paras].join(nl));

/** A JSON article as `summarize` reads it, sometimes with wrong types. */
export const jsonArticleDocument: fc.Arbitrary<string> = fc
  .record({
    title: fc.oneof(hostileText(6), fc.constant(''), fc.integer()),
    body: fc.oneof(hostileText(20), fc.constant(null)),
    published: fc.oneof(dateish, fc.constant(null), fc.double(), fc.integer()),
    url: fc.oneof(linkish, fc.constant(null)),
    lang: fc.constantFrom('vi', 'en', 'VI-vn', null, 'xx', 7),
  })
  .map((o) => JSON.stringify(o));

/** Structural damage, applied to the document text before encoding. */
const mutation: fc.Arbitrary<(s: string) => string> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => (s: string) => s.slice(0, Math.floor(s.length * f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), piece).map(
    ([f, p]) =>
      (s: string) =>
        s.slice(0, Math.floor(s.length * f)) + p + s.slice(Math.floor(s.length * f)),
  ),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true }))
    .map(([f, g]) => (s: string) => {
      const at = Math.floor(s.length * f);
      return s.slice(0, at) + s.slice(at + Math.floor(s.length * g));
    }),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }))
    .map(([f, g]) => (s: string) => {
      const at = Math.floor(s.length * f);
      const end = Math.min(s.length, at + Math.floor(s.length * g));
      return s.slice(0, end) + s.slice(at, end) + s.slice(end);
    }),
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(
        '<item>',
        '</item>',
        '<entry>',
        '</channel>',
        '<div>',
        '</p>',
        '<title>',
        '<',
        '>',
        '"',
        "'",
        '<x:y>',
      ),
    )
    .map(
      ([f, tag]) =>
        (s: string) =>
          s.slice(0, Math.floor(s.length * f)) + tag + s.slice(Math.floor(s.length * f)),
    ),
  // Huge attribute.
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1_000, max: 30_000 }))
    .map(([f, n]) => (s: string) => {
      const at = Math.floor(s.length * f);
      return `${s.slice(0, at)}<span data-x="${'A'.repeat(n)}">x</span>${s.slice(at)}`;
    }),
  // Deeply nested tags: a little, or past the parsers' nesting limit (5,000). The range between
  // was a hang in Readability (see FORMER_HANGS in tests/fuzz/extremes.fuzz.test.ts).
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.oneof(fc.integer({ min: 2, max: 120 }), fc.integer({ min: 5_001, max: 8_000 })),
      fc.constantFrom('b', 'div', 'item', 'span', 'x'),
      fc.boolean(),
    )
    .map(([f, n, tag, closed]) => (s: string) => {
      const at = Math.floor(s.length * f);
      const open = `<${tag}>`.repeat(n);
      return s.slice(0, at) + open + 'deep' + (closed ? `</${tag}>`.repeat(n) : '') + s.slice(at);
    }),
  // Entity bomb ("billion laughs") in a DOCTYPE, placed after any XML declaration.
  fc.integer({ min: 3, max: 9 }).map((levels) => (s: string) => {
    const ents = ['<!ENTITY e0 "lol lol lol lol lol lol lol lol lol lol">'];
    for (let i = 1; i <= levels; i++) ents.push(`<!ENTITY e${i} "${`&e${i - 1};`.repeat(10)}">`);
    const doctype = `<!DOCTYPE rss [${ents.join('')}]>`;
    const declEnd = s.startsWith('<?xml') ? s.indexOf('?>') + 2 : 0;
    return `${s.slice(0, declEnd)}${doctype}${s.slice(declEnd).replace(/<title>/, `<title>&e${levels};`)}`;
  }),
  // Control characters and NULs sprinkled.
  fc
    .tuple(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), controlChar)
    .map(([fs, c]) => (s: string) => {
      let out = s;
      for (const f of fs) {
        const at = Math.floor(out.length * f);
        out = out.slice(0, at) + c + out.slice(at);
      }
      return out;
    }),
);

/** Applies 0–3 mutations. */
export const mutated = (doc: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(doc, fc.array(mutation, { maxLength: 3 }))
    .map(([text, ms]) => ms.reduce((acc, m) => m(acc), text));

export type Encoding =
  | 'utf-8'
  | 'utf-8-bom'
  | 'utf-16le-bom'
  | 'utf-16be-bom'
  | 'utf-16le'
  | 'windows-1258'
  | 'windows-1252'
  | 'latin1-as-utf8-declared'
  | 'utf8-cut-mid-char'
  | 'bit-flips';

/** Text to bytes in a right or wrong charset, with the matching or a lying content type. */
export const encoded = (
  text: fc.Arbitrary<string>,
): fc.Arbitrary<{ bytes: Buffer; contentType: string | null; encoding: Encoding }> =>
  fc
    .record({
      text,
      encoding: fc.constantFrom<Encoding>(
        'utf-8',
        'utf-8',
        'utf-8-bom',
        'utf-16le-bom',
        'utf-16be-bom',
        'utf-16le',
        'windows-1258',
        'windows-1252',
        'latin1-as-utf8-declared',
        'utf8-cut-mid-char',
        'bit-flips',
      ),
      contentType: fc.constantFrom(
        null,
        'text/xml',
        'application/rss+xml; charset=utf-8',
        'text/html; charset=windows-1258',
        'text/html; charset="utf-16"',
        'text/plain; charset=bogus-charset',
        'application/json',
        'application/octet-stream',
        'text/html; charset=',
      ),
      flips: fc.array(
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })),
        {
          maxLength: 16,
        },
      ),
    })
    .map(({ text: t, encoding, contentType, flips }) => {
      let bytes: Buffer;
      switch (encoding) {
        case 'utf-8':
          bytes = Buffer.from(t, 'utf8');
          break;
        case 'utf-8-bom':
          bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]);
          break;
        case 'utf-16le-bom':
          bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
          break;
        case 'utf-16be-bom':
          bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]);
          break;
        case 'utf-16le':
          bytes = Buffer.from(t, 'utf16le');
          break;
        case 'windows-1258':
        case 'windows-1252':
          bytes = iconv.encode(t, encoding);
          break;
        case 'latin1-as-utf8-declared':
          bytes = Buffer.from(t.replace(/encoding="[^"]*"/, 'encoding="utf-8"'), 'latin1');
          break;
        case 'utf8-cut-mid-char': {
          const b = Buffer.from(t, 'utf8');
          const at = b.findLastIndex((x) => x >= 0xc0);
          bytes = at > 0 ? Buffer.concat([b.subarray(0, at + 1), b.subarray(0, at)]) : b;
          break;
        }
        case 'bit-flips': {
          bytes = Buffer.from(t, 'utf8');
          for (const [f, v] of flips) if (bytes.length > 0) bytes[Math.floor(f * (bytes.length - 1))] = v;
          break;
        }
      }
      return { bytes, contentType, encoding };
    });

/** A few 1 MB single lines: the shape that finds quadratic regexes. */
export function megabyteLines(): ReadonlyArray<{
  name: string;
  kind: 'text' | 'page' | 'feed';
  text: string;
}> {
  const mb = 1 << 20;
  const words = 'Hà Nội chiều 30/12 ông Trần Quốc Vượng tại Đà Nẵng '.repeat(mb / 50).slice(0, mb);
  const noSpace = 'a'.repeat(mb);
  const stars = '*_'.repeat(mb / 2);
  const dots = '.'.repeat(mb);
  const digits = '30/12/'.repeat(mb / 6);
  return [
    { name: 'text: 1 MB line of Vietnamese words', kind: 'text', text: `Tiêu đề\n${words}` },
    { name: 'text: 1 MB line without a space', kind: 'text', text: `Tiêu đề\n${noSpace}` },
    { name: 'text: 1 MB title line', kind: 'text', text: `${words}\nThân bài ngắn.` },
    { name: 'text: 1 MB of *_', kind: 'text', text: `Title\n${stars}` },
    { name: 'text: 1 MB of dots', kind: 'text', text: `Title\n${dots}` },
    { name: 'text: 1 MB of 30/12/', kind: 'text', text: `Title\n${digits}` },
    {
      name: 'page: 1 MB paragraph',
      kind: 'page',
      text: `<html><body><article><h1>T</h1><p>${words}</p></article></body></html>`,
    },
    {
      name: 'page: 1 MB attribute',
      kind: 'page',
      text: `<html><body><p title="${noSpace}">${words.slice(0, 2000)}</p></body></html>`,
    },
    {
      name: 'page: 1 MB text without a space',
      kind: 'page',
      text: `<html><body><p>${noSpace}</p></body></html>`,
    },
    {
      name: 'feed: 1 MB item description',
      kind: 'feed',
      text: `<rss version="2.0"><channel><title>t</title><item><title>T</title><description>${words}</description></item></channel></rss>`,
    },
    {
      name: 'feed: 1 MB title',
      kind: 'feed',
      text: `<rss version="2.0"><channel><title>t</title><item><title>${noSpace}</title></item></channel></rss>`,
    },
  ];
}
