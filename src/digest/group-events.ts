import type { StoredArticle } from '../store.ts';
import { foldKey } from '../text/vietnamese.ts';

/** One real-world happening, however many outlets carried it. */
export interface NewsEvent {
  /** The article whose summary represents the event (the most complete one). */
  readonly lead: StoredArticle;
  readonly articles: readonly StoredArticle[];
}

const words = (s: string): Set<string> =>
  new Set(
    foldKey(s)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );

const jaccard = (a: Set<string>, b: Set<string>): number => {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
};

const overlap = (a: readonly string[], b: readonly string[]): boolean => {
  const fa = a.map(foldKey);
  return b.map(foldKey).some((x) => fa.some((y) => y.includes(x) || x.includes(y)));
};

/**
 * Groups articles about the same happening: near-duplicate titles or leads, or the same
 * who + where + day. Greedy single pass in input order (newest first), so it stays O(n·groups).
 */
export function groupEvents(items: readonly StoredArticle[]): NewsEvent[] {
  const groups: Array<{ items: StoredArticle[]; titleWords: Set<string>; leadWords: Set<string> }> = [];
  for (const item of items) {
    const titleWords = words(item.article.title);
    const leadWords = words(item.article.body.slice(0, 400));
    const home = groups.find((g) => {
      const first = g.items[0];
      if (first === undefined) return false;
      if (jaccard(g.titleWords, titleWords) >= 0.5 || jaccard(g.leadWords, leadWords) >= 0.45) return true;
      const a = first.summary;
      const b = item.summary;
      return (
        a !== null &&
        b !== null &&
        a.when.date !== null &&
        a.when.date === b.when.date &&
        a.who.length > 0 &&
        a.where.length > 0 &&
        overlap(a.who, b.who) &&
        overlap(a.where, b.where) &&
        jaccard(g.titleWords, titleWords) >= 0.2
      );
    });
    if (home !== undefined) home.items.push(item);
    else groups.push({ items: [item], titleWords, leadWords });
  }
  return groups.map((g) => ({ lead: pickLead(g.items), articles: g.items }));
}

const completeness = (x: StoredArticle): number => {
  const s = x.summary;
  if (s === null) return 0;
  return (
    (s.who.length > 0 ? 1 : 0) +
    (s.where.length > 0 ? 1 : 0) +
    (s.when.date !== null ? 1 : 0) +
    (s.what !== '' ? 1 : 0)
  );
};

const pickLead = (items: readonly StoredArticle[]): StoredArticle =>
  items.reduce((best, x) => (completeness(x) > completeness(best) ? x : best));
