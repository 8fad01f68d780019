import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../db/open.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import type { Store } from '../../src/store.ts';
import type { Clock } from '../../src/ports.ts';

export interface TempStore {
  readonly db: Db;
  readonly store: Store;
  readonly path: string;
  readonly dir: string;
  close(): void;
}

/** A real SQLite database with the real migrations, in a fresh temp folder. */
export function openTempStore(clock?: Clock): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'bantin-test-'));
  const path = join(dir, 'bantin.db');
  const db = openDatabase(path);
  const store = createSqliteStore(db, clock);
  return {
    db,
    store,
    path,
    dir,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock tests move by hand. */
export function manualClock(start: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso) => {
      now = new Date(iso);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}
