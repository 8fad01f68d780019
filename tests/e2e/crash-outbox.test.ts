/**
 * Issue 6's crash test: bantin runs as a real child process against the fake Telegram, delivering
 * a 40-part digest from its outbox; it is killed with SIGKILL at seeded random moments and
 * restarted each time. Every part must arrive, in order, none lost; duplicates are counted (a part
 * may repeat only when the kill fell between the platform accepting it and the database recording it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FAKE_TOKEN, startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.ts';
import { REPO_ROOT } from '../helpers/run-bantin.ts';
import { openTempStore } from '../helpers/temp-db.ts';

const CHAT = 4242;
const PARTS = 40;
const TRIALS = 20;
const SEED = 20261127;

/** Small seeded PRNG (mulberry32) so a failing run can be replayed. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

let fake: FakeTelegram;
let dir: string;
let dbPath: string;

const partNo = (text: string): number => Number(/^Phần (\d+)\//.exec(text)?.[1] ?? -1);

const startBantin = (): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_PATH: dbPath,
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_CHAT_INTERVAL_MS: '300',
      FEEDS: 'http://127.0.0.1:9/none.rss',
      IMPORT_EXAMPLES: 'false',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

const integrityOk = (): string => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.addChat({ id: CHAT, type: 'private', first_name: 'Lan' });
  dir = mkdtempSync(join(tmpdir(), 'bantin-crash-'));
  const t = openTempStore();
  dbPath = join(dir, 'bantin.db');
  t.store.enqueueDigest({
    subscriptionId: null,
    chatKey: `telegram:${String(CHAT)}`,
    slot: '2024-06-01T00:00:00.000Z',
    late: false,
    parts: Array.from({ length: PARTS }, (_, i) => ({
      text: `Phần ${String(i + 1)}/${String(PARTS)} của bản tin`,
      entities: [],
      linkPreview: false,
    })),
    articleIds: [],
  });
  await t.db.backup(dbPath);
  t.close();
});

afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the outbox under SIGKILL', () => {
  it(`delivers all ${String(PARTS)} parts in order across ${String(TRIALS)} kills`, async () => {
    const random = prng(SEED);
    const received = (): number[] => fake.sentMessages(CHAT).map((m) => partNo(m.text));
    let kills = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const starts = fake.callsOf('getMe').length;
      const child = startBantin();
      // Once the bot is up (it calls getMe, then starts sending), kill it 0-450 ms later: with
      // 300 ms between sends that lands before, between and right after sends.
      await fake.waitFor(() => fake.callsOf('getMe').length > starts || child.exitCode !== null, {
        timeout: 60_000,
      });
      await new Promise((r) => setTimeout(r, Math.floor(random() * 450)));
      child.kill('SIGKILL');
      await exited(child);
      kills++;
      expect(integrityOk()).toBe('ok');
    }
    expect(new Set(received()).size).toBeLessThan(PARTS); // the kills really interrupted the digest
    // A last, uninterrupted run finishes what is left.
    const child = startBantin();
    await fake.waitFor(() => new Set(received()).size === PARTS, { timeout: 60_000 });
    child.kill('SIGTERM');
    await exited(child);
    expect(integrityOk()).toBe('ok');

    const got = received();
    const firstSeen = got.filter((n, i) => got.indexOf(n) === i);
    const duplicates = got.length - firstSeen.length;
    console.info(
      `crash test: ${String(kills)} kills, ${String(PARTS)} parts, ${String(got.length)} sends, 0 lost, ${String(duplicates)} duplicates (seed ${String(SEED)})`,
    );
    expect(firstSeen).toEqual(Array.from({ length: PARTS }, (_, i) => i + 1)); // all, in order
    expect(duplicates).toBeLessThanOrEqual(kills); // at most one per kill
    for (let i = 1; i < got.length; i++) {
      // a repeat is only ever the part just before: nothing out of order
      expect(got[i]! >= got[i - 1]!).toBe(true);
    }
  }, 600_000);
});
