import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { parseJsonArticle, parseTextArticle } from '../../src/ingest/text-input.ts';
import { FIXTURES_DIR } from '../helpers/fixture-server.ts';

const SAMPLE = readFileSync(
  path.join(FIXTURES_DIR, 'pages/vietnamplus-van-phong-trung-uong-2021.txt'),
  'utf8',
);

describe('parseTextArticle', () => {
  it('takes the first non-empty line as the title and cleans the rest', () => {
    const { title, body } = parseTextArticle(`\n\n  ${SAMPLE}`);
    expect(title).toBe('Văn phòng Trung ương Đảng triển khai nhiệm vụ công tác năm 2021');
    expect(body.startsWith('Thường trực Ban Bí thư Trần Quốc Vượng nêu rõ')).toBe(true);
    expect(body.endsWith('phát động thi đua năm 2021.')).toBe(true);
  });

  it('handles CRLF, a BOM and NFD', () => {
    const { title, body } = parseTextArticle(
      '\ufeffHà Nội mưa to\r\nCâu một.\r\n\r\nCâu hai.'.normalize('NFD'),
    );
    expect(title).toBe('Hà Nội mưa to');
    expect(body).toBe('Câu một.\n\nCâu hai.');
  });

  it('gives an empty title for empty text', () => {
    expect(parseTextArticle(' \n\n ')).toEqual({ title: '', body: '' });
  });
});

describe('parseJsonArticle', () => {
  it('reads the documented fields and cleans the body', () => {
    const draft = parseJsonArticle(
      JSON.stringify({
        title: 'Văn phòng Trung ương Đảng triển khai nhiệm vụ công tác năm 2021',
        body: SAMPLE.split('\n').slice(1).join('\n'),
        published: '2020-12-31',
        source_url: 'https://www.vietnamplus.vn/x/686188.vnp?utm_source=fb#top',
      }),
    );
    expect(draft.lang).toBe('vi');
    expect(draft.publishedAt).toBe('2020-12-31');
    expect(draft.url).toBe('https://www.vietnamplus.vn/x/686188.vnp');
    expect(draft.source).toBe('vietnamplus.vn');
    expect(draft.body).not.toMatch(/Quỳnh Hoa|Ảnh:/u);
  });

  it('accepts published null, an explicit lang and url over source_url', () => {
    const draft = parseJsonArticle(
      '{"title":"Hanoi plants trees","body":"Hà Nội trồng cây.","published":null,"lang":"en","url":"https://a.example/1","source_url":"https://b.example/2"}',
    );
    expect(draft.publishedAt).toBeNull();
    expect(draft.lang).toBe('en');
    expect(draft.url).toBe('https://a.example/1');
  });

  it('turns an unparsable date into null instead of failing', () => {
    expect(parseJsonArticle('{"title":"T","body":"B","published":"hôm qua"}').publishedAt).toBeNull();
  });

  it.each([
    ['{"title": ', 'not valid JSON: a.json'],
    ['{"body": "x"}', 'the JSON article has no title: a.json'],
    ['{"title": "   ", "body": "x"}', 'the JSON article has no title: a.json'],
    ['{"title": 42}', 'the JSON article has no title: a.json'],
    ['[1, 2]', 'not a JSON article: a.json'],
  ])('refuses %s with InputError %j', (raw, message) => {
    expect(() => parseJsonArticle(raw, 'a.json')).toThrow(new InputError(message));
  });
});
