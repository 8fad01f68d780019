/**
 * Place names the extractor recognises without a prefix word, loaded once at module load
 * (kept out of the per-article path). Built by scripts/build-gazetteer.ts; see data/README.md.
 */
import { foldKey, normalizeVietnamese } from '../text/vietnamese.ts';
import gazetteer from './data/gazetteer.json' with { type: 'json' };
import surnameList from './data/surnames.json' with { type: 'json' };

/** How large a place is: 1 = country or region, 2 = province or major city, 3 = district. */
export type PlaceLevel = 1 | 2 | 3;

/**
 * Lookup key: lower-case, one tone style, one space, no dots. Written Vietnamese keeps its
 * accents in the key, since folding merges "Bỉ"/"Bí" and "Nha Trang"/"Nhà Trắng"; text
 * without any diacritic (English, "Ha Noi") is looked up in a folded table instead.
 */
export const placeKey = (name: string): string => {
  const hit = keyCache.get(name);
  if (hit !== undefined) return hit;
  const plain = name.replace(/[.\s]+/gu, ' ').trim();
  const key = /[^\t-~]/u.test(plain) ? normalizeVietnamese(plain).toLowerCase() : foldKey(plain);
  // normalizeVietnamese runs ~40 regexes: memoise, bounded so a long-running bot stays small.
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(name, key);
  return key;
};
const keyCache = new Map<string, string>();
const foldedKey = (name: string): string => foldKey(name.replace(/[.\s]+/gu, ' ').trim());

const KNOWN = new Map<string, PlaceLevel>();
const add = (name: string, level: PlaceLevel): void => {
  for (const k of [placeKey(name), foldedKey(name)]) if (!KNOWN.has(k)) KNOWN.set(k, level);
};
for (const c of gazetteer.countries) add(c, 1);
for (const p of [...gazetteer.provinces, ...gazetteer.cities]) add(p, 2);
const DISTRICTS = new Set(gazetteer.districts.flatMap((d) => [placeKey(d), foldedKey(d)]));
// First words of every name, so most capitalised words are rejected with one lookup.
const FIRST_WORDS = new Set([...KNOWN.keys(), ...DISTRICTS].map((k) => k.split(' ')[0] ?? ''));

/** True when some known place or district name starts with this word. */
export const canStartPlace = (word: string): boolean => FIRST_WORDS.has(placeKey(word));

const SURNAMES = new Set(surnameList.map((s) => normalizeVietnamese(s)));

/** The level of a country, province or city name as written, or null if unknown. */
export const knownPlace = (name: string): PlaceLevel | null => KNOWN.get(placeKey(name)) ?? null;

const PROVINCES = new Set(gazetteer.provinces.flatMap((p) => [placeKey(p), foldedKey(p)]));

/** True for a Vietnamese province (old or new) or pre-2025 district name, without its unit word. */
export const isDomestic = (name: string): boolean =>
  PROVINCES.has(placeKey(name)) || DISTRICTS.has(placeKey(name));

/** True for a pre-2025 district (or provincial city) name without its unit word. */
export const isDistrict = (name: string): boolean => DISTRICTS.has(placeKey(name));

/** True when the syllable is a common Vietnamese surname ("Nguyễn", "Trần"...). */
export const isSurname = (syllable: string): boolean => SURNAMES.has(syllable);
