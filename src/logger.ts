import { pino } from 'pino';
import { Writable } from 'node:stream';
import type { Logger } from './ports.ts';

export interface LoggerOptions {
  readonly level: string;
  /** Values that must never reach a log line (bot tokens); replaced by "[redacted]". */
  readonly secrets: readonly string[];
  /** One short human line per entry (a terminal) instead of JSON (a log collector). */
  readonly pretty: boolean;
  readonly destination: NodeJS.WritableStream;
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

const prettyLine = (json: string): string => {
  try {
    const entry = JSON.parse(json) as {
      level: number;
      time: number;
      msg?: string;
      err?: { message?: string };
    };
    const time = new Date(entry.time).toISOString().slice(11, 19);
    const err =
      entry.err?.message !== undefined && entry.msg !== entry.err.message ? ` (${entry.err.message})` : '';
    return `${time} ${LEVELS[entry.level] ?? 'LOG'} ${entry.msg ?? ''}${err}\n`;
  } catch {
    return json;
  }
};

/**
 * pino, with every secret scrubbed from the serialised line. Scrubbing the text (not only
 * known paths) also catches tokens inside error messages and URLs that client libraries build.
 */
export function createLogger(options: LoggerOptions): Logger {
  // The raw token and the forms client libraries put in URLs.
  const secrets = options.secrets
    .filter((s) => s.length >= 8)
    .flatMap((s) => [s, encodeURIComponent(s), encodeURI(s)])
    .filter((s, i, all) => all.indexOf(s) === i);
  const scrub = (line: string): string => secrets.reduce((acc, s) => acc.split(s).join('[redacted]'), line);
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      const line = scrub(chunk.toString('utf8'));
      options.destination.write(options.pretty ? prettyLine(line) : line);
      done();
    },
  });
  return pino({ level: options.level, base: null }, sink);
}
