/**
 * Body cleaning and sentence splitting for the extractor. Hand-written because
 * Intl.Segmenter splits "TP. Hồ Chí Minh", "PGS.TS." and "B. Obama" (see LIBRARIES.md).
 */
import { knownPlace } from './gazetteer.ts';

/** A sentence with its paragraph index, so callers can weigh position (inverted pyramid). */
export interface Sentence {
  readonly text: string;
  readonly paragraph: number;
}

// Tokens that end with a dot but do not end a sentence (compared lower-case, without the dot).
const ABBREVIATIONS = new Set([
  'tp',
  'ts',
  'pgs',
  'gs',
  'ths',
  'th.s',
  'bs',
  'ks',
  'ls',
  'nxb',
  'tt',
  'q',
  'p',
  'x',
  'h',
  'tx',
  'st',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'col',
  'lt',
  'sgt',
  'gov',
  'sen',
  'rep',
  'st',
  'jr',
  'sr',
  'inc',
  'co',
  'corp',
  'ltd',
  'no',
  'vs',
  'u.s',
  'u.k',
  'u.n',
  'a.m',
  'p.m',
  'jan',
  'feb',
  'mar',
  'apr',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  't.ư',
  'tw',
  'ttg',
  'vd',
  'pgs.ts',
  'gs.ts',
  'ths.bs',
  'bs.ckii',
  'bsckii',
]);

// Lines that are not article text: captions and credits, bylines, related-article lists,
// alt text stripped of diacritics, and the closing "./.".
const CAPTION = /(?:^|[\s(.])(?:Ảnh|ẢNH|Photo|PHOTO|Nguồn ảnh|Nguồn|Video|Clip)\s*:/u;
// A media player's leftovers ("00:00 / 00:00") or an image's file name ("ma-tuy-qn.jpg").
const NO_WORDS = /^[^\p{L}]*$/u;
const IMAGE_FILE = /^\S+\.(?:jpe?g|png|gif|webp)$/iu;
// A page's furniture: view counts, "Người đăng:" / "Ngày đăng:" fields, an unfilled template
// tag, a source link line.
const PAGE_FURNITURE =
  /^(?:[\d.,]+\s+lượt\s+(?:xem|thích)|(?:Người đăng|Ngày đăng|Ngày cập nhật|Cập nhật|Tác giả)\s*:.{0,40}|.*\{[^{}]{1,40}\}.*|(?:Nguồn|Theo)\b.{0,60}https?:\/\/\S+)$/iu;
const RELATED = /^\s*\[.*\]\s*$/u;
const SIGN_OFF = /^\s*(?:\.\/\.|\(?[\p{L} .]{0,40}\/?\s*\((?:TTXVN|VNA|Vietnam\+|VOV|VTV)[^)]*\)\)?)\s*$/u;
const BYLINE = /^[\p{Lu}\s.]{3,40}$/u;
const LEAD_TAG = /^\s*\((?:[\p{Lu}\p{N}][\p{L}\p{N} .+]{0,20})\)\s*[-–—:]?\s*/u;
// A page's time stamp on a line of its own ("13/12/2023 03:32:37", "Thứ ba, 13/1/2026 01:29
// (GMT+7)", "21/04/2024"): the publication time, which the lead would otherwise take for the
// event's day. Article text writes clock times as "16h" or "16 giờ", not "16:00".
const FULL_DATE = /(?<!\d)\d{1,2}\/\d{1,2}\/\d{4}(?!\d)/u;
const STAMP_CLOCK = /(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)/u;
const MAX_STAMP_LINE = 80;
const STAMP_WEEKDAY = /(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)/giu;
const isTimeStamp = (line: string): boolean =>
  line.length < MAX_STAMP_LINE &&
  FULL_DATE.test(line) &&
  (STAMP_CLOCK.test(line) || /^[\s,.-]*$/u.test(line.replace(FULL_DATE, '').replace(STAMP_WEEKDAY, '')));
// The same stamp run onto the end of a heading line ("Ông X điện đàm ông Y 30/12/2025 05:26").
const TRAILING_STAMP = /\s+\d{1,2}\/\d{1,2}\/\d{4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*\(GMT\s*[+-]\d+\))?$/u;

/** Paragraphs checked for a repeated line (the lead and what surrounds it). */
const REPEAT_CHECKED = 4;
/** Non-empty lines read per paragraph asked for: room for captions, credits and repeats. */
const LINES_PER_PARAGRAPH = 3;

/**
 * "Hà NộiBác sĩ Bệnh viện ..." -> "Hà Nội - Bác sĩ ...": a dateline the page set apart by
 * layout alone comes out glued to the lead's first word.
 */
const withDatelineApart = (line: string): string => {
  for (let k = 2; k < Math.min(line.length, MAX_DATELINE); k++) {
    const c = line.charAt(k);
    if (c === ' ' || c.toLowerCase() === c || !LETTER_BEFORE.test(line.charAt(k - 1))) continue;
    if (knownPlace(line.slice(0, k)) !== null || line.slice(0, k) === 'TP HCM')
      return `${line.slice(0, k)} - ${line.slice(k)}`;
  }
  return line;
};
const MAX_DATELINE = 24;
const LETTER_BEFORE = /\p{L}/u;

/** True when a line holds mostly ASCII letters but the rest of the text is Vietnamese. */
const isStrippedAltText = (line: string): boolean => / hinh anh \d/iu.test(line);

/**
 * Splits a body into cleaned paragraphs: drops captions, credits, bylines, "[...]" lines,
 * alt-text lines and "./.", and strips outlet tags such as "(VOV) -" at the start of the lead.
 */
export function cleanParagraphs(body: string, limit = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  // Lines are read one by one, at most LINES_PER_PARAGRAPH per paragraph wanted: the
  // extractor wants the first dozen, and a body of captions or repeats must not be read whole.
  const text = body.normalize('NFC');
  let lines = 0;
  const maxLines = limit * LINES_PER_PARAGRAPH;
  for (let start = 0; start <= text.length && out.length < limit && lines < maxLines;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    // No /u flag on the hot whitespace pass: it is 20x slower and \s covers NBSP without it.
    // Single spaces are left alone: rewriting each of them was 4x slower than this.
    let line = raw.replace(/\s{2,}|[^\S ]/g, ' ').trim();
    if (line === '') continue;
    lines++;
    const short = line.length < 120;
    if (short && (RELATED.test(line) || SIGN_OFF.test(line) || isStrippedAltText(line))) continue;
    if (short && (NO_WORDS.test(line) || IMAGE_FILE.test(line) || PAGE_FURNITURE.test(line))) continue;
    if (isTimeStamp(line)) continue;
    // Only a line ending in a digit can end in a stamp: the anchored pattern still scans every space.
    if (/\d/u.test(line.charAt(line.length - 1)) && TRAILING_STAMP.test(line))
      line = line.replace(TRAILING_STAMP, '');
    if (line.includes(':') && CAPTION.test(line)) {
      // Short lines are captions; long ones are text with a credit run into them (016, 017).
      if (line.length < 250) continue;
      line = line
        .replace(/\((?:Ảnh|ẢNH|Photo)\s*:[^)]*\)/gu, '')
        .replace(/(?:Ảnh|ẢNH|Photo)\s*:\s*[^.]*(?:\.|$)/gu, '');
    }
    if (short && BYLINE.test(line) && line.split(' ').length <= 4) continue;
    if (short && /^(?:Theo|Nguồn)\s[^.]{0,60}$/u.test(line)) continue;
    if (line.startsWith('(')) line = line.replace(LEAD_TAG, '');
    if (out.length === 0) line = withDatelineApart(line);
    // endsWith first: the regex alone rescans every space of a long line.
    if (line.endsWith('./.')) line = `${line.slice(0, -3).trimEnd()}.`;
    line = line.trim();
    // A short line given twice is a photo's alt text and caption, not article text: both go.
    // A long one is the sapo repeated as the first paragraph: it is kept once.
    // Only near the top, where the lead is: further down a repeat costs nothing.
    const twice = out.length < REPEAT_CHECKED ? out.indexOf(line) : -1;
    if (twice >= 0 && short) out.splice(twice, 1);
    else if (twice < 0 && line !== '') out.push(line);
  }
  return out;
}

const isAbbreviation = (text: string, dot: number): boolean => {
  const before = /([\p{L}.+]+)$/u.exec(text.slice(Math.max(0, dot - 24), dot))?.[1] ?? '';
  if (before === '') return false;
  // A single capital is an initial ("B. Obama", "Trần Thị T.") rather than a sentence end.
  if (/^\p{Lu}$/u.test(before)) return true;
  return ABBREVIATIONS.has(before.toLowerCase());
};

/** Splits one paragraph into sentences at . ! ? … followed by a space and an upper-case start. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  // The lookbehind makes a run of punctuation match once, from its start: without it the engine
  // retries from every dot of a long run (quadratic: 128 KB of dots took over a minute).
  const re = /(?<![.!?…])([.!?…]+)(["”’)]*)\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu;
  for (let m = re.exec(paragraph); m !== null; m = re.exec(paragraph)) {
    const punct = m[1] ?? '';
    if (punct === '.' && isAbbreviation(paragraph, m.index)) continue;
    const end = m.index + punct.length + (m[2]?.length ?? 0);
    const s = paragraph.slice(start, end).trim();
    if (s !== '') out.push(s);
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest !== '') out.push(rest);
  return out;
}

/**
 * Cleaned body as sentences in reading order, at most `limit` of them (default: all). The
 * extractor reads the lead only, so it stops early instead of cleaning the whole body.
 */
export function bodySentences(body: string, limit = Number.POSITIVE_INFINITY): Sentence[] {
  const out: Sentence[] = [];
  const paragraphs = cleanParagraphs(body, limit);
  for (let i = 0; i < paragraphs.length && out.length < limit; i++) {
    for (const s of splitSentences(paragraphs[i] ?? '')) {
      if (out.length < limit) out.push({ text: s, paragraph: i });
    }
  }
  return out;
}
