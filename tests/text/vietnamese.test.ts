/**
 * normalizeVietnamese and foldAccents are written for speed (one regex pass; a per-character
 * table). These tests hold them to their plain definitions on random Vietnamese-shaped text:
 * the rules applied one at a time, and NFD with every mark removed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldAccents, foldKey, normalizeVietnamese } from '../../src/text/vietnamese.ts';

const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** The tone rules one regex at a time, as first written (the table of the current code). */
function normalizeRuleByRule(text: string): string {
  let out = text.normalize('NFC');
  if (!/[\u00C0-\u1EF9]/u.test(out)) return out;
  const pairs = ['oa', 'oe', 'uy', 'OA', 'OE', 'UY', 'oA', 'Oa', 'oE', 'Oe', 'uY', 'Uy'];
  for (const t of TONES) {
    for (const pair of pairs) {
      const [first, second] = [pair.slice(0, 1), pair.slice(1)];
      const oldForm = (first + second + t).normalize('NFC');
      const newForm = (first + t + second).normalize('NFC');
      out = out.replace(new RegExp(`(?<![qQ])${oldForm}(?![\\p{L}])`, 'gu'), newForm);
    }
  }
  return out;
}

const foldByDefinition = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** Pieces Vietnamese news is made of, composed and decomposed, plus the odd neighbours. */
const piece = fc.oneof(
  fc.constantFrom(
    'hoà',
    'hòa',
    'thuỷ',
    'thủy',
    'khoẻ',
    'khỏe',
    'quý',
    'Quỳnh',
    'HOÀ',
    'THUỶ',
    'Hoà',
    'oÀ',
    'Oà',
    'oÉ',
    'uỶ',
    'Đà Nẵng',
    'đường',
    'Nguyễn',
    'người',
    'ở',
    'ưu',
    'ơn',
    'hoàn',
    'toán',
    'thuý.',
  ),
  fc.constantFrom('o', 'a', 'e', 'u', 'y', 'q', 'O', 'A', 'E', 'U', 'Y', 'Q', 'đ', 'Đ', 'ư', 'ơ', 'â'),
  fc.constantFrom(...TONES, '\u0302', '\u0306', '\u031b', '\u0345', '\u0328'),
  fc.constantFrom(' ', ',', '.', '\n', '-', '1', '\u00a0', '"', '\u200b'),
  fc.constantFrom('Ω', 'Å', 'ǅ', 'ﬁ', '한', '각', 'ể', 'ḗ', '\u1e9b\u0323', '😀', '𝐀', '\ud800', '\udfff'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);

const vietnameseText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const decomposed = vietnameseText.map((t) => t.normalize('NFD'));
const anyText = fc.oneof(vietnameseText, decomposed, fc.string({ unit: 'binary', maxLength: 60 }));

describe('normalizeVietnamese', () => {
  it('equals applying the tone rules one at a time', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(normalizeVietnamese(text)).toBe(normalizeRuleByRule(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('moves the tone to the first vowel at a syllable end only, not after q', () => {
    expect(normalizeVietnamese('hoà thuỷ khoẻ quý hoàn HOÀ')).toBe('hòa thủy khỏe quý hoàn HÒA');
  });
});

describe('foldAccents', () => {
  it('equals NFD with every mark removed and đ → d, on any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(foldAccents(text)).toBe(foldByDefinition(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('equals the definition for every code point, alone and between marks', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0x10ffff; code += code < 0x30000 ? 1 : 0x101) {
      const c = String.fromCodePoint(code);
      const text = `a\u0323${c}\u0301${c}ơ\u0309`;
      if (foldAccents(text) !== foldByDefinition(text)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('folds Vietnamese and keeps the rest', () => {
    expect(foldAccents('Đà Nẵng, Thừa Thiên Huế; café 😀')).toBe('Da Nang, Thua Thien Hue; cafe 😀');
    expect(foldKey('ĐƯỜNG Hồ Chí Minh')).toBe('duong ho chi minh');
  });

  it('returns text with nothing to fold unchanged', () => {
    const text = 'Hanoi, Nov 27 (Reuters) - Nothing to fold here.';
    expect(foldAccents(text)).toBe(text);
  });
});
