import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.ts';
import { MAX_NESTING } from '../../src/ingest/html-dom.ts';
import { extractPage, htmlToText } from '../../src/ingest/page-extractor.ts';
import { parseTextArticle } from '../../src/ingest/text-input.ts';
import { FIXTURES_DIR } from '../helpers/fixture-server.ts';

const page = (name: string): string => readFileSync(path.join(FIXTURES_DIR, 'pages', name), 'utf8');

describe('extractPage: a Vietnam+ article among navigation, ads, related links, comments, footer', () => {
  const draft = extractPage(
    page('vietnamplus-van-phong-trung-uong.html'),
    'https://www.vietnamplus.vn/van-phong-trung-uong-dang-trien-khai-nhiem-vu-cong-tac-nam-2021/686188.vnp?utm_source=zalo',
  );

  it('reads title, canonical URL without tracking, date, source and language', () => {
    expect(draft.title).toBe('Văn phòng Trung ương Đảng triển khai nhiệm vụ công tác năm 2021');
    expect(draft.url).toBe(
      'https://www.vietnamplus.vn/van-phong-trung-uong-dang-trien-khai-nhiem-vu-cong-tac-nam-2021/686188.vnp',
    );
    expect(draft.publishedAt).toBe('2020-12-30T19:52:00+07:00');
    expect(draft.source).toBe('VietnamPlus');
    expect(draft.lang).toBe('vi');
    expect(draft.guid).toBeNull();
  });

  it('gives the same clean body as the plain-text copy of the article', () => {
    const fromText = parseTextArticle(page('vietnamplus-van-phong-trung-uong-2021.txt'));
    expect(draft.body).toBe(fromText.body);
  });

  it('keeps paragraphs apart and leaves the furniture out', () => {
    const paragraphs = draft.body.split('\n\n');
    expect(paragraphs[0]).toMatch(/^Thường trực Ban Bí thư Trần Quốc Vượng nêu rõ ngay đầu năm 2021/u); // the sapo
    expect(paragraphs[1]).toMatch(/^Chiều 30\/12, Văn phòng Trung ương Đảng/u);
    expect(draft.body).not.toMatch(
      /Trang chủ|Chính trị\n|Quảng cáo|TIN LIÊN QUAN|Bình luận|Bản quyền|Đọc nhiều|Chia sẻ|Quỳnh Hoa|Ảnh:|hinh anh|\.\/\./u,
    );
    expect(draft.body).not.toMatch(/Đảng\.Chiều/u);
  });
});

describe('extractPage: an English page', () => {
  const draft = extractPage(
    page('english-news-article.html'),
    'https://www.example-times.com/business/x?utm_source=a',
  );

  it('uses twitter:title, a relative canonical made absolute, <time datetime> and the host', () => {
    expect(draft.title).toBe("Vietnam's economy grows 2.9% in 2020 despite pandemic");
    expect(draft.url).toBe(
      'https://www.example-times.com/business/2020/12/27/vietnam-economy-grows?page=1&ref=rss',
    );
    expect(draft.publishedAt).toBe('2020-12-27T10:15:00+07:00');
    expect(draft.source).toBe('example-times.com');
    expect(draft.lang).toBe('en');
  });

  it('drops byline, caption, ads, "Read more", cookie banner, related stories and footer', () => {
    const paragraphs = draft.body.split('\n\n');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toMatch(/^Vietnam's economy grew 2\.91% in 2020/u);
    expect(paragraphs.at(-1)).toMatch(/^Economists at the World Bank/u);
    expect(draft.body).not.toMatch(
      /Jane Nguyen|Photo|Advertisement|Read more|cookies|Related|Samsung|Sign up|©/u,
    );
  });
});

describe('extractPage: other pages', () => {
  it('refuses a page with no article (a login form) with a one-line ParseError', () => {
    expect(() => extractPage(page('not-an-article.html'), 'https://x.vn/login')).toThrow(
      new ParseError('no readable article on the page: https://x.vn/login'),
    );
    expect(() => extractPage('', null)).toThrow(ParseError);
    expect(() => extractPage('\u0000\u0001garbage<<<>>>', null)).toThrow(ParseError);
  });

  it('falls back to the page URL and the language detector', () => {
    const html = `<html><head><title>Giá xăng giảm</title></head><body><article><h1>Giá xăng giảm</h1>
      <p>Từ 15h chiều nay, giá xăng RON95 giảm 200 đồng mỗi lít theo quyết định của liên Bộ Công Thương - Tài chính.</p>
      <p>Đây là lần giảm thứ ba liên tiếp kể từ đầu tháng, theo thông báo của Tập đoàn Xăng dầu Việt Nam.</p></article></body></html>`;
    const draft = extractPage(html, 'https://www.tuoitre.example.vn/gia-xang.htm#top');
    expect(draft.url).toBe('https://www.tuoitre.example.vn/gia-xang.htm');
    expect(draft.source).toBe('tuoitre.example.vn');
    expect(draft.lang).toBe('vi');
    expect(draft.publishedAt).toBeNull();
    expect(draft.body.split('\n\n')).toHaveLength(2);
  });

  it('reads datePublished from JSON-LD @graph and has no URL for a local file', () => {
    const html = `<html lang="en"><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2021-01-02T08:00:00+07:00"}]}</script></head>
      <body><article><h1>Hue citadel reopens</h1><p>${'The imperial citadel in Hue reopened to visitors on Saturday after restoration work. '.repeat(3)}</p></article></body></html>`;
    const draft = extractPage(html, null);
    expect(draft.publishedAt).toBe('2021-01-02T08:00:00+07:00');
    expect(draft.url).toBeNull();
    expect(draft.source).toBeNull();
  });
});

describe('htmlToText', () => {
  it('turns feed item HTML into paragraphs, dropping images and decoding entities', () => {
    expect(
      htmlToText(
        '<a href="/x"><img src="/i.jpg"></a></br>Tuyến buýt số 12 &amp; giá vé 10.000&nbsp;đồng.<p>Đoạn hai.</p><ul><li>Một</li><li>Hai</li></ul>',
      ),
    ).toBe('Tuyến buýt số 12 & giá vé 10.000 đồng.\n\nĐoạn hai.\n\nMột\n\nHai');
  });
  it('keeps table cells of one row together and survives deep nesting', () => {
    expect(htmlToText('<table><tr><td>Hà Nội</td><td>9°C</td></tr></table>')).toBe('Hà Nội 9°C');
    expect(htmlToText(`${'<div>'.repeat(4_000)}sâu${'</div>'.repeat(4_000)}`)).toBe('sâu');
    // Beyond MAX_NESTING the DOM is skipped (linkedom slows down badly): words are kept.
    expect(htmlToText(`${'<div><span>'.repeat(50_000)}sâu &amp; xa`)).toBe('sâu & xa');
  });

  it('refuses a page nested beyond MAX_NESTING as not an article', () => {
    const deep = `<html><body><article>${'<div>'.repeat(MAX_NESTING + 1)}<p>${'Chữ. '.repeat(50)}</p></article></body></html>`;
    expect(() => extractPage(deep, 'https://x.vn/a')).toThrow(
      new ParseError('no readable article on the page (markup nested too deeply): https://x.vn/a'),
    );
  });
  it('refuses markup too deep for Readability before running it', () => {
    const deep = `<html><body><article>${'<div>'.repeat(300)}<p>${'Chữ. '.repeat(50)}</p></article></body></html>`;
    expect(() => extractPage(deep, 'https://x.vn/a')).toThrow(/nested too deeply/);
    const normal = `<html><body><article>${'<div>'.repeat(40)}<p>${'Hà Nội chiều 30/12 có mưa lớn kéo dài. '.repeat(20)}</p>${'</div>'.repeat(40)}</article></body></html>`;
    expect(extractPage(normal, 'https://x.vn/b').body).toContain('Hà Nội');
  });
  it('passes plain text through', () => {
    expect(htmlToText('Chỉ là chữ  thường')).toBe('Chỉ là chữ thường');
  });
});
