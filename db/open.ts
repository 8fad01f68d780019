import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldAccents } from '../src/text/vietnamese.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export type Db = Database.Database;

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Numbered migrations, `NNN_name.sql`, in order. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .map((f) => ({ version: Number(f.split('_')[0]), name: f, sql: readFileSync(join(dir, f), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Opens (creating if needed) the database: WAL so readers never wait for the poller,
 * synchronous=NORMAL (durable across process crashes, which is what WAL needs), foreign keys,
 * and a busy timeout so the CLI and the bot can share the file. Pending migrations run in one
 * transaction, tracked by PRAGMA user_version.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * How long a process waits for another one's migration before giving up. The everyday busy
 * timeout (5 s) is for short writes; a migration can hold the write lock far longer (004 fills a
 * search index: ~20 s at 1M articles), and a bot restarted meanwhile should wait, not fail.
 */
export const MIGRATION_WAIT_MS = 10 * 60_000;

export function migrate(db: Db, migrations = listMigrations(), waitMs = MIGRATION_WAIT_MS): number {
  const pendingNow = (): Migration[] => {
    const current = db.pragma('user_version', { simple: true }) as number;
    return migrations.filter((m) => m.version > current);
  };
  if (pendingNow().length === 0) return db.pragma('user_version', { simple: true }) as number;
  // Migrations that fill a search index fold text exactly as the store does.
  db.function('fold_accents', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldAccents(text) : text,
  );
  const apply = db.transaction(() => {
    // Read again under the write lock: another process (the bot and the CLI share the file) may
    // have applied them while this one waited, and some take a while (004: ~20 s at 1M articles).
    const pending = pendingNow();
    for (const m of pending) db.exec(m.sql);
    const last = pending[pending.length - 1];
    if (last) db.pragma(`user_version = ${String(last.version)}`);
  });
  const everydayTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${String(waitMs)}`);
  try {
    apply.immediate();
  } finally {
    db.pragma(`busy_timeout = ${String(everydayTimeout)}`);
  }
  return db.pragma('user_version', { simple: true }) as number;
}
