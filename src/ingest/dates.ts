/**
 * Publication dates as feeds and pages write them, to ISO 8601 keeping the source's offset:
 * a Vietnamese article stamped "31 Dec 2020 06:00 +0700" is dated the 31st, which its UTC form
 * (the 30th, 23:00) would hide from the extractor.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** RFC 822 zone names still seen in feeds, in minutes east of UTC. */
const ZONES: Readonly<Record<string, number>> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  ict: 420,
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (y < 1970 || y > 2200 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return false;
  return d <= daysInMonth(y, mo);
}

/** Days in month `mo` (1-12) of year `y`, Gregorian; a Date per feed item cost more than the parse. */
function daysInMonth(y: number, mo: number): number {
  if (mo !== 2) return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offset: number | null,
): string | null {
  if (!valid(y, mo, d, h, mi, s)) return null;
  const local = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(Math.min(s, 59))}`;
  return offset === null ? local : `${local}${formatOffset(offset)}`;
}

/** "+0700", "+07:00", "GMT+7", "Z", "GMT", "EST" -> minutes; undefined when unrecognised. */
function parseZone(zone: string): number | null | undefined {
  const z = zone.trim().toLowerCase();
  if (z === '') return null;
  const named = ZONES[z];
  if (named !== undefined) return named;
  const m = /^(?:gmt|utc)?\s*([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * Parses RFC 822 ("Thu, 31 Dec 2020 06:00:00 +0700", also "GMT+7"), ISO 8601 / RFC 3339
 * (with or without offset, date only) and the "31/12/2020 06:00" form of Vietnamese sites.
 * Returns ISO 8601 with the source's offset, without one when the source gives none, a bare
 * "YYYY-MM-DD" for a date alone, or null when the text is not a date. Never throws.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '' || text.length > 100) return null;

  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      text,
    );
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] === undefined) return valid(y, mo, d, 0, 0, 0) ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
    const offset = iso[7] === undefined ? null : parseZone(iso[7]);
    if (offset === undefined) return null;
    return build(y, mo, d, Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0), offset);
  }

  const rfc =
    /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/i.exec(
      text,
    );
  if (rfc) {
    const month = MONTHS[(rfc[2] ?? '').toLowerCase()];
    if (month === undefined) return null;
    let year = Number(rfc[3]);
    if (year < 100) year += year < 50 ? 2000 : 1900;
    const offset = parseZone(rfc[7] ?? '');
    if (offset === undefined) return null;
    return build(
      year,
      month,
      Number(rfc[1]),
      Number(rfc[4] ?? 0),
      Number(rfc[5] ?? 0),
      Number(rfc[6] ?? 0),
      offset,
    );
  }

  const vn =
    /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[\s,-]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?\s*(?:\(?(GMT[+-]\d{1,2})\)?)?$/i.exec(
      text,
    );
  if (vn) {
    const offset = vn[7] === undefined ? null : parseZone(vn[7]);
    if (offset === undefined) return null;
    const [d, mo, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
    if (vn[4] === undefined) return valid(y, mo, d, 0, 0, 0) ? `${vn[3]}-${pad(mo)}-${pad(d)}` : null;
    return build(y, mo, d, Number(vn[4]), Number(vn[5]), Number(vn[6] ?? 0), offset);
  }
  return null;
}
