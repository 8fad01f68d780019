/**
 * `npx tsx scripts/eval-errors.ts [dev|fixtures] [--field who|where] [--all]`: the articles
 * where who or where misses, with gold, prediction, the evidence sentence and the title + lead,
 * so misses can be read and sorted into error classes. Scores as `npm run eval` does
 * (eval-score.ts). Only the two Vietnamese-annotated sets are read; held-out sets never are.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDetailed } from '../src/extract/extract.ts';
import { bodySentences } from '../src/extract/sentences.ts';
import { countMatches, namesMatch } from './eval-score.ts';

const root = join(import.meta.dirname, '..');
const DIRS: Readonly<Record<string, string>> = {
  dev: join(root, '..', 'shared', 'data', 'eval', 'dev'),
  fixtures: join(root, 'tests', 'fixtures', 'eval'),
};
const argv = process.argv.slice(2);
const fieldAt = argv.indexOf('--field');
const fields = fieldAt >= 0 ? [argv[fieldAt + 1] ?? 'who'] : ['who', 'where'];
const chosen = argv.filter((a) => a in DIRS);
const showAll = argv.includes('--all');

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const readJson = (path: string): Record<string, unknown> =>
  record(JSON.parse(readFileSync(path, 'utf8')) as unknown);
const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const totals = { tp: 0, fp: 0, fn: 0 };
for (const set of chosen.length > 0 ? chosen : Object.keys(DIRS)) {
  const dir = DIRS[set] ?? '';
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)
    .filter((n) => /^\d+\.json$/u.test(n))
    .sort()) {
    const id = f.replace(/\.json$/u, '');
    const a = readJson(join(dir, f));
    if (a.lang === 'en') continue;
    const g = readJson(join(dir, `${id}.gold.json`));
    const input = {
      title: str(a.title),
      body: str(a.body),
      lang: 'vi' as const,
      publishedAt: str(a.published) || null,
      url: str(a.source_url) || null,
    };
    const r = extractDetailed(input);
    const lines: string[] = [];
    for (const field of fields) {
      const got = field === 'who' ? r.who : r.where;
      const gold = strings(g[field]);
      const c = countMatches(got, gold);
      totals.tp += c.tp;
      totals.fp += c.fp;
      totals.fn += c.fn;
      if (c.fp + c.fn === 0 && !showAll) continue;
      const extra = got.filter((p) => !gold.some((x) => namesMatch(p, x)));
      const missed = gold.filter((x) => !got.some((p) => namesMatch(p, x)));
      lines.push(`  ${field.padEnd(5)} gold ${JSON.stringify(gold)}`);
      lines.push(
        `        got  ${JSON.stringify(got)}   (+${JSON.stringify(extra)} -${JSON.stringify(missed)})`,
      );
      const ev = field === 'who' ? r.evidence.who : r.evidence.where;
      if (ev !== undefined) lines.push(`        from "${ev.slice(0, 200)}"`);
    }
    if (lines.length === 0) continue;
    out(`${set}/${id}  ${input.title}`);
    for (const l of lines) out(l);
    bodySentences(input.body, 3).forEach((s, i) => {
      out(`    [${String(i)}] ${s.text.slice(0, 300)}`);
    });
    out('');
  }
}
out(`fields ${fields.join('+')}: tp ${String(totals.tp)} fp ${String(totals.fp)} fn ${String(totals.fn)}`);
