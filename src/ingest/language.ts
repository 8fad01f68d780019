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

/** Verdicts per character, filled as text is seen (a few hundred distinct characters in practice). */
const verdicts = new Map<string, 0 | 1 | 2>();

/** Share of letters in `text` that carry a Vietnamese mark or are đ/Đ (0 when there are none). */
export function vietnameseLetterShare(text: string): number {
  let letters = 0;
  let vietnamese = 0;
  // A sample decides as well as the whole: a 1 MB body costs no more than 20,000 characters.
  for (const ch of text.slice(0, SAMPLE_CHARS).normalize('NFC')) {
    const known = verdicts.get(ch);
    const verdict = known ?? classify(ch);
    if (known === undefined && verdicts.size < 10_000) verdicts.set(ch, verdict);
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
