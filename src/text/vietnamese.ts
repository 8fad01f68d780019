/**
 * Text normalisation shared by ingest, extraction and search.
 * Vietnamese has two tone-placement styles (hoà / hòa, thuỷ / thủy); NFC does not unify them,
 * so we map the old style to the new one. "quý", "quỳnh" keep their placement: after "qu" the
 * u is a consonant and the tone belongs to the next vowel either way.
 */

/** Old-style spelling (tone on the 2nd vowel) -> new style, for the vowel pairs where they differ. */
const OLD_TO_NEW: ReadonlyMap<string, string> = (() => {
  const tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']; // huyền sắc ngã hỏi nặng
  const pairs: ReadonlyArray<readonly [string, string]> = [
    ['o', 'a'],
    ['o', 'e'],
    ['u', 'y'],
    ['O', 'A'],
    ['O', 'E'],
    ['U', 'Y'],
    ['o', 'A'],
    ['O', 'a'],
    ['o', 'E'],
    ['O', 'e'],
    ['u', 'Y'],
    ['U', 'y'],
  ];
  const map = new Map<string, string>();
  for (const t of tones) {
    for (const [first, second] of pairs) {
      map.set((first + second + t).normalize('NFC'), (first + t + second).normalize('NFC'));
    }
  }
  return map;
})();

// One pass: an old-style pair at a syllable end (no final consonant), not after q ("quý" stays).
const OLD_STYLE = new RegExp(`(?<![qQ])(?:${[...OLD_TO_NEW.keys()].join('|')})(?![\\p{L}])`, 'gu');

/** NFC plus one tone-placement style ("hòa", "thủy", "khỏe"). Idempotent. */
export function normalizeVietnamese(text: string): string {
  const out = text.normalize('NFC');
  if (!/[\u00C0-\u1EF9]/u.test(out)) return out;
  return out.replace(OLD_STYLE, (m) => OLD_TO_NEW.get(m) ?? m);
}

/**
 * Folds text for accent-free matching: strips every diacritic and maps đ/Đ to d/D, which no
 * Unicode decomposition does. "Đà Nẵng" -> "Da Nang". Keeps case and length of words.
 */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Lower-case accent-free form, for keys and comparisons. */
export const foldKey = (text: string): string => foldAccents(text).toLowerCase();
