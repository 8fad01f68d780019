import { Cron } from 'croner';
import { InputError } from '../errors.ts';

/** A validated schedule: the 5-field cron it runs on and how the user wrote it. */
export interface Schedule {
  readonly cron: string;
  readonly label: string;
}

const EXAMPLES = 'e.g. "0 7 * * *", "daily 7:00", "7:00,12:00,19:00", "hourly"';

const timeOfDay = (text: string): { h: number; m: number } | null => {
  const match = /^(\d{1,2})(?:[:h](\d{2})?)?$/.exec(text.trim());
  if (match === null) return null;
  const h = Number(match[1]);
  const m = match[2] === undefined ? 0 : Number(match[2]);
  return h <= 23 && m <= 59 ? { h, m } : null;
};

/** Parses a cron line or a preset; null when it is neither. Presets: hourly, daily [H:MM], H:MM[,H:MM...]. */
function presetToCron(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === 'hourly' || s === 'hằng giờ' || s === 'mỗi giờ') return '0 * * * *';
  const daily = /^(?:daily|hằng ngày|mỗi ngày)(?: (?:at )?(.+))?$/.exec(s);
  const times = daily !== null ? (daily[1] ?? '7:00') : s;
  const parts = times.split(/\s*,\s*/);
  const parsed = parts.map(timeOfDay);
  if (parsed.length === 0 || parsed.some((p) => p === null)) return null;
  const ok = parsed as Array<{ h: number; m: number }>;
  const minutes = new Set(ok.map((p) => p.m));
  if (minutes.size === 1) {
    const hours = [...new Set(ok.map((p) => p.h))].sort((a, b) => a - b);
    return `${String(ok[0]?.m ?? 0)} ${hours.join(',')} * * *`;
  }
  return null; // different minutes cannot share one cron line; ask for a cron instead
}

/** Throws InputError with examples when the text is neither a valid 5-field cron nor a preset. */
export function parseSchedule(text: string, timezone: string): Schedule {
  const trimmed = text.trim();
  const fields = trimmed.split(/\s+/);
  const cron = fields.length === 5 ? fields.join(' ') : presetToCron(trimmed);
  if (cron === null)
    throw new InputError(`“${trimmed}” is not a schedule: use a 5-field cron or a preset, ${EXAMPLES}.`);
  try {
    // Only used to validate and compute times; the scheduler runs it.
    new Cron(cron, { timezone, mode: '5-part', paused: true });
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^CronPattern: /, '') : 'invalid';
    throw new InputError(`“${trimmed}” is not a valid cron schedule (${why}); ${EXAMPLES}.`);
  }
  return { cron, label: trimmed };
}

/** The next run strictly after `after`, in the given zone. */
export function nextRun(cron: string, timezone: string, after: Date): Date | null {
  return new Cron(cron, { timezone, mode: '5-part', paused: true }).nextRun(after);
}

/** The latest slot at or before `at`, or null if none in the last `lookbackMs`. */
export function previousRun(cron: string, timezone: string, at: Date): Date | null {
  const runs = new Cron(cron, { timezone, mode: '5-part', paused: true }).previousRuns(1, at);
  return runs[0] ?? null;
}

/**
 * Splits "/subscribe" arguments into a schedule and an optional filter: the schedule is the
 * leading 5 cron fields or the leading preset words; the rest (words, who:"...", where:"...") is
 * the filter.
 */
export function splitScheduleAndFilter(args: string): { schedule: string; filter: string | null } {
  const tokens = args
    .trim()
    .split(/\s+/)
    .filter((x) => x.length > 0);
  const isCronField = (x: string): boolean => /^[\d*/,\-A-Za-z?LW#]+$/.test(x) && !/[:"]/.test(x);
  if (tokens.length >= 5 && tokens.slice(0, 5).every(isCronField) && /^[\d*]/.test(tokens[0] ?? '')) {
    const rest = tokens.slice(5).join(' ');
    return { schedule: tokens.slice(0, 5).join(' '), filter: rest === '' ? null : rest };
  }
  for (let n = Math.min(tokens.length, 4); n >= 1; n--) {
    const head = tokens.slice(0, n).join(' ');
    if (presetToCron(head) !== null) {
      const rest = tokens.slice(n).join(' ');
      return { schedule: head, filter: rest === '' ? null : rest };
    }
  }
  return { schedule: args.trim(), filter: null };
}
