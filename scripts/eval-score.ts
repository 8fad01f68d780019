/**
 * Scoring for `npm run eval`, as issue 3 defines it, so numbers mean the same everywhere:
 * who/where micro-F1 with a containment match after NFC + lower-case + trimming punctuation;
 * when = date equality (day and month only when the article has no publication date);
 * what = ROUGE-1 F1 of word tokens against the gold clause.
 */

/** True/false positives and false negatives, summed over articles for a micro average. */
export interface Counts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

/** NFC, lower-case, punctuation and spaces trimmed at both ends, inner spaces collapsed. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}

/** A predicted and a gold string match when, normalised, one contains the other. */
export function namesMatch(predicted: string, gold: string): boolean {
  const p = normalizeName(predicted);
  const g = normalizeName(gold);
  return p !== '' && g !== '' && (p.includes(g) || g.includes(p));
}

/** One article's counts; each gold string matches at most one prediction and vice versa. */
export function countMatches(predicted: readonly string[], gold: readonly string[]): Counts {
  const used = new Set<number>();
  let tp = 0;
  for (const p of predicted) {
    const i = gold.findIndex((g, j) => !used.has(j) && namesMatch(p, g));
    if (i >= 0) {
      used.add(i);
      tp++;
    }
  }
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

export const addCounts = (a: Counts, b: Counts): Counts => ({
  tp: a.tp + b.tp,
  fp: a.fp + b.fp,
  fn: a.fn + b.fn,
});
export const NO_COUNTS: Counts = { tp: 0, fp: 0, fn: 0 };

/** Micro F1 of summed counts; 1 when nothing was expected and nothing predicted. */
export function f1(c: Counts): number {
  if (c.tp + c.fp + c.fn === 0) return 1;
  if (c.tp === 0) return 0;
  const p = c.tp / (c.tp + c.fp);
  const r = c.tp / (c.tp + c.fn);
  return (2 * p * r) / (p + r);
}

/** A predicted day: the full date, or the day and month when the year is unknown. */
export interface PredictedDay {
  readonly date: string | null;
  readonly month: number | null;
  readonly day: number | null;
}

/**
 * Whether the predicted day is right. With a publication date the full date must match;
 * without one only day and month are judged (the year cannot be known). Gold null: not judged.
 */
export function whenCorrect(
  predicted: PredictedDay,
  gold: string | null,
  hasPublished: boolean,
): boolean | null {
  if (gold === null) return null;
  if (hasPublished) return predicted.date === gold;
  const m = /^\d{4}-(\d{2})-(\d{2})$/u.exec(gold);
  if (m === null) return false;
  return predicted.month === Number(m[1]) && predicted.day === Number(m[2]);
}

/** Word tokens: NFC, lower-case runs of letters and digits. */
export function tokens(s: string): string[] {
  return (
    s
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  );
}

/** ROUGE-1 F1: unigram overlap (clipped counts) between a prediction and a reference. */
export function rouge1(predicted: string, reference: string): number {
  const p = tokens(predicted);
  const r = tokens(reference);
  if (p.length === 0 || r.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of r) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of p) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / p.length;
  const recall = overlap / r.length;
  return (2 * precision * recall) / (precision + recall);
}

/** ROUGE-1 against the best of several references (Giveme5W1H has several coders' phrases). */
export const rouge1Best = (predicted: string, references: readonly string[]): number =>
  references.reduce((best, r) => Math.max(best, rouge1(predicted, r)), 0);
