import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../db/open.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/**
 * Another process (the CLI, a second bot) that holds the database's write lock for `holdMs`,
 * as a long migration does. Resolves once the lock is held.
 */
async function holdWriteLock(path: string, holdMs: number): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
    db.exec('COMMIT');
    db.close();`;
  const child = spawn(process.execPath, ['-e', script, path, String(holdMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => child.kill());
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  expect(chunk.toString()).toContain('locked');
  return child;
}

function openWithoutMigrating(busyTimeoutMs: number): { db: Database.Database; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bantin-migrate-'));
  const path = join(dir, 'bantin.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${String(busyTimeoutMs)}`);
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, path };
}

describe('migrate while another process holds the write lock', () => {
  it('waits past the everyday busy timeout for the lock, then restores that timeout', async () => {
    const { db, path } = openWithoutMigrating(100);
    const child = await holdWriteLock(path, 1500);
    const latest = listMigrations().at(-1)?.version;
    expect(migrate(db)).toBe(latest);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(100);
    await once(child, 'exit');
  });

  it('gives up with SQLITE_BUSY when the wait it is given runs out first', async () => {
    const { db, path } = openWithoutMigrating(100);
    const child = await holdWriteLock(path, 1500);
    expect(() => migrate(db, listMigrations(), 100)).toThrow(/locked|busy/iu);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(100);
    await once(child, 'exit');
  });
});
