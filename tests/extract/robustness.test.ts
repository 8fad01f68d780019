import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.ts';

// Pieces real leads are made of, so random text hits the rules rather than only noise.
const piece = fc.constantFrom(
  'Chiều 30/12, ',
  'Sáng nay, ',
  'đêm qua ',
  'từ ngày 8 – 9/11 ',
  'Công an tỉnh Quảng Ninh ',
  'ông Nguyễn Văn A (45 tuổi, ngụ xã Bình An) ',
  'Thủ tướng Phạm Minh Chính ',
  'tại Phủ Chủ tịch ',
  'TP.HCM ',
  '(Ảnh: TTXVN) ',
  './.',
  'HANOI — ',
  'on Saturday ',
  'President Xi Jinping ',
  '\n\n',
  ', ',
  '. ',
);
const text = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 20 })), { maxLength: 30 })
  .map((a) => a.join(''));

describe('extract on arbitrary input', () => {
  it('never throws and always keeps the contract', () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom('vi' as const, 'en' as const),
        fc.option(
          fc.constantFrom('2020-12-31', '2018-06-08T10:16:00+07:00', '2024-12-26T20:00:00Z', 'not a date'),
        ),
        fc.option(fc.constantFrom('https://x.vn/201806/a.html', 'https://x.com/2024-09-08/b')),
        (title, body, lang, publishedAt, url) => {
          const x = extract({ title, body, lang, publishedAt, url });
          expect(Array.isArray(x.who) && Array.isArray(x.where)).toBe(true);
          expect(x.who.length).toBeLessThanOrEqual(3);
          expect(typeof x.what).toBe('string');
          if (x.when.date !== null) expect(x.when.date).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
          for (const name of [...x.who, ...x.where]) expect(name.trim()).not.toBe('');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same answer for NFD input as for NFC input', () => {
    const title = 'Văn phòng Trung ương Đảng tổng kết năm';
    const body = 'Chiều 30/12, Văn phòng Trung ương Đảng tổ chức Hội nghị tại Hà Nội.';
    const nfc = extract({ title, body, lang: 'vi', publishedAt: '2020-12-31', url: null });
    const nfd = extract({
      title: title.normalize('NFD'),
      body: body.normalize('NFD'),
      lang: 'vi',
      publishedAt: '2020-12-31',
      url: null,
    });
    expect(nfd).toEqual(nfc);
  });

  it('reads only the start of a huge single-line body', () => {
    const body = `Chiều 30/12, Công an tỉnh Quảng Ninh khởi tố vụ án tại TP.HCM ${'rất '.repeat(250_000)}`;
    const x = extract({ title: 'Tin', body, lang: 'vi', publishedAt: '2020-12-31', url: null });
    expect(x.when.date).toBe('2020-12-30');
    expect(x.who).toEqual(['Công an tỉnh Quảng Ninh']);
  });
});
