import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, InputError, ParseError } from '../../src/errors.ts';
import {
  feedItemToDraft,
  loadSource,
  type LoadedSource,
  type LoadSourceDeps,
} from '../../src/ingest/load-source.ts';
import { createSafeFetcher } from '../../src/ingest/safe-fetch.ts';
import { FIXTURES_DIR, startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';

let server: FixtureServer;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

beforeAll(async () => {
  server = await startFixtureServer({
    '/rss/thoi-su.rss': {
      file: 'feeds/vnexpress-thoi-su.rss',
      headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
    },
    '/feed-as-html': { file: 'feeds/example-news-world.atom', headers: { 'content-type': 'text/html' } },
    '/nld.rss': { file: 'feeds/nld-windows-1258.rss', headers: { 'content-type': 'text/xml' } },
    '/article.vnp': {
      file: 'pages/vietnamplus-van-phong-trung-uong.html',
      headers: { 'content-type': 'text/html; charset=utf-8' },
    },
    '/moved': { redirect: '/article.vnp', status: 301 },
    '/photo.png': { body: PNG, headers: { 'content-type': 'image/png' } },
    '/report.pdf': {
      body: '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj',
      headers: { 'content-type': 'application/pdf' },
    },
    '/data.json': { body: '{"a":1}', headers: { 'content-type': 'application/json' } },
    '/broken.rss': { file: 'feeds/malformed.xml', headers: { 'content-type': 'application/rss+xml' } },
  });
});
afterAll(() => server.close());

const deps = (stdin = ''): LoadSourceDeps => ({
  fetcher: createSafeFetcher({ allowPrivateNetwork: true }),
  readFile: (p) => readFile(p),
  readStdin: () => Promise.resolve(Buffer.from(stdin)),
});
const fixture = (rel: string): string => path.join(FIXTURES_DIR, rel);

async function failure(p: Promise<LoadedSource>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Error) return e;
  }
  throw new Error('expected a failure');
}

describe('loadSource: URLs', () => {
  it('loads a feed URL as drafts: canonical URLs, clean text, feed title as source', async () => {
    const source = await loadSource(server.url('/rss/thoi-su.rss'), deps());
    if (source.kind !== 'feed') throw new Error('expected a feed');
    expect(source.feedUrl).toBe(server.url('/rss/thoi-su.rss'));
    expect(source.title).toBe('Thời sự - VnExpress RSS');
    expect(source.drafts).toHaveLength(3);
    const [first, second] = source.drafts;
    expect(first?.url).toBe('https://vnexpress.net/ha-noi-ra-quan-dam-bao-trat-tu-giao-thong-4213541.html');
    expect(first?.body).toMatch(/^Sáng 31\/12, Công an thành phố Hà Nội/u);
    expect(first?.source).toBe('Thời sự - VnExpress RSS');
    expect(first?.lang).toBe('vi');
    // relative link resolved against the feed's own (loopback) URL
    expect(second?.url).toBe(server.url('/da-nang-khai-truong-tuyen-xe-buyt-4213400.html'));
    expect(second?.body).not.toMatch(/Ảnh:|Xem thêm|hinh anh/u);
    expect(second?.body.split('\n\n')).toHaveLength(3);
  });

  it('sniffs a feed served as text/html and a windows-1258 feed served as text/xml', async () => {
    const atom = await loadSource(server.url('/feed-as-html'), deps());
    expect(atom.kind).toBe('feed');
    const nld = await loadSource(server.url('/nld.rss'), deps());
    if (nld.kind !== 'feed') throw new Error('expected a feed');
    expect(nld.drafts[0]?.title).toBe('Quảng Nam: Hơn 2.000 hộ dân được hỗ trợ sửa nhà sau bão');
  });

  it('loads a page URL (after a redirect) as one article with its canonical URL', async () => {
    const source = await loadSource(server.url('/moved'), deps());
    if (source.kind !== 'article') throw new Error('expected an article');
    expect(source.draft.url).toBe(
      'https://www.vietnamplus.vn/van-phong-trung-uong-dang-trien-khai-nhiem-vu-cong-tac-nam-2021/686188.vnp',
    );
    expect(source.draft.title).toBe('Văn phòng Trung ương Đảng triển khai nhiệm vụ công tác năm 2021');
  });

  it.each([
    ['/photo.png', 'image/png'],
    ['/report.pdf', 'application/pdf'],
    ['/data.json', 'application/json'],
  ])('refuses %s as "not an article or feed (%s)"', async (p, type) => {
    const err = await failure(loadSource(server.url(p), deps()));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe(`not an article or feed (${type}): ${server.url(p)}`);
  });

  it('passes on fetch and parse errors with their one-line messages', async () => {
    const missing = await failure(loadSource(server.url('/nope'), deps()));
    expect(missing).toBeInstanceOf(FetchError);
    expect(missing.message).toBe(`HTTP 404 Not Found: ${server.url('/nope')}`);
    const broken = await failure(loadSource(server.url('/broken.rss'), deps()));
    expect(broken).toBeInstanceOf(ParseError);
    expect(broken.message).toBe(`not a valid RSS, Atom or JSON feed: ${server.url('/broken.rss')}`);
  });
});

describe('loadSource: files and stdin', () => {
  it('reads a .txt file like the example', async () => {
    const source = await loadSource(fixture('pages/vietnamplus-van-phong-trung-uong-2021.txt'), deps());
    if (source.kind !== 'article') throw new Error('expected an article');
    expect(source.draft).toMatchObject({
      title: 'Văn phòng Trung ương Đảng triển khai nhiệm vụ công tác năm 2021',
      lang: 'vi',
      url: null,
      publishedAt: null,
      guid: null,
    });
  });

  it('reads an .html file, keeping the canonical URL it declares', async () => {
    const source = await loadSource(fixture('pages/english-news-article.html'), deps());
    if (source.kind !== 'article') throw new Error('expected an article');
    expect(source.draft.lang).toBe('en');
    expect(source.draft.url).toBeNull(); // its canonical is relative and a file has no base URL
  });

  it('reads feed files (.rss, .atom, .json feed, .rdf) as feeds', async () => {
    for (const name of [
      'vnexpress-thoi-su.rss',
      'example-news-world.atom',
      'vietnamnews.json',
      'slashdot-like.rdf',
      'vov-utf16le-bom.rss',
    ]) {
      const source = await loadSource(fixture(`feeds/${name}`), deps());
      expect(source.kind).toBe('feed');
    }
  });

  it('sniffs stdin: text, JSON article, HTML page, feed', async () => {
    const text = await loadSource('-', deps('Hà Nội mưa to\nTrời mưa lớn từ chiều qua.'));
    expect(text.kind === 'article' && text.draft.title).toBe('Hà Nội mưa to');
    const json = await loadSource('-', deps('{"title":"Hanoi rain","body":"It rained.","published":null}'));
    expect(json.kind === 'article' && json.draft.lang).toBe('en');
    const html = await loadSource(
      '-',
      deps(await readFile(fixture('pages/vietnamplus-van-phong-trung-uong.html'), 'utf8')),
    );
    expect(html.kind === 'article' && html.draft.source).toBe('VietnamPlus');
    const feed = await loadSource('-', deps(await readFile(fixture('feeds/slashdot-like.rdf'), 'utf8')));
    expect(feed.kind).toBe('feed');
  });

  it('says which file it cannot read and why', async () => {
    const missing = await failure(loadSource('/no/such/dir/article.txt', deps()));
    expect(missing).toBeInstanceOf(InputError);
    expect(missing.message).toBe('cannot read /no/such/dir/article.txt: no such file');
    const dir = await failure(loadSource(FIXTURES_DIR, deps()));
    expect(dir.message).toBe(`cannot read ${FIXTURES_DIR}: it is a directory`);
    const empty = await failure(loadSource('-', deps('   \n')));
    expect(empty.message).toBe('the text is empty: standard input');
    const binary = await failure(loadSource('-', deps('\u0000\u0001PNG')));
    expect(binary.message).toBe('not an article or feed (binary data): standard input');
    const ftp = await failure(loadSource('ftp://example.com/feed.rss', deps()));
    expect(ftp).toBeInstanceOf(InputError);
  });
});

describe('feedItemToDraft', () => {
  it('uses the feed host when the feed has no title and cleans the item text', () => {
    const draft = feedItemToDraft(
      {
        guid: 'g1',
        url: 'https://news.example/a?utm_source=rss',
        title: 'Hà Nội rét đậm',
        html: '<p>Nhiệt độ thấp nhất 9 độ C.</p><figure><figcaption>Người dân trên phố. (Ảnh: TTXVN)</figcaption></figure><p>Theo VnExpress</p>',
        publishedAt: null,
      },
      { title: null, items: [] },
      'https://www.news.example/rss',
    );
    expect(draft).toEqual({
      title: 'Hà Nội rét đậm',
      body: 'Nhiệt độ thấp nhất 9 độ C.',
      lang: 'vi',
      publishedAt: null,
      url: 'https://news.example/a',
      guid: 'g1',
      source: 'news.example',
    });
  });
});
