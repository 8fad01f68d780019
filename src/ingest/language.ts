import type { Lang } from '../domain.ts';

/**
 * Share of letters that are Vietnamese-specific above which text is Vietnamese. Measured in
 * LIBRARIES.md: Vietnamese prose sits around 0.25-0.4, English with a few names below 0.05.
 */
export const VIETNAMESE_LETTER_THRESHOLD = 0.12;

/** Marks that make a letter Vietnamese: the five tones plus circumflex, breve and horn. */
const VIETNAMESE_MARKS = /[\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B]/u;

const SAMPLE_CHARS = 20_000;

/** 0 = not a letter, 1 = a letter, 2 = a Vietnamese-specific letter. */
function classify(ch: string): 0 | 1 | 2 {
  if (!/\p{L}/u.test(ch)) return 0;
  return ch === 'đ' || ch === 'Đ' || VIETNAMESE_MARKS.test(ch.normalize('NFD')) ? 2 : 1;
}

/** Verdicts per BMP code unit, filled as text is seen; -1 until first seen. */
const bmpVerdicts = new Int8Array(0x10000).fill(-1);
/** Verdicts for characters beyond the BMP (emoji, rare CJK), bounded. */
const astralVerdicts = new Map<string, 0 | 1 | 2>();

const verdictOf = (ch: string): 0 | 1 | 2 => {
  const known = astralVerdicts.get(ch);
  if (known !== undefined) return known;
  const verdict = classify(ch);
  if (astralVerdicts.size < 10_000) astralVerdicts.set(ch, verdict);
  return verdict;
};

/**
 * Characters are read through a constant (see foldAccents in src/text/vietnamese.ts: V8 compiles
 * `text.charCodeAt` on the many kinds of strings ingest makes to a generic call), and the next
 * code unit only after a high surrogate: ~50 instead of ~85 µs per article.
 */
// Called with `.call(sample, i)` only, so it never loses its `this`.
// eslint-disable-next-line @typescript-eslint/unbound-method
const charCodeAt = String.prototype.charCodeAt;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Share of letters in `text` that carry a Vietnamese mark or are đ/Đ (0 when there are none). */
export function vietnameseLetterShare(text: string): number {
  let letters = 0;
  let vietnamese = 0;
  // A sample decides as well as the whole: a 1 MB body costs no more than 20,000 characters.
  const sample = text.slice(0, SAMPLE_CHARS).normalize('NFC');
  const length = sample.length;
  for (let i = 0; i < length; i++) {
    const unit = charCodeAt.call(sample, i);
    let verdict: number;
    if (
      unit >= 0xd800 &&
      unit <= 0xdbff &&
      i + 1 < length &&
      isLowSurrogate(charCodeAt.call(sample, i + 1))
    ) {
      verdict = verdictOf(sample.slice(i, i + 2));
      i++;
    } else {
      verdict = bmpVerdicts[unit] ?? -1;
      if (verdict < 0) {
        verdict = classify(String.fromCharCode(unit));
        bmpVerdicts[unit] = verdict;
      }
    }
    if (verdict === 0) continue;
    letters++;
    if (verdict === 2) vietnamese++;
  }
  return letters === 0 ? 0 : vietnamese / letters;
}

/**
 * 'vi' when the share of Vietnamese-specific letters passes the threshold, else 'en'.
 * Vietnamese typed without diacritics reads as English: that is accepted, the other signals
 * (`<html lang>`, a JSON `lang`) come first where a source gives them.
 */
export function detectLanguage(text: string): Lang {
  return vietnameseLetterShare(text) >= VIETNAMESE_LETTER_THRESHOLD ? 'vi' : 'en';
}
