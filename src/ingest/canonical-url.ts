import { createHash } from 'node:crypto';
import { InputError } from '../errors.ts';
import { foldAccents } from '../text/vietnamese.ts';

/** Query parameters that only track the reader: dropped so one article has one URL. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'vero_id',
  'oly_enc_id',
  'oly_anon_id',
  'rb_clickid',
  's_cid',
  'zarsrc', // Zalo share links, common on Vietnamese sites
]);

const isTracking = (name: string): boolean => {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING_PARAMS.has(n);
};

/**
 * The form bantin stores a URL under: lower-case host (the URL parser does it), no default
 * port, no fragment, no tracking parameters (utm_*, fbclid, gclid, mc_cid...), the other
 * parameters sorted so their order does not matter. The path is kept as is: paths are
 * case-sensitive on most servers. Throws InputError for text that is not an absolute URL.
 */
export function canonicalizeUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch (cause) {
    throw new InputError(`not a valid URL: ${url}`, { cause });
  }
  u.hash = '';
  const kept = [...u.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = new URLSearchParams(kept).toString();
  return u.href;
}

/** Below this many characters the body is a teaser, and the title identifies the story better. */
const SHORT_BODY = 200;

/** Lower case, each run of whitespace one space, trimmed. Single spaces are left as they are. */
const collapsedLower = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();

/**
 * The text a fingerprint hashes: accents folded (đ→d), lower case, whitespace collapsed. NFC and
 * NFD text fold alike (folding decomposes), so no normalisation is needed first.
 */
export function fingerprintText(text: string): string {
  return collapsedLower(foldAccents(text));
}

/**
 * sha256 (hex) of the folded, whitespace-collapsed body, or of title + body when the body is
 * shorter than 200 characters. The same story under two URLs, with or without accents, NFC or
 * NFD, different line breaks, gets the same fingerprint.
 */
export function contentFingerprint(title: string, body: string): string {
  return fingerprintOfFolded(foldAccents(title), foldAccents(body));
}

/**
 * contentFingerprint of a title and body already folded with foldAccents: ingest folds them
 * once for both the fingerprint and the search index. (Folding works character by character,
 * so folding "title\nbody" equals joining the folded parts.)
 */
export function fingerprintOfFolded(foldedTitle: string, foldedBody: string): string {
  const folded = collapsedLower(foldedBody);
  // A short teaser alone is too little to tell stories apart, and a title alone repeats daily
  // ("Giá vàng hôm nay"): hash both.
  const basis = folded.length >= SHORT_BODY ? folded : collapsedLower(`${foldedTitle}\n${foldedBody}`);
  return createHash('sha256').update(basis, 'utf8').digest('hex');
}
