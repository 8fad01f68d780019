import { z } from 'zod';
import { ConfigError } from './errors.ts';
import type { Lang } from './domain.ts';

/** Real Vietnamese and English news RSS feeds polled when FEEDS is not set. */
export const DEFAULT_FEEDS: readonly string[] = [
  'https://vnexpress.net/rss/tin-moi-nhat.rss',
  'https://www.vietnamplus.vn/rss/home.rss',
  'https://tuoitre.vn/rss/tin-moi-nhat.rss',
  'https://thanhnien.vn/rss/home.rss',
  'https://feeds.bbci.co.uk/news/world/rss.xml',
  'https://www.theguardian.com/world/rss',
];

export const isValidTimezone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** "10m", "30s", "2h", "1d" or plain milliseconds. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?\s*$/i.exec(text);
  if (m === null) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'ms').toLowerCase();
  const factor = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 }[unit] ?? 1;
  return Math.round(n * factor);
}

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? null : v.trim()));

const urlRoot = (name: string) =>
  optionalText.refine((v) => v === null || /^https?:\/\/[^\s]+[^/]$/.test(v), {
    error: `${name} must be an http(s) URL without a trailing slash`,
  });

const schema = z.object({
  DATABASE_PATH: optionalText.transform((v) => v ?? './data/bantin.db'),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: urlRoot('TELEGRAM_API_ROOT'),
  TELEGRAM_WEBHOOK_URL: optionalText.refine((v) => v === null || /^https:\/\//.test(v), {
    error: 'TELEGRAM_WEBHOOK_URL must be an https:// URL',
  }),
  TELEGRAM_WEBHOOK_PORT: optionalText
    .transform((v) => (v === null ? 8443 : Number(v)))
    .pipe(z.number().int().min(1).max(65535)),
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  TELEGRAM_MAX_PER_SECOND: optionalText
    .transform((v) => (v === null ? 30 : Number(v)))
    .pipe(z.number().int().min(1).max(10_000)),
  TELEGRAM_CHAT_INTERVAL_MS: optionalText
    .transform((v) => (v === null ? 1000 : Number(v)))
    .pipe(z.number().int().min(0).max(60_000)),
  TELEGRAM_GROUP_MAX_PER_MINUTE: optionalText
    .transform((v) => (v === null ? 20 : Number(v)))
    .pipe(z.number().int().min(1).max(10_000)),
  DISCORD_BOT_TOKEN: optionalText,
  DISCORD_API_ROOT: urlRoot('DISCORD_API_ROOT'),
  DISCORD_GUILD_ID: optionalText,
  FEEDS: optionalText.transform((v) =>
    v === null
      ? null
      : v
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
  ),
  FEEDS_FILE: optionalText,
  FEED_POLL_INTERVAL: optionalText
    .transform((v) => (v === null ? 600_000 : parseDuration(v)))
    .refine((v) => v !== null && v >= 10_000, {
      error: 'FEED_POLL_INTERVAL must be a duration of at least 10s, e.g. "10m"',
    })
    .transform((v) => v ?? 600_000),
  DEFAULT_TIMEZONE: optionalText
    .transform((v) => v ?? 'Asia/Ho_Chi_Minh')
    .refine(isValidTimezone, { error: 'DEFAULT_TIMEZONE must be an IANA time zone, e.g. Asia/Ho_Chi_Minh' }),
  DEFAULT_LANGUAGE: optionalText
    .transform((v) => v ?? 'vi')
    .pipe(z.enum(['vi', 'en'], { error: 'DEFAULT_LANGUAGE must be vi or en' })),
  ALLOW_PRIVATE_NETWORK: boolish,
  LOG_LEVEL: optionalText
    .transform((v) => v ?? 'info')
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  DIGEST_MAX_ITEMS: optionalText
    .transform((v) => (v === null ? 10 : Number(v)))
    .pipe(z.number().int().min(1).max(50)),
  IMPORT_EXAMPLES: optionalText.transform((v) => v !== 'false' && v !== '0'),
});

export interface Config {
  readonly databasePath: string;
  readonly telegram: {
    readonly token: string;
    readonly apiRoot: string | null;
    readonly webhook: { readonly url: string; readonly port: number; readonly secret: string } | null;
    /** Send spacing: Telegram's published limits unless raised (local Bot API server, paid broadcasts). */
    readonly limits: {
      readonly perSecond: number;
      readonly chatIntervalMs: number;
      readonly groupPerMinute: number;
    };
  } | null;
  readonly discord: {
    readonly token: string;
    readonly apiRoot: string | null;
    readonly guildId: string | null;
  } | null;
  /** Explicit feed list (FEEDS), or null for the defaults / FEEDS_FILE. */
  readonly feeds: readonly string[] | null;
  readonly feedsFile: string | null;
  readonly feedPollIntervalMs: number;
  readonly defaultTimezone: string;
  readonly defaultLanguage: Lang;
  readonly allowPrivateNetwork: boolean;
  readonly logLevel: string;
  readonly digestMaxItems: number;
  readonly importExamples: boolean;
}

/**
 * Validates the environment once, at start-up. Pure: takes the env, returns a Config or throws
 * a ConfigError listing every problem at once (never the values: they may be secrets).
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (
    e.TELEGRAM_WEBHOOK_URL !== null &&
    (e.TELEGRAM_WEBHOOK_SECRET === null || !/^[A-Za-z0-9_-]{1,256}$/.test(e.TELEGRAM_WEBHOOK_SECRET))
  ) {
    throw new ConfigError(
      'invalid configuration: TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL (1-256 of A-Z a-z 0-9 _ -), so only Telegram can call the webhook',
    );
  }
  return {
    databasePath: e.DATABASE_PATH,
    telegram:
      e.TELEGRAM_BOT_TOKEN === null
        ? null
        : {
            token: e.TELEGRAM_BOT_TOKEN,
            apiRoot: e.TELEGRAM_API_ROOT,
            limits: {
              perSecond: e.TELEGRAM_MAX_PER_SECOND,
              chatIntervalMs: e.TELEGRAM_CHAT_INTERVAL_MS,
              groupPerMinute: e.TELEGRAM_GROUP_MAX_PER_MINUTE,
            },
            webhook:
              e.TELEGRAM_WEBHOOK_URL === null
                ? null
                : {
                    url: e.TELEGRAM_WEBHOOK_URL,
                    port: e.TELEGRAM_WEBHOOK_PORT,
                    secret: e.TELEGRAM_WEBHOOK_SECRET ?? '',
                  },
          },
    discord:
      e.DISCORD_BOT_TOKEN === null
        ? null
        : { token: e.DISCORD_BOT_TOKEN, apiRoot: e.DISCORD_API_ROOT, guildId: e.DISCORD_GUILD_ID },
    feeds: e.FEEDS,
    feedsFile: e.FEEDS_FILE,
    feedPollIntervalMs: e.FEED_POLL_INTERVAL,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    allowPrivateNetwork: e.ALLOW_PRIVATE_NETWORK,
    logLevel: e.LOG_LEVEL,
    digestMaxItems: e.DIGEST_MAX_ITEMS,
    importExamples: e.IMPORT_EXAMPLES,
  };
}
