import { foldAccents, normalizeVietnamese } from '../text/vietnamese.ts';

/**
 * Removes what news pages carry beside the article: photo captions and credits, related-article
 * lines, alt text, bylines, closing marks, source credits, "Xem thêm" / "Read more" and ads.
 * Each rule is a small named function working on one line, so each can be tested on the real
 * lines it was written for (see the Vietnam+ sample in tests/fixtures). The rules lean towards
 * keeping: a line is dropped only on a specific shape, never because it "looks short".
 */

/** Collapses runs of whitespace (incl. no-break and zero-width spaces) and trims. */
export function collapseWhitespace(line: string): string {
  // \s covers no-break space and BOM; zero-width spaces are added by hand.
  // Ordinary single spaces are left alone: rewriting each one made a 1 MB line cost 400 ms.
  return line
    .replace(/[^\S ]|\u200b/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Lower-case, accent-free, letters and digits only: for comparing a line with the title. */
const comparable = (text: string): string =>
  foldAccents(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const hasDiacritics = (text: string): boolean => foldAccents(text) !== text;

/** "[Phát huy truyền thống Văn phòng Trung ương Đảng]": a link to another article. */
export function isRelatedLinkLine(line: string): boolean {
  return /^\[[^[\]]{3,}\]$/u.test(line.trim());
}

/** The body repeating the title (a heading Readability kept, or alt text without accents). */
export function isTitleRepeat(line: string, title: string): boolean {
  // Cheap exit first: folding a 1 MB line to compare it with a 60-character title is waste.
  if (line.length > title.length * 2 + 20) return false;
  const t = comparable(title);
  return t !== '' && comparable(line) === t;
}

/**
 * Vietnam+ writes an image's alt text (the title without diacritics, then "hinh anh N") in
 * front of its caption: "Van phong ... nam 2021 hinh anh 1Quang cảnh hội nghị." Returns the
 * caption part, or null when nothing is left. Other lines come back unchanged.
 */
export function stripAltText(line: string, title: string): string | null {
  const m = line.includes('hinh anh') ? /^(.*?)\s*\bhinh anh\s*\d+\s*(.*)$/u.exec(line) : null;
  if (m && m[1] !== undefined && m[1] !== '' && !hasDiacritics(m[1])) {
    const rest = (m[2] ?? '').trim();
    return rest === '' ? null : rest;
  }
  if (isTitleRepeat(line, title) && !hasDiacritics(line) && hasDiacritics(title)) return null;
  return line;
}

/** "(Ảnh: Phương Hoa/TTXVN)", "(Ảnh minh họa)", "(Photo: Reuters)", "(Nguồn ảnh: ...)". */
const CREDIT_IN_PARENS =
  /\s*\(\s*(?:ảnh|hình|nguồn ảnh|ảnh minh họa|ảnh chụp màn hình|ảnh\/video|video|photo|photos|image|illustration|file photo|picture)\b[^()]{0,80}\)/giu;

/** "Quang cảnh hội nghị. Ảnh: Anh Dũng", "... in Hanoi. Photo by Giang Huy": a trailing credit. */
const TRAILING_CREDIT =
  /(?:^|(?<=[.!?…"”)])\s*|\s+[-–—|]\s*)(?:ảnh|photo|photos|image|ảnh\/video|video|đồ họa|graphic)\s*(?::|by\b)\s*[^.!?:]{1,80}$/iu;

/**
 * A line TRAILING_CREDIT matches contains one of these once lower-cased ("photos" and
 * "ảnh/video" contain "photo" and "ảnh"; no letter here has a case form toLowerCase misses).
 */
const CREDIT_WORDS = ['ảnh', 'photo', 'image', 'video', 'đồ họa', 'graphic'];

/**
 * Removes photo credits. A short line that carried a credit is a caption, and captions sit
 * beside the article, so the whole line goes; a long paragraph only loses the credit (pages
 * sometimes glue a caption onto the next paragraph).
 */
export function stripPhotoCredit(line: string): string | null {
  // Both patterns try every position of the line; most lines have neither "(" nor a credit
  // word, and plain substring tests say so much faster (they cannot miss: see CREDIT_WORDS).
  let rest = line.includes('(') ? line.replace(CREDIT_IN_PARENS, '') : line;
  const lower = rest.toLowerCase();
  if (CREDIT_WORDS.some((word) => lower.includes(word))) rest = rest.replace(TRAILING_CREDIT, '');
  if (rest === line) return line;
  rest = collapseWhitespace(rest);
  if (rest === '' || rest.length <= 250) return null;
  return rest;
}

/** "... phát động thi đua năm 2021./." -> "... năm 2021." (the Vietnamese end-of-article mark). */
export function stripClosingMark(line: string): string {
  // Each pattern needs a "." at the end (trimEnd drops exactly what \s matches): a cheap test
  // first, as end-anchored patterns are tried from every position of the line.
  const trimmed = line.trimEnd();
  if (!trimmed.endsWith('.')) return line;
  // The first pattern needs a "/" before that "."; most sentences only need the other two.
  if (!trimmed.slice(0, -1).trimEnd().endsWith('/')) {
    const single = line.endsWith('..') && line.length >= 3 && line.charAt(line.length - 3) !== '.';
    const out = single ? line.slice(0, -1) : line;
    return out === '.' ? '' : out;
  }
  return line
    .replace(/\s*\.?\s*\/\s*\.\s*$/u, '.')
    .replace(/(?<=[^.])\.\.$/u, '.')
    .replace(/^\.$/u, '');
}

/** "Xem thêm:", "TIN LIÊN QUAN", "Read more:", "Related:" — navigation, with or without its link. */
export function isSeeAlsoLine(line: string): boolean {
  return (
    /^(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|tin cùng chuyên mục|có thể bạn quan tâm|tin nổi bật|read more|related|related articles?|related stories|see also|also read|more from|recommended)\s*(?:[:>»]|$)/iu.test(
      line,
    ) || /^(?:>>|»)\s*\S/u.test(line)
  );
}

/** The line that starts a list of related headlines ("TIN LIÊN QUAN"), on its own. */
const RELATED_HEADING =
  /^(?:tin liên quan|bài liên quan|tin cùng chuyên mục|có thể bạn quan tâm|related|related articles?|related stories)\s*:?$/iu;

const AD_LABEL_MAX = 'story continues below this advertisement'.length;

/** "Advertisement", "Quảng cáo", "Scroll to continue with content": ad slots' labels. */
export function isAdvertisementLine(line: string): boolean {
  // Trailing dots, colons, dashes and spaces are dropped from the end, one character at a time
  // (a pattern anchored at the end would be tried from every position of a long line).
  let end = line.length;
  while (end > 0 && /[.:\s-]/u.test(line.charAt(end - 1))) end--;
  // The longest label is 40 characters; a longer line is no label.
  if (end > AD_LABEL_MAX) return false;
  return /^(?:advertisement|quảng cáo|sponsored|sponsored content|scroll to continue with content|story continues below(?: this)? advertisement|ad)$/iu.test(
    line.slice(0, end),
  );
}

const capitalised = (word: string): boolean => /^[\p{Lu}\p{N}]/u.test(word);

/**
 * "Quỳnh Hoa / (TTXVN/Vietnam+)", "Minh Anh (tổng hợp)", "By Jane Doe", "Reporting by X;
 * Editing by Y". Only ever tested on the first and last lines of a body: mid-article, a line
 * of capitalised words is more likely a subheading.
 */
export function isByline(line: string): boolean {
  if (line.length > 100) return false;
  if (
    /^(?:[Bb]y|BY|(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Aa]dditional reporting) by)\s+\p{Lu}/u.test(line)
  ) {
    return !/[.!?]$/u.test(line); // "By Jane Doe", not "By Monday, exports had risen."
  }
  const parens = line.match(/\([^()]{1,40}\)/gu) ?? [];
  const names = line.replace(/\([^()]{1,40}\)/gu, ' ').replace(/[/,&|–—-]+/gu, ' ');
  const words = names.split(/\s+/u).filter((w) => w !== '');
  if (words.length > 6) return false;
  if (words.length === 0) return parens.length > 0;
  return words.every(capitalised) && !/[.!?:;]$/u.test(names.trim());
}

/** "Theo VnExpress", "Theo TTXVN", "(Theo Reuters)", "Nguồn: Bộ Y tế", "Source: AP". */
export function isSourceCredit(line: string): boolean {
  const inner = line.replace(/^\((.*)\)\.?$/u, '$1').trim();
  const m = /^(theo|nguồn|source|sources)\s*(:?)\s*(.+?)\.?$/iu.exec(inner);
  if (!m) return false;
  const [, , colon, rest = ''] = m;
  if (rest.length > 60 || rest.includes(',') || /[.!?]/u.test(rest)) return false;
  const words = rest.split(/\s+/u);
  if (colon === ':') return words.length <= 8;
  return words.length <= 5 && words[0] !== undefined && capitalised(words[0]);
}

/** A line that ends like a sentence (it is text, not a headline in a list). */
const endsLikeSentence = (line: string): boolean => /[.!?…:"”»)]$/u.test(line);

/** Per-line rules, in order; null drops the line. */
function cleanLine(line: string, title: string): string | null {
  const noAlt = stripAltText(line, title);
  if (noAlt === null) return null;
  if (isRelatedLinkLine(noAlt) || isSeeAlsoLine(noAlt) || isAdvertisementLine(noAlt)) return null;
  if (isTitleRepeat(noAlt, title)) return null;
  const noCredit = stripPhotoCredit(noAlt);
  if (noCredit === null) return null;
  const closed = stripClosingMark(noCredit);
  return closed === '' ? null : closed;
}

/**
 * Cleans an article body: applies the line rules above, drops the list of headlines after a
 * "TIN LIÊN QUAN" heading, bylines at the start or end, and source credits at the end.
 * Returns paragraphs separated by a blank line, whitespace collapsed, NFC with one tone style.
 */
export function cleanArticleText(body: string, title: string): string {
  const cleanTitle = normalizeVietnamese(collapseWhitespace(title));
  const lines = normalizeVietnamese(body)
    .split(/\r\n|\r|\n|\u2028|\u2029/u)
    .map(collapseWhitespace);
  const kept: string[] = [];
  let inRelatedList = false;
  for (const raw of lines) {
    if (raw === '') continue;
    if (RELATED_HEADING.test(raw)) {
      inRelatedList = true;
      continue;
    }
    if (inRelatedList) {
      if (!endsLikeSentence(raw) && raw.length < 160) continue;
      inRelatedList = false;
    }
    const line = cleanLine(raw, cleanTitle);
    if (line !== null) kept.push(line);
  }
  // Edges: up to two byline lines in front; bylines and source credits at the end.
  for (let i = 0; i < 2 && kept.length > 0 && isByline(kept[0] ?? ''); i++) kept.shift();
  for (let i = 0; i < 3 && kept.length > 0; i++) {
    const last = kept[kept.length - 1] ?? '';
    if (!isByline(last) && !isSourceCredit(last)) break;
    kept.pop();
  }
  return kept.join('\n\n');
}
