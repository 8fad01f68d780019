/**
 * Text normalisation shared by ingest, extraction and search.
 * Vietnamese has two tone-placement styles (hoà / hòa, thuỷ / thủy); NFC does not unify them,
 * so we map the old style to the new one. "quý", "quỳnh" keep their placement: after "qu" the
 * u is a consonant and the tone belongs to the next vowel either way.
 */

const OLD_TO_NEW: ReadonlyArray<readonly [RegExp, string]> = (() => {
  // Pairs of (vowel with tone on the 2nd letter, same with tone on the 1st letter).
  const tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']; // huyền sắc ngã hỏi nặng
  const rules: Array<readonly [RegExp, string]> = [];
  for (const t of tones) {
    for (const [first, second] of [
      ['o', 'a'],
      ['o', 'e'],
      ['u', 'y'],
      ['O', 'A'],
      ['O', 'E'],
      ['U', 'Y'],
      ['o', 'A'],
      ['O', 'a'],
    ] as const) {
      const oldForm = (first + second + t).normalize('NFC');
      const newForm = (first + t + second).normalize('NFC');
      // Only at a syllable end (no final consonant), and not after q (quý stays quý).
      rules.push([new RegExp(`(?<![qQ])${oldForm}(?![\\p{L}])`, 'gu'), newForm]);
    }
  }
  return rules;
})();

/** NFC plus one tone-placement style ("hòa", "thủy", "khỏe"). Idempotent. */
export function normalizeVietnamese(text: string): string {
  let out = text.normalize('NFC');
  if (!/[\u00C0-\u1EF9]/u.test(out)) return out;
  for (const [re, to] of OLD_TO_NEW) out = out.replace(re, to);
  return out;
}

/**
 * Folds text for accent-free matching: strips every diacritic and maps đ/Đ to d/D, which no
 * Unicode decomposition does. "Đà Nẵng" -> "Da Nang". Keeps case and length of words.
 */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Lower-case accent-free form, for keys and comparisons. */
export const foldKey = (text: string): string => foldAccents(text).toLowerCase();
