/**
 * RSS 2.0 feeds as a news site serves them: UTF-8 bytes, items with title, link, guid, RFC 822
 * pubDate, a short description and the full article as HTML in content:encoded (3-8 KB of
 * Vietnamese or English text, with a photo and its caption, as VnExpress and the Guardian
 * publish). Feeds carry at most 500 items (parseFeed's window), so a large fixture is several
 * feeds, each one fetch.
 */
import type { Lang } from '../../src/domain.ts';
import { createCorpus } from './corpus.ts';
import { createRandom } from './random.ts';

/** Items per feed: parseFeed reads at most 500, like a real feed window. */
export const ITEMS_PER_FEED = 500;

export interface FeedFixture {
  readonly url: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  readonly items: number;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const cdata = (s: string): string => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/**
 * `items` items split into feeds of ITEMS_PER_FEED, 70% Vietnamese. Item bodies are 3-8 KB of
 * text (UTF-8 bytes, so a Vietnamese character counts 1-3). `seed` varies the text, and
 * `offset` numbers the links, so two calls never produce the same article.
 */
export function generateFeeds(items: number, seed: number, offset = 0): FeedFixture[] {
  const random = createRandom(seed);
  const corpus = createCorpus(random);
  const feeds: FeedFixture[] = [];
  const base = Date.parse('2026-11-20T06:00:00Z');
  for (let start = 0; start < items; start += ITEMS_PER_FEED) {
    const count = Math.min(ITEMS_PER_FEED, items - start);
    const host = random.pick([
      'vnexpress.example',
      'vietnamplus.example',
      'tuoitre.example',
      'guardian.example',
    ]);
    const url = `https://${host}/rss/feed-${String(offset + start)}.rss`;
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      const n = offset + start + i;
      const lang: Lang = random.next() < 0.7 ? 'vi' : 'en';
      // Target bytes 3-8 KB; Vietnamese text is ~1.3 bytes per character in UTF-8.
      const targetBytes = random.int(3_000, 7_600);
      const article = corpus.article(lang, Math.round(targetBytes / (lang === 'vi' ? 1.3 : 1.05)));
      const link = `https://${host}/${lang === 'vi' ? 'thoi-su' : 'world'}/bai-${String(n)}.html?utm_source=rss`;
      const caption =
        lang === 'vi' ? `Quang cảnh hội nghị. (Ảnh: ${host})` : `A view of the meeting. Photograph: ${host}`;
      const html = [
        `<figure><img src="https://${host}/img/${String(n)}.jpg" alt="${escapeXml(article.title)}"/><figcaption>${escapeXml(caption)}</figcaption></figure>`,
        ...article.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`),
      ].join('\n');
      const published = new Date(base - n * 90_000).toUTCString().replace('GMT', '+0000');
      parts.push(`<item>
  <title>${escapeXml(article.title)}</title>
  <link>${escapeXml(link)}</link>
  <guid isPermaLink="false">${host}-${String(n)}</guid>
  <pubDate>${published}</pubDate>
  <description>${cdata(article.paragraphs[0] ?? '')}</description>
  <content:encoded>${cdata(html)}</content:encoded>
</item>`);
    }
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>${host} - Tin mới nhất</title>
  <link>https://${host}/</link>
  <description>Bench feed</description>
  <language>vi</language>
${parts.join('\n')}
</channel>
</rss>
`;
    feeds.push({
      url,
      contentType: 'application/rss+xml; charset=utf-8',
      bytes: Buffer.from(xml, 'utf8'),
      items: count,
    });
  }
  return feeds;
}
