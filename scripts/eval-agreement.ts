/**
 * `npm run eval:agreement`: how far two human annotations of the same articles agree, scored
 * exactly as `npm run eval` scores the extractor (the first annotation as gold, the second as
 * the prediction; F1 is symmetric). It is the ceiling the extractor's figures should be read
 * against. Second annotations: tests/fixtures/eval-iaa/<set>-NNN.gold.json; first ones: the
 * set's own NNN.gold.json. Dates are compared in full and by day and month.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Counts } from './eval-score.ts';
import { addCounts, countMatches, f1, NO_COUNTS, rouge1Best } from './eval-score.ts';
import { FIXTURE_SETS, fixtureDir, readJson, record, str, strings } from './eval-sets.ts';

interface Gold {
  readonly who: readonly string[];
  readonly where: readonly string[];
  readonly date: string | null;
  readonly what: string;
}

const second = fixtureDir('eval-iaa');
const folders = new Map(FIXTURE_SETS);

function readGold(path: string): Gold {
  const g = record(readJson(path));
  return {
    who: strings(g.who),
    where: strings(g.where),
    date: str(record(g.when).date),
    what: str(g.what) ?? '',
  };
}

if (!existsSync(second)) {
  process.stdout.write(`skipped: ${second} not found\n`);
  process.exit(0);
}
let who: Counts = NO_COUNTS;
let where: Counts = NO_COUNTS;
let sameDate = 0;
let sameDay = 0;
let what = 0;
let n = 0;
const lines: string[] = [];
for (const f of readdirSync(second)
  .filter((x) => /^\w+-\d+\.gold\.json$/u.test(x))
  .sort()) {
  const [set = '', id = ''] = f.replace('.gold.json', '').split('-');
  const folder = folders.get(set);
  if (folder === undefined) continue;
  const firstPath = join(fixtureDir(folder), `${id}.gold.json`);
  if (!existsSync(firstPath)) continue;
  const a = readGold(firstPath);
  const b = readGold(join(second, f));
  const cWho = countMatches(b.who, a.who);
  const cWhere = countMatches(b.where, a.where);
  who = addCounts(who, cWho);
  where = addCounts(where, cWhere);
  if (a.date === b.date) sameDate++;
  // The first annotators could take a year from the stored page's date, which the article file
  // does not carry; day and month show how often they chose the same event day.
  if (a.date?.slice(5) === b.date?.slice(5)) sameDay++;
  what += rouge1Best(b.what, [a.what]);
  n++;
  // As in `npm run eval`, nothing of the held-out set is printed beyond its totals.
  if (process.argv.includes('--verbose') && set !== 'heldout') {
    if (cWho.fp + cWho.fn > 0)
      lines.push(`${set}/${id} who   ${JSON.stringify(a.who)} vs ${JSON.stringify(b.who)}`);
    if (cWhere.fp + cWhere.fn > 0)
      lines.push(`${set}/${id} where ${JSON.stringify(a.where)} vs ${JSON.stringify(b.where)}`);
    if (a.date !== b.date) lines.push(`${set}/${id} when  ${String(a.date)} vs ${String(b.date)}`);
  }
}
process.stdout.write(
  `two annotators, ${String(n)} articles: who F1 ${f1(who).toFixed(2)}, where F1 ${f1(where).toFixed(2)}, ` +
    `same date ${(sameDate / Math.max(1, n)).toFixed(2)} (same day and month: ${(sameDay / Math.max(1, n)).toFixed(2)}), what ROUGE-1 ${(what / Math.max(1, n)).toFixed(2)}\n`,
);
for (const l of lines) process.stdout.write(`${l}\n`);
