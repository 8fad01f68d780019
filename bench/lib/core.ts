/**
 * The real core the benchmarks drive: store, extractor and command router wired as main.ts
 * wires them, minus the network-facing pieces a benchmark never calls (link fetching, feeds).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../db/open.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import type { Extractor } from '../../src/articles/save-drafts.ts';
import { createCommandRouter } from '../../src/commands/router.ts';
import { createTopStories } from '../../src/digest/top-stories.ts';
import type { CommandRouter } from '../../src/commands/types.ts';
import { NotFoundError } from '../../src/errors.ts';
import { extract, EXTRACTOR_VERSION } from '../../src/extract/extract.ts';
import { silentLogger, type Clock } from '../../src/ports.ts';
import type { Store } from '../../src/store.ts';

export const extractor: Extractor = { version: EXTRACTOR_VERSION, extract };
export const DEFAULTS = { lang: 'vi', timezone: 'Asia/Ho_Chi_Minh' } as const;

/** A clock stopped at one instant: the big database's "now" is fixed (see generated-rows.ts). */
export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

/** The command router over `store`; link and feed commands answer "not here". */
export function createBenchRouter(store: Store, clock: Clock): CommandRouter {
  return createCommandRouter({
    store,
    clock,
    logger: silentLogger,
    defaults: DEFAULTS,
    digestMaxItems: 10,
    summariseUrl: () => Promise.reject(new NotFoundError('links are not fetched in the benchmark')),
    addFeed: () => Promise.reject(new NotFoundError('feeds are not added in the benchmark')),
    onSubscriptionsChanged: () => undefined,
    digestNow: () => Promise.resolve({ blocks: [] }),
    // As main.ts: /summary's top stories kept until an article is written (none is, here).
    topStories: createTopStories({ store }),
  });
}

export interface TempDb {
  readonly db: Db;
  readonly store: Store;
  readonly path: string;
  close(): void;
}

/** A fresh database with the real migrations in a temp folder, removed on close. */
export function openTempDb(clock?: Clock): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'bantin-bench-'));
  const path = join(dir, 'bantin.db');
  const db = openDatabase(path);
  return {
    db,
    store: createSqliteStore(db, clock),
    path,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
