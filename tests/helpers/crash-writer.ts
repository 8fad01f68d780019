/**
 * A child process for the crash tests: opens the real store on argv[2] and saves generated
 * articles in transactions of BATCH, forever (or `argv[4]` batches), printing "committed <n>"
 * after each commit. The parent kills it with SIGKILL at a random moment. Seeded by argv[3] so
 * a failing run can be replayed.
 */
import { openDatabase } from '../../db/open.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import type { Extraction } from '../../src/domain.ts';
import { contentFingerprint } from '../../src/ingest/canonical-url.ts';

const [, , dbPath, seedArg = '1', batchesArg] = process.argv;
if (dbPath === undefined) throw new Error('usage: crash-writer <db> [seed] [batches]');

const BATCH = 20;
let state = Number(seedArg) >>> 0 || 1;
/** xorshift32: deterministic and dependency-free. */
const rand = (): number => {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 0x100000000;
};
const WORDS = [
  'Hà Nội',
  'Đà Nẵng',
  'hội nghị',
  'Văn phòng',
  'Trung ương',
  'chiều',
  'triển khai',
  'nhiệm vụ',
  'năm',
  'công tác',
  'news',
  'summit',
];
const sentence = (): string =>
  Array.from(
    { length: 8 + Math.floor(rand() * 20) },
    () => WORDS[Math.floor(rand() * WORDS.length)] ?? '',
  ).join(' ');

const summary: Extraction = {
  who: ['Trần Quốc Vượng'],
  what: 'hội nghị',
  when: { text: null, date: null },
  where: ['Hà Nội'],
  evidence: {},
};

const db = openDatabase(dbPath);
const store = createSqliteStore(db);
const runId = `${process.pid}-${seedArg}`;
let n = 0;
const limit = batchesArg === undefined ? Infinity : Number(batchesArg);
for (let b = 0; b < limit; b++) {
  const inputs = Array.from({ length: BATCH }, () => {
    n += 1;
    const title = `Tin ${runId}-${n}: ${sentence()}`;
    const body = Array.from({ length: 4 + Math.floor(rand() * 20) }, sentence).join('. ');
    return {
      draft: {
        title,
        body,
        lang: 'vi' as const,
        publishedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
        url: `https://example.vn/${runId}/${n}.html`,
        guid: null,
        source: 'example.vn',
      },
      feedId: null,
      fingerprint: contentFingerprint(title, body),
      extraction: summary,
      extractorVersion: 'crash-test',
    };
  });
  store.saveArticles(inputs);
  process.stdout.write(`committed ${store.countArticles()}\n`);
}
db.close();
