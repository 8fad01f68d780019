import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.ts';
import { decodeBody } from '../../src/ingest/decode.ts';
import { looksLikeFeed, parseFeed } from '../../src/ingest/feed-parser.ts';
import { FIXTURES_DIR } from '../helpers/fixture-server.ts';

const read = (name: string): string => decodeBody(readFileSync(path.join(FIXTURES_DIR, 'feeds', name)), null);

describe('parseFeed: RSS 2.0 (VnExpress-like)', () => {
  const feed = parseFeed(read('vnexpress-thoi-su.rss'), 'https://vnexpress.net/rss/thoi-su.rss');

  it('reads the channel title and every item', () => {
    expect(feed.title).toBe('Thời sự - VnExpress RSS');
    expect(feed.items.map((i) => i.title)).toEqual([
      'Hà Nội ra quân đảm bảo trật tự giao thông dịp Tết Dương lịch',
      'Đà Nẵng khai trương tuyến xe buýt nối sân bay với trung tâm',
      'Thành phố Hồ Chí Minh dừng bắn pháo hoa đêm giao thừa & lễ hội đếm ngược',
    ]);
  });

  it('keeps guids, dates with their +07:00 offset, and links', () => {
    const [first, second] = feed.items;
    expect(first?.guid).toBe('https://vnexpress.net/ha-noi-ra-quan-dam-bao-trat-tu-giao-thong-4213541.html');
    expect(first?.publishedAt).toBe('2020-12-31T07:10:00+07:00');
    expect(first?.url).toBe(
      'https://vnexpress.net/ha-noi-ra-quan-dam-bao-trat-tu-giao-thong-4213541.html?utm_source=rss&utm_medium=feed#box_comment',
    );
    expect(second?.guid).toBe('vne-4213400');
  });

  it('resolves a relative item link against the feed URL', () => {
    expect(feed.items[1]?.url).toBe('https://vnexpress.net/da-nang-khai-truong-tuyen-xe-buyt-4213400.html');
  });

  it('takes the richest content: content:encoded over the CDATA description', () => {
    expect(feed.items[1]?.html).toContain('<p>Tuyến dài 18 km');
    expect(feed.items[0]?.html).toContain('<img src="https://i1-vnexpress.vnecdn.net');
  });
});

describe('parseFeed: Atom, JSON Feed, RDF', () => {
  it('reads Atom with xml:base, html and xhtml text constructs', () => {
    const feed = parseFeed(read('example-news-world.atom'), 'https://www.example-news.com/world/rss.atom');
    expect(feed.title).toBe('World news & analysis | Example News');
    const [first, second] = feed.items;
    expect(first?.title).toBe('Vietnam reports no new local Covid-19 cases for third day');
    expect(first?.url).toBe(
      'https://www.example-news.com/world/2020/dec/31/vietnam-covid-third-day?CMP=share_btn_tw',
    );
    expect(first?.guid).toBe('tag:example-news.com,2020-12-31:/world/vietnam-covid-third-day');
    expect(first?.publishedAt).toBe('2020-12-31T08:30:00+07:00');
    expect(first?.html).toContain('<p>Vietnam&#39;s health ministry'.replace('&#39;', "'"));
    expect(second?.title).toBe('Mekong delta farmers brace for drought');
    expect(second?.url).toBe('https://www.example-news.com/world/2020/dec/30/mekong-drought');
    expect(second?.publishedAt).toBe('2020-12-30T14:00:00Z');
    // type="text" content is escaped, so "<again>" stays text, not a tag
    expect(second?.html).toBe('Saltwater intrusion threatens rice crops &lt;again&gt; this dry season.');
  });

  it('reads JSON Feed 1.1, with relative url, content_text and a titleless item', () => {
    const feed = parseFeed(read('vietnamnews.json'), 'https://vietnamnews.example/society/feed.json');
    expect(feed.title).toBe('Việt Nam News – Society');
    const [hue, trees, untitled] = feed.items;
    expect(hue?.url).toBe('https://vietnamnews.example/society/1234/hue-festival?utm_campaign=json');
    expect(hue?.publishedAt).toBe('2022-03-01T09:30:00+07:00');
    expect(trees?.publishedAt).toBeNull(); // "yesterday": unparsable, not fatal
    expect(trees?.html).toContain('2025 &lt;sic&gt;.');
    expect(untitled?.title).toMatch(/^Một bản tin không có tiêu đề về thời tiết Hà Nội/u);
    expect(untitled?.url).toBeNull();
  });

  it('reads RDF (RSS 1.0) with dc:date', () => {
    const feed = parseFeed(read('slashdot-like.rdf'), 'https://tech.example.org/index.rdf');
    expect(feed.title).toBe('Tech Example: News for nerds');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toEqual({
      guid: 'https://tech.example.org/story/20/12/31/vinfast-ev',
      url: 'https://tech.example.org/story/20/12/31/vinfast-ev',
      title: 'VinFast Unveils Three Electric SUVs',
      html: 'Vietnamese carmaker VinFast has shown three electric SUVs it plans to sell in the US and Europe.',
      publishedAt: '2020-12-31T03:20:00Z',
    });
    expect(feed.items[1]?.publishedAt).toBe('2020-12-30T00:00:00');
  });

  it('reads the windows-1258 and UTF-16 feeds once decoded', () => {
    const nld = parseFeed(
      decodeBody(readFileSync(path.join(FIXTURES_DIR, 'feeds/nld-windows-1258.rss')), 'text/xml'),
      'https://nld.example.vn/rss',
    );
    expect(nld.items[0]?.title).toBe('Quảng Nam: Hơn 2.000 hộ dân được hỗ trợ sửa nhà sau bão');
    const vov = parseFeed(read('vov-utf16be.rss'), 'https://vov.example.vn/rss');
    expect(vov.title).toBe('Đài Tiếng nói Việt Nam – Thế giới');
    expect(vov.items[0]?.guid).toBe('https://vov.example.vn/the-gioi/nhat-ban-dong-cua-bien-gioi-830123.vov');
  });
});

describe('parseFeed: bad input', () => {
  it('skips one broken item (unclosed tag) and one empty item, keeping the others', () => {
    const feed = parseFeed(read('broken-item.rss'), 'https://tuoitre.example.vn/rss/tin-moi-nhat.rss');
    expect(feed.title).toBe('Tuổi Trẻ Online - Tin mới nhất');
    expect(feed.items.map((i) => i.title)).toEqual([
      'Giá xăng giảm lần thứ ba liên tiếp',
      'Cần Thơ khánh thành cầu mới bắc qua sông Hậu',
    ]);
    expect(feed.items[0]?.publishedAt).toBe('2020-12-31T15:05:00+07:00');
    expect(feed.items[1]?.publishedAt).toBeNull(); // "ngày 30 tháng 12"
  });

  it.each([
    ['malformed XML', read('malformed.xml')],
    ['an HTML page', '<!doctype html><html><body><p>Xin chào</p></body></html>'],
    ['plain text', 'Văn phòng Trung ương Đảng'],
    ['JSON that is not a feed', '{"title": "x", "body": "y"}'],
    ['broken JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [ '],
    ['an empty string', ''],
  ])('refuses %s with a one-line ParseError naming the URL', (_name, text) => {
    let error: unknown;
    try {
      parseFeed(text, 'https://bad.example/feed');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).message).toBe(
      'not a valid RSS, Atom or JSON feed: https://bad.example/feed',
    );
  });
});

describe('looksLikeFeed', () => {
  it('trusts feed content types', () => {
    expect(looksLikeFeed('', 'application/rss+xml; charset=utf-8')).toBe(true);
    expect(looksLikeFeed('', 'application/feed+json')).toBe(true);
  });
  it('sniffs feeds served as text/xml or text/html', () => {
    expect(looksLikeFeed(read('vnexpress-thoi-su.rss'), 'text/html')).toBe(true);
    expect(looksLikeFeed(read('example-news-world.atom'), 'text/xml')).toBe(true);
    expect(looksLikeFeed(read('slashdot-like.rdf'), null)).toBe(true);
    expect(looksLikeFeed(read('vietnamnews.json'), 'application/json')).toBe(true);
    expect(looksLikeFeed('<!-- generated --><?xml-stylesheet href="x"?><rss version="2.0">', null)).toBe(
      true,
    );
  });
  it('says no for pages and other JSON', () => {
    expect(
      looksLikeFeed('<!doctype html><html lang="vi"><head><title>Tin</title></head></html>', 'text/html'),
    ).toBe(false);
    expect(looksLikeFeed('{"title": "x"}', 'application/json')).toBe(false);
    expect(looksLikeFeed('Văn phòng', 'text/plain')).toBe(false);
  });
});
