/**
 * The Vietnamese "when": which time expression of the lead dates the main event, resolved to
 * a day. Position first (the lead, then the title, then further down), with one repair for
 * report dates: "Sáng 20/7, ông X cho biết, ... đêm qua lũ quét ..." opens with the day the
 * news was reported, and the event's own day is the past relative day counted from it.
 */
import type { DateContext, PartialDate } from './resolve-date.ts';
import { addDays, resolveDate } from './resolve-date.ts';
import type { DateMention } from './vi-dates.ts';
import { findViDates } from './vi-dates.ts';

/** The chosen expression, its day (null when not even the day is known) and its sentence. */
export interface ViWhen {
  readonly text: string | null;
  readonly day: PartialDate | null;
  readonly sentence: string | null;
}

/** Lead sentences read first; the title is read after them (it often drops the day). */
const LEAD_DATE_SENTENCES = 3;
/** Sentences searched for the event's relative day after a report date. */
const REPORT_RELATIVE_SENTENCES = 4;

// "<date>, <source> cho biết ...": the date is the report's. Only a source and its title may
// stand between (no full stop, at most ~100 characters).
const REPORTED_AFTER = /^[^.;:]{0,100}?(?:cho biết|cho hay|thông tin|báo cáo|xác nhận)(?![\p{L}])/u;

/**
 * Picks and resolves the event's time expression from the title and body sentences.
 * `maxSentences` bounds how far down the body is searched (default 8: the date may sit after
 * a quote-led opening).
 */
export function findViWhen(
  title: string,
  sentences: readonly string[],
  ctx: DateContext,
  maxSentences = 8,
): ViWhen {
  let text: string | null = null;
  let sentence: string | null = null;
  const order = [
    ...sentences.slice(0, LEAD_DATE_SENTENCES),
    title,
    ...sentences.slice(LEAD_DATE_SENTENCES, maxSentences),
  ];
  for (const s of order) {
    for (const m of findViDates(s)) {
      if (isCumulative(s, m)) continue;
      const day = resolveDate(m, ctx);
      if (day === null && m.relative !== null && text === null) {
        // "đêm qua" with nothing to anchor it: keep the text, the day stays unknown.
        text = m.text;
        sentence = s;
        continue;
      }
      if (day === null) continue;
      const event = m.relative === null ? eventAfterReport(s, m, day, sentences) : null;
      return event ?? { text: m.text, day, sentence: s };
    }
  }
  return { text, day: null, sentence };
}

// "Từ ngày 27/4 đến nay, ... ghi nhận 130 ca": a count since a day, not an event on that day.
const CUMULATIVE = /^\s*,?\s*(?:đến|tới)\s+(?:nay|hiện nay|thời điểm này)(?![\p{L}])/u;
const isCumulative = (sentence: string, m: DateMention): boolean =>
  CUMULATIVE.test(sentence.slice(m.index + m.text.length));

/** The past relative day of the lead counted from a report date, or null if not a report. */
function eventAfterReport(
  sentence: string,
  mention: DateMention,
  reportDay: PartialDate,
  sentences: readonly string[],
): ViWhen | null {
  if (mention.index > 0) return null;
  if (!REPORTED_AFTER.test(sentence.slice(mention.index + mention.text.length))) return null;
  for (const s of sentences.slice(0, REPORT_RELATIVE_SENTENCES)) {
    // "Ngày 29/1, X cho biết ... Khoảng 1h30 ngày 27/1, ...": an earlier day of the same week.
    // Not in the report's own sentence: "Chiều 15/7, theo X, tại cuộc họp chiều 14/7, ... cho hay"
    // dates the meeting that was reported from.
    const earlier =
      s === sentence
        ? undefined
        : findViDates(s).find((m) => m.relative === null && isShortlyBefore(m, reportDay));
    if (earlier?.day != null && earlier.month !== null)
      return {
        text: earlier.text,
        day: { year: reportDay.year, month: earlier.month, day: earlier.day },
        sentence: s,
      };
    const past = findViDates(s).find((m) => m.relative !== null && m.relative < 0);
    if (past?.relative == null) continue;
    // Without a year the shift still gives day and month; the placeholder year is dropped.
    const shifted = addDays({ ...reportDay, year: reportDay.year ?? PLACEHOLDER_YEAR }, past.relative);
    return {
      text: past.text,
      day: reportDay.year === null ? { ...shifted, year: null } : shifted,
      sentence: s,
    };
  }
  return null;
}

/** Days back from a report date within which an absolute date is the reported event's. */
const REPORTED_EVENT_DAYS = 7;
/** True for a day and month (same year assumed) 1–7 days before the report day. */
const isShortlyBefore = (m: DateMention, report: PartialDate): boolean => {
  if (m.day === null || m.month === null || (m.year !== null && m.year !== report.year)) return false;
  const year = report.year ?? PLACEHOLDER_YEAR;
  const back =
    (Date.UTC(year, report.month - 1, report.day) - Date.UTC(year, m.month - 1, m.day)) / 86_400_000;
  return back >= 1 && back <= REPORTED_EVENT_DAYS;
};

/** A leap year, so "1/3" minus one day is 29/2 rather than nothing when the year is unknown. */
const PLACEHOLDER_YEAR = 2024;
