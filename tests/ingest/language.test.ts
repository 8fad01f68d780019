import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage, vietnameseLetterShare } from '../../src/ingest/language.ts';

describe('detectLanguage', () => {
  it.each([
    ['Chiều 30/12, Văn phòng Trung ương Đảng tổ chức Hội nghị tổng kết công tác năm 2020.', 'vi'],
    ['Đà Nẵng', 'vi'],
    ["Vietnam's economy grew 2.91% in 2020, the General Statistics Office said on Sunday.", 'en'],
    ['Officials in Hà Nội and Đà Nẵng said the Tết holiday would go ahead as planned this year.', 'en'],
    ['Café au lait is popular in Paris.', 'en'],
    ['', 'en'],
    ['12345 !!!', 'en'],
  ] as const)('%j -> %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('treats NFD like NFC', () => {
    const text = 'Thường trực Ban Bí thư Trần Quốc Vượng phát biểu';
    expect(vietnameseLetterShare(text.normalize('NFD'))).toBeCloseTo(vietnameseLetterShare(text), 10);
    expect(vietnameseLetterShare(text)).toBeGreaterThan(0.25);
  });
});

/** The share as defined: every character of the NFC sample, classified afresh. */
function shareByDefinition(text: string): number {
  let letters = 0;
  let vietnamese = 0;
  for (const ch of text.slice(0, 20_000).normalize('NFC')) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (
      ch === 'đ' ||
      ch === 'Đ' ||
      /[\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B]/u.test(ch.normalize('NFD'))
    ) {
      vietnamese++;
    }
  }
  return letters === 0 ? 0 : vietnamese / letters;
}

describe('vietnameseLetterShare', () => {
  it('equals its definition on random text, its per-character table notwithstanding', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'Hà Nội',
        'Đà Nẵng',
        'thuỷ',
        'ư',
        'the',
        ' ',
        '.',
        '😀',
        '𝐀𝐁',
        '\ud800',
        '\udc00',
        'é',
        '\u0301',
      ),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          text.map((t) => t.normalize('NFD')),
        ),
        (t) => {
          expect(vietnameseLetterShare(t)).toBe(shareByDefinition(t));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads only the first 20,000 characters', () => {
    const text = `${'a'.repeat(20_000)}${'đ'.repeat(5_000)}`;
    expect(vietnameseLetterShare(text)).toBe(0);
  });
});
