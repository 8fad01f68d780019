/**
 * Turns a day/month (or a relative day) into a calendar date using the publication date,
 * a date in the URL, or a year written in the text — and never a guessed year.
 */

/** A calendar day whose year may be unknown. */
export interface PartialDate {
  readonly year: number | null;
  readonly month: number;
  readonly day: number;
}

/** What the year of a day/month can be taken from, best first. */
export interface DateContext {
  /** The publication day in the article's timezone. */
  readonly published: PartialDate | null;
  /** A date found in the URL ("/201806/" gives a year and month; "2024-09-08" a full day). */
  readonly fromUrl: {
    readonly year: number;
    readonly month: number | null;
    readonly day: number | null;
  } | null;
  /** The one year the lead mentions, if it mentions exactly one. */
  readonly textYear: number | null;
}

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * The publication day of an ISO timestamp. A timestamp with an explicit offset keeps the
 * publisher's local day (what the reader saw); one in UTC ("Z") is moved to Asia/Ho_Chi_Minh
 * for Vietnamese text (the country has one zone, UTC+7, no DST) and kept for English.
 */
export function publicationDay(publishedAt: string | null, lang: 'vi' | 'en'): PartialDate | null {
  if (publishedAt === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(publishedAt);
  if (m === null) return null;
  if (lang === 'vi' && /T[\d:.]+Z$/u.test(publishedAt)) {
    const t = Date.parse(publishedAt);
    if (!Number.isNaN(t)) {
      const d = new Date(t + VIETNAM_OFFSET_MS);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    }
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** A date encoded in a news URL: "/2024/09/08/", "2024-09-08", "/201806/", "20180618". */
export function urlDate(url: string | null): DateContext['fromUrl'] {
  if (url === null) return null;
  // Ids that are time stamps ("...-2012061608451892.htm": 2012-06-16 08:45:18) also qualify;
  // the hour and minute must be real so that any long number does not pass for a date.
  const full =
    /(?<!\d)((?:19|20)\d{2})[-/]?(0[1-9]|1[0-2])[-/]?(0[1-9]|[12]\d|3[01])(?:(?:[01]\d|2[0-3])[0-5]\d\d*)?(?!\d)/u.exec(
      url,
    );
  if (full !== null) return { year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) };
  // Thanh Niên, CafeF, Sức khỏe & Đời sống ids: a 3-digit site prefix, then YYMMDDhhmm and
  // more digits ("-185240427154058045.htm": 2024-04-27 15:40).
  const id =
    /-1\d\d(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d\d{3,}\.(?:html?|chn)(?:$|[?#])/u.exec(
      url,
    );
  if (id !== null) return { year: 2000 + Number(id[1]), month: Number(id[2]), day: Number(id[3]) };
  const ym =
    /\/((?:19|20)\d{2})(0[1-9]|1[0-2])\//u.exec(url) ?? /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//u.exec(url);
  if (ym !== null) return { year: Number(ym[1]), month: Number(ym[2]), day: null };
  return null;
}

const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

/** Formats a full date as YYYY-MM-DD, or null when the year is unknown. */
export function isoDate(d: PartialDate | null): string | null {
  if (d?.year == null) return null;
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Shifts a full date by n days. */
export function addDays(d: PartialDate & { year: number }, n: number): PartialDate {
  const t = new Date((dayNumber(d.year, d.month, d.day) + n) * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

// How far after publication a day/month may fall and still be this year's (forecasts and
// schedules point forward); beyond it, "30/12" in an article of 2 January is last year's.
const FORWARD_DAYS = 62;

const yearNear = (
  anchor: { year: number; month: number; day: number },
  month: number,
  day: number,
): number => {
  const sameYear = dayNumber(anchor.year, month, day) - dayNumber(anchor.year, anchor.month, anchor.day);
  if (sameYear > FORWARD_DAYS) return anchor.year - 1;
  if (sameYear < -(365 - FORWARD_DAYS)) return anchor.year + 1;
  return anchor.year;
};

/**
 * Resolves an absolute day/month (with an optional written year) or a relative day against
 * the context. Returns null when not even the day is known (a relative day without any
 * anchor); the year stays null when nothing gives it.
 */
export function resolveDate(
  mention: {
    readonly day: number | null;
    readonly month: number | null;
    readonly year: number | null;
    readonly relative: number | null;
  },
  ctx: DateContext,
): PartialDate | null {
  if (mention.day !== null && mention.month !== null) {
    const { day, month } = mention;
    if (mention.year !== null) return { year: mention.year, month, day };
    if (ctx.published?.year != null)
      return { year: yearNear({ ...ctx.published, year: ctx.published.year }, month, day), month, day };
    const u = ctx.fromUrl;
    if (u !== null) {
      if (u.month === null) return { year: u.year, month, day };
      return { year: yearNear({ year: u.year, month: u.month, day: u.day ?? 15 }, month, day), month, day };
    }
    return { year: ctx.textYear, month, day };
  }
  if (mention.relative !== null) {
    const anchor =
      ctx.published ??
      (ctx.fromUrl?.day != null && ctx.fromUrl.month !== null
        ? { year: ctx.fromUrl.year, month: ctx.fromUrl.month, day: ctx.fromUrl.day }
        : null);
    if (anchor?.year == null) return null;
    return addDays({ ...anchor, year: anchor.year }, mention.relative);
  }
  return null;
}
