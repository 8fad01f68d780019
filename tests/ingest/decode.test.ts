import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromLabel, decodeBody, detectCharset } from '../../src/ingest/decode.ts';
import { FIXTURES_DIR } from '../helpers/fixture-server.ts';

const VI =
  'Văn phòng Trung ương Đảng tổ chức Hội nghị tổng kết công tác năm 2020 tại Hà Nội, Đà Nẵng và Thành phố Hồ Chí Minh.';

/** How Windows encodes Vietnamese in cp1258: ă â ê ô ơ ư đ precomposed, tones as combining marks. */
function encode1258(text: string): Buffer {
  const split = text.normalize('NFC').replace(/\p{L}/gu, (ch) => {
    const d = ch.normalize('NFD');
    const tone = /[\u0300\u0301\u0303\u0309\u0323]/u.exec(d)?.[0];
    return tone === undefined ? ch : d.replace(tone, '').normalize('NFC') + tone;
  });
  return iconv.encode(split, 'windows-1258');
}

const feed = (name: string): Buffer => readFileSync(path.join(FIXTURES_DIR, 'feeds', name));

describe('decodeBody', () => {
  it('decodes UTF-8 with and without BOM', () => {
    expect(decodeBody(Buffer.from(VI), null)).toBe(VI);
    expect(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VI)]), null)).toBe(VI);
  });

  it('decodes windows-1258 (combining tone marks) to NFC, by HTTP charset', () => {
    const bytes = encode1258(VI);
    expect(bytes.includes(0xcc)).toBe(true); // a combining grave in cp1258: the test really exercises composition
    const text = decodeBody(bytes, 'text/html; charset=windows-1258');
    expect(text).toBe(VI);
    expect(text.normalize('NFC')).toBe(text);
  });

  it('decodes the stored windows-1258 feed by its XML declaration', () => {
    const text = decodeBody(feed('nld-windows-1258.rss'), 'application/rss+xml');
    expect(text).toContain('Quảng Nam: Hơn 2.000 hộ dân được hỗ trợ sửa nhà sau bão');
    expect(text).toContain('huyện Nam Trà My');
    expect(text.normalize('NFC')).toBe(text);
  });

  it('decodes UTF-16 LE with BOM and UTF-16 BE by its declaration alone', () => {
    for (const name of ['vov-utf16le-bom.rss', 'vov-utf16be.rss']) {
      const text = decodeBody(feed(name), null);
      expect(text.startsWith('<?xml')).toBe(true);
      expect(text).toContain('Nhật Bản đóng cửa biên giới với người nước ngoài từ ngày 28/12');
    }
  });

  it('lets the BOM win over a wrong HTTP charset', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(VI, 'utf-16le')]);
    expect(decodeBody(bytes, 'text/plain; charset=iso-8859-1')).toBe(VI);
  });

  it('lets the HTTP charset win over the XML declaration and <meta>', () => {
    const bytes = iconv.encode(
      '<?xml version="1.0" encoding="utf-8"?><rss><title>Café crème</title></rss>',
      'windows-1252',
    );
    expect(decodeBody(bytes, 'application/xml; charset="windows-1252"')).toContain('Café crème');
  });

  it('reads <meta charset> and <meta http-equiv> (ISO-8859-1, windows-1252)', () => {
    const page = (meta: string): Buffer =>
      iconv.encode(
        `<html><head>${meta}</head><body><p>Déjà vu – “smart quotes” naïve</p></body></html>`,
        'windows-1252',
      );
    expect(decodeBody(page('<meta charset="windows-1252">'), 'text/html')).toContain(
      'Déjà vu – “smart quotes” naïve',
    );
    expect(
      decodeBody(page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'), null),
    ).toContain('Déjà vu – “smart quotes” naïve');
  });

  it('falls back to UTF-8 for unknown or missing charsets and never throws', () => {
    expect(decodeBody(Buffer.from(VI), 'text/html; charset=x-klingon')).toBe(VI);
    expect(decodeBody(Buffer.from([0xff, 0x00, 0xc3]), null)).toEqual(expect.any(String));
    expect(decodeBody(Buffer.alloc(0), null)).toBe('');
  });

  it('unifies NFD input and old-style tone placement', () => {
    expect(decodeBody(Buffer.from('Hoà bình và thuỷ lợi'.normalize('NFD')), null)).toBe(
      'Hòa bình và thủy lợi',
    );
  });
});

describe('detectCharset / charsetFromLabel', () => {
  it('maps labels the WHATWG way', () => {
    expect(charsetFromLabel('ISO-8859-1')).toBe('windows-1252');
    expect(charsetFromLabel('US-ASCII')).toBe('windows-1252');
    expect(charsetFromLabel('"UTF8"')).toBe('utf-8');
    expect(charsetFromLabel('cp1258')).toBe('windows-1258');
    expect(charsetFromLabel('no-such-charset')).toBeNull();
  });
  it('orders BOM > HTTP > XML declaration > meta > UTF-8', () => {
    const xml = Buffer.from('<?xml version="1.0" encoding="windows-1258"?><rss/>');
    expect(detectCharset(xml, null)).toBe('windows-1258');
    expect(detectCharset(xml, 'text/xml; charset=utf-8')).toBe('utf-8');
    expect(detectCharset(Buffer.from('<p>x</p>'), null)).toBe('utf-8');
  });
});
