/**
 * Vietnamese time expressions in news leads: "Chiều 30/12", "Sáng 8-6", "19.12", "ngày 14/1
 * (giờ địa phương)", "hôm 24-2", "sáng nay", "đêm qua", "hôm qua (18/7)", "15h30 ngày 2/9",
 * "từ ngày 8 – 9/11" (a range gives its start), "ngày 30 tháng 12 năm 2020". Hand-written
 * because chrono-node's `vi` locale misreads these (LIBRARIES.md).
 */

/** One time expression found in a sentence; day/month null for purely relative ones. */
export interface DateMention {
  /** The expression as written, with its part-of-day word. */
  readonly text: string;
  readonly index: number;
  readonly day: number | null;
  readonly month: number | null;
  readonly year: number | null;
  /** Days from the publication day for "hôm nay" (0), "đêm qua" (-1)...; null if absolute. */
  readonly relative: number | null;
}

const PART = '(?:rạng sáng|sáng sớm|sáng|trưa|chiều|tối|đêm|khuya|nửa đêm)';
const CLOCK = '(?:\\d{1,2}\\s*(?:h|giờ)(?:\\s*\\d{1,2}(?:\\s*phút|\\b))?(?:\\s*' + PART + ')?)';
const WEEKDAY = '(?:thứ\\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)';
// Words that may precede the day and belong to the expression.
const PREFIX =
  '(?:(?:khoảng|vào|từ|lúc|trong|tính đến|đến)\\s+)?(?:' +
  CLOCK +
  '\\s*,?\\s*)?(?:' +
  PART +
  '\\s+)?' +
  '(?:' +
  WEEKDAY +
  '\\s*,?\\s*)?(?:(?:hôm|ngày)\\s+)?(?:' +
  PART +
  '\\s+)?(?:nay\\s*,\\s*)?(?:ngày\\s+)?';

// Cores are matched first (cheap), then the words before them are taken from a short window:
// a leading optional prefix on every position made the scan ~10x slower.
const PREFIX_END = new RegExp(`(?<![\\p{L}])${PREFIX}$`, 'iu');
// Each pattern checks the character before its first number after matching it (\1), not before
// every position of the sentence: V8 then jumps from digit to digit.
const RANGE =
  /(\d{1,2})(?<![\p{L}\d/.,]\1)\s*(?:[–—-]|và)\s*(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?(?![\d/])/gu;
// "từ đêm 18 đến sáng 19-10", "từ ngày 12 đến 13/12": a range over two days names its start.
const SPAN = new RegExp(
  `(?<![\\p{L}])từ\\s+(?:${PART}\\s+)?(?:ngày\\s+)?(\\d{1,2})\\s+(?:đến|tới)\\s+(?:${PART}\\s+)?(?:ngày\\s+)?(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})(?:\\s*\\3\\s*(\\d{4}))?(?![\\d/])`,
  'giu',
);
// "thắng HAGL 2-1", "tỷ số 1-0": a score, not the 2nd of January.
const SCORE_BEFORE =
  /(?:thắng|thua|hòa|hoà|hạ|đánh bại|vượt qua|tỷ số|tỉ số|cách biệt|dẫn)\s+(?:[\p{Lu}\d][\p{L}\d.-]*\s+){0,4}$/u;
const DAY_MONTH = /(\d{1,2})(?<![\p{L}\d/.,]\1)\s*([/.-])\s*(\d{1,2})(?:\s*\2\s*(\d{4}))?(?![\d/]|[.,]\d)/gu;
const WORDY = /(?<![\p{L}\d])(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*(\d{4}))?/giu;
const RELATIVE = new RegExp(
  `(?<![\\p{L}])(?:(?:${CLOCK}\\s+)?(?:ngày\\s+)?(?:hôm|${PART})\\s+(nay|qua|kia)|(?:ngày\\s+)?(hôm nay|hôm qua|hôm kia))(?![\\p{L}])`,
  'giu',
);
// A clock time opening the lead ("Khoảng 6h30, ...") dates the event on the publication day.
const OPENING_CLOCK = new RegExp(`^(?:khoảng|vào|lúc)?\\s*${CLOCK}(?=\\s*,)`, 'iu');

const SET_SCORE_AFTER = /^\s*,\s*\d{1,2}\s*-\s*\d{1,2}(?![\d/.-])/u;
const SET_SCORE_BEFORE = /(?<![\d/.-])\d{1,2}\s*-\s*\d{1,2}\s*,\s*$/u;
const isSetScore = (sentence: string, start: number, end: number): boolean =>
  SET_SCORE_AFTER.test(sentence.slice(end, end + 12)) ||
  SET_SCORE_BEFORE.test(sentence.slice(Math.max(0, start - 12), start));
const FULL_AFTER = /^\s*[–—-]\s*\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*(\d{4})/u;
const FULL_BEFORE = /\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*(\d{4})\s*[–—-]\s*$/u;
/** True when a full date is one end of a span whose other end is in another year. */
const isYearSpan = (sentence: string, start: number, end: number): boolean => {
  const own = sentence.slice(start, end).slice(-4);
  const other =
    FULL_AFTER.exec(sentence.slice(end, end + 16))?.[1] ??
    FULL_BEFORE.exec(sentence.slice(Math.max(0, start - 16), start))?.[1];
  return other !== undefined && other !== own;
};

const validDay = (d: number, m: number): boolean => d >= 1 && d <= 31 && m >= 1 && m <= 12;
const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s));

/** All time expressions in one sentence, in reading order, overlapping matches removed. */
export function findViDates(sentence: string): DateMention[] {
  const found: DateMention[] = [];
  const push = (
    start: number,
    end: number,
    day: number | null,
    month: number | null,
    year: number | null,
    rel: number | null,
  ): void => {
    // Extend to the left over "Chiều", "Khoảng 5h45 ngày", "Thứ Tư, ngày"...
    const windowStart = Math.max(0, start - 48);
    const prefix = PREFIX_END.exec(sentence.slice(windowStart, start));
    const from = prefix === null ? start : windowStart + prefix.index;
    const raw = sentence.slice(from, end);
    const text = raw.replace(/^[\s,]+|[\s,]+$/gu, '');
    const index = from + raw.indexOf(text);
    if (found.some((f) => index < f.index + f.text.length && f.index < index + text.length)) return;
    found.push({ text, index, day, month, year, relative: rel });
  };
  if (/\d/u.test(sentence)) {
    if (/từ/iu.test(sentence)) {
      for (const m of sentence.matchAll(SPAN)) {
        const d = Number(m[1]);
        const mo = Number(m[4]);
        if (validDay(d, mo) && Number(m[2]) >= d)
          push(m.index, m.index + m[0].length, d, mo, num(m[5]), null);
      }
    }
    for (const m of sentence.matchAll(RANGE)) {
      const d = Number(m[1]);
      const mo = Number(m[3]);
      if (validDay(d, mo) && Number(m[2]) >= d) push(m.index, m.index + m[0].length, d, mo, num(m[4]), null);
    }
    for (const m of sentence.matchAll(DAY_MONTH)) {
      const d = Number(m[1]);
      const mo = Number(m[3]);
      // "19.12" is a date but "1.5" followed by a unit is not; require a day > 0 and a real month.
      if (!validDay(d, mo)) continue;
      if (m[2] === '.' && /^\s*(?:%|km|m|tỷ|tỉ|triệu|độ)/u.test(sentence.slice(m.index + m[0].length)))
        continue;
      if (m[2] === '-' && SCORE_BEFORE.test(sentence.slice(Math.max(0, m.index - 60), m.index))) continue;
      // "6-2, 6-3": set scores come in a row.
      if (m[2] === '-' && m[4] === undefined && isSetScore(sentence, m.index, m.index + m[0].length))
        continue;
      // "(19/8/1945 - 19/8/2025)": an anniversary's span of years names no event day.
      if (m[4] !== undefined && isYearSpan(sentence, m.index, m.index + m[0].length)) continue;
      push(m.index, m.index + m[0].length, d, mo, num(m[4]), null);
    }
    for (const m of sentence.matchAll(WORDY)) {
      const d = Number(m[1]);
      const mo = Number(m[2]);
      if (validDay(d, mo)) push(m.index, m.index + m[0].length, d, mo, num(m[3]), null);
    }
  }
  if (/(?:nay|qua|kia)(?![\p{L}])/u.test(sentence)) {
    for (const m of sentence.matchAll(RELATIVE)) {
      const word = (m[1] ?? m[2] ?? '').toLowerCase();
      const rel = word.endsWith('nay') ? 0 : word.endsWith('qua') ? -1 : -2;
      // "hôm qua (18/7)": the explicit date in brackets wins; it is found above and overlaps.
      const after = /^\s*\(?\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*\)?/u.exec(
        sentence.slice(m.index + m[0].length),
      );
      if (after !== null) continue;
      push(m.index, m.index + m[0].length, null, null, null, rel);
    }
  }
  const opening = found.length === 0 ? OPENING_CLOCK.exec(sentence) : null;
  if (opening !== null) push(opening.index, opening.index + opening[0].length, null, null, null, 0);
  return found.sort((a, b) => a.index - b.index);
}

const TARGET_YEAR_BEFORE = /(?:tầm nhìn|mục tiêu|toàn cầu|đến năm|tới năm|đến|tới)\s+$/iu;

/** Four-digit years written in the text ("năm 2022", "11/2012"), in order, for year fallback. */
export function yearsInText(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<![\d,.])((?:19|20)\d{2})(?![\d%])/gu)) {
    // "Mục tiêu toàn cầu 2030", "tầm nhìn đến năm 2045": a target, not the story's year.
    if (TARGET_YEAR_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    out.push(Number(m[1]));
  }
  return out;
}
