/** One entry per name: the same organisation, person or place written twice is listed once. */
import { placeKey } from './gazetteer.ts';

// Abbreviations of organisation and unit names, expanded for duplicate detection only.
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\btand\b/gu, 'tòa án nhân dân'],
  [/\bubnd\b/gu, 'ủy ban nhân dân'],
  [/\bvksnd\b/gu, 'viện kiểm sát nhân dân'],
  [/\btp\b/gu, 'thành phố'],
];
/** Names of one place written differently: each is compared as its first form. */
const SAME_PLACE: ReadonlyArray<readonly string[]> = [
  ['Thành phố Hồ Chí Minh', 'TP.HCM', 'TPHCM', 'TP HCM', 'Sài Gòn', 'Saigon', 'HCMC', 'Ho Chi Minh City'],
  ['Mỹ', 'Hoa Kỳ', 'Hợp chủng quốc Hoa Kỳ', 'USA', 'US', 'United States'],
  ['Moscow', 'Moskva', 'Mát-xcơ-va'],
  ['Kyiv', 'Kiev'],
  ['Nga', 'Liên bang Nga', 'Russia'],
  ['Anh', 'Vương quốc Anh', 'UK', 'United Kingdom', 'Britain'],
];
const PLACE_ALIAS = new Map(
  SAME_PLACE.flatMap((names) => names.map((n) => [placeKey(n), placeKey(names[0] ?? n)] as const)),
);
/** How formal each form is (0 = the official name): of two forms the more formal one is kept. */
const FORMALITY = new Map(SAME_PLACE.flatMap((names) => names.map((n, i) => [placeKey(n), i] as const)));
const lessFormal = (a: string, b: string): boolean =>
  (FORMALITY.get(placeKey(a)) ?? -1) > (FORMALITY.get(placeKey(b)) ?? Number.MAX_SAFE_INTEGER);
const dupKeys = new Map<string, string>();
const dupKey = (name: string): string => {
  const hit = dupKeys.get(name);
  if (hit !== undefined) return hit;
  let k = placeKey(name);
  k = PLACE_ALIAS.get(k) ?? k;
  for (const [re, to] of ABBREVIATIONS) k = k.replace(re, placeKey(to));
  // Bounded memo: a long-running bot sees an open set of names.
  if (dupKeys.size > 50_000) dupKeys.clear();
  dupKeys.set(name, k);
  return k;
};

/** Shortest name checked for a one-letter typo: shorter ones ("Lào"/"Lạc") differ for real. */
const MIN_TYPO_LENGTH = 8;

/**
 * The same long name with one letter added, dropped or changed ("Donanld Trump"): news copy
 * has typos, and listing the name twice costs precision. The last word must agree.
 */
const misspelt = (a: string, b: string): boolean => {
  if (Math.min(a.length, b.length) < MIN_TYPO_LENGTH || Math.abs(a.length - b.length) > 1) return false;
  if (a.slice(a.lastIndexOf(' ')) !== b.slice(b.lastIndexOf(' '))) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const tail = (x: string, skip: number): string => x.slice(i + skip);
  return tail(a, 1) === tail(b, 1) || tail(a, 1) === tail(b, 0) || tail(a, 0) === tail(b, 1);
};

/**
 * Names in order, each once: a name contained in another (after folding abbreviations) or one
 * letter away from it is the same name, and the longer form is kept.
 */
export const dedupe = (names: readonly { text: string }[]): string[] => {
  const out: string[] = [];
  for (const { text } of names) {
    const k = dupKey(text);
    const i = out.findIndex((o) => dupKey(o).includes(k) || k.includes(dupKey(o)) || misspelt(dupKey(o), k));
    const kept = out[i] ?? '';
    if (i < 0) out.push(text);
    else if (lessFormal(kept, text) || (text.length > kept.length && k.includes(dupKey(kept)))) out[i] = text;
  }
  return out;
};
