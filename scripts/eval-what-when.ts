/**
 * A diagnostic for the "what" and "when" fields: gold against predicted, per article, on the
 * dev set and our own fixtures (never the held-out set, which must stay unseen).
 * `tsx scripts/eval-what-when.ts [what|when] [--all]`: by default only misses are printed
 * (what below ROUGE-1 0.5, a wrong day), with the article's lead for context.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractInput } from '../src/domain.ts';
import { extractDetailed } from '../src/extract/extract.ts';
import { rouge1, whenCorrect } from './eval-score.ts';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const field = args.find((a) => a === 'what' || a === 'when');
const all = args.includes('--all');
const langArg = args.find((a) => a === '--vi' || a === '--en')?.slice(2);

const SETS = [
  ['dev', join(root, '..', 'shared', 'data', 'eval', 'dev')],
  ['fixtures', join(root, 'tests', 'fixtures', 'eval')],
] as const;

type Json = Record<string, unknown>;
const read = (p: string): Json => JSON.parse(readFileSync(p, 'utf8')) as Json;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

for (const [set, dir] of SETS) {
  if (!existsSync(dir)) continue;
  let sum = 0;
  let n = 0;
  for (const f of readdirSync(dir)
    .filter((x) => /^\d+\.json$/u.test(x))
    .sort()) {
    const id = f.slice(0, -5);
    const a = read(join(dir, f));
    const g = read(join(dir, `${id}.gold.json`));
    const lang = a.lang === 'en' ? 'en' : 'vi';
    if (langArg !== undefined && lang !== langArg) continue;
    const input: ExtractInput = {
      title: str(a.title) ?? '',
      body: str(a.body) ?? '',
      lang,
      publishedAt: str(a.published),
      url: str(a.source_url),
    };
    const r = extractDetailed(input);
    const goldWhat = str(g.what) ?? '';
    const r1 = rouge1(r.what, goldWhat);
    sum += r1;
    n++;
    const gw = (g.when ?? {}) as Json;
    const ok = whenCorrect(
      { date: r.when.date, month: r.whenDay?.month ?? null, day: r.whenDay?.day ?? null },
      str(gw.date),
      input.publishedAt !== null,
    );
    const lead = input.body.slice(0, 260).replace(/\s+/gu, ' ');
    if (field !== 'when' && (all || r1 < 0.5)) {
      process.stdout.write(
        `${set}/${id} ${lang} what ${r1.toFixed(2)}\n  title: ${input.title}\n  gold : ${goldWhat}\n  got  : ${r.what}\n  lead : ${lead}\n`,
      );
    }
    if (field !== 'what' && (all || ok === false)) {
      process.stdout.write(
        `${set}/${id} ${lang} when ${String(ok)} pub ${String(input.publishedAt)} url ${String(input.url)}\n  gold : ${JSON.stringify(gw)}\n  got  : ${JSON.stringify(r.when)} day ${JSON.stringify(r.whenDay)} from "${r.evidence.when ?? ''}"\n  lead : ${lead}\n`,
      );
    }
  }
  process.stdout.write(`${set}: what R1 mean ${(sum / Math.max(1, n)).toFixed(3)} over ${n}\n`);
}
