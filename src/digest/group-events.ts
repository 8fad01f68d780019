import type { StoredArticle } from '../store.ts';
import { foldKey } from '../text/vietnamese.ts';

/** One real-world happening, however many outlets carried it. */
export interface NewsEvent {
  /** The article whose summary represents the event (the most complete one). */
  readonly lead: StoredArticle;
  readonly articles: readonly StoredArticle[];
}

/** What grouping compares, folded once per article rather than once per comparison. */
export interface EventKeys {
  /** Distinct folded words of the title and of the first 400 characters of the body. */
  readonly titleWords: readonly string[];
  readonly leadWords: readonly string[];
  readonly who: readonly string[];
  readonly where: readonly string[];
  readonly date: string | null;
}

const LEAD_CHARS = 400;
const TITLE_MATCH = 0.5;
const LEAD_MATCH = 0.45;
/** Same who + where + day is enough when the titles share at least this much. */
const TITLE_WITH_FACTS = 0.2;

const words = (s: string): string[] => [
  ...new Set(
    foldKey(s)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  ),
];

/** The folded forms grouping compares; pure, so callers may keep them per article. */
export function eventKeys(item: StoredArticle): EventKeys {
  const s = item.summary;
  return {
    titleWords: words(item.article.title),
    leadWords: words(item.article.body.slice(0, LEAD_CHARS)),
    who: s === null ? [] : s.who.map(foldKey),
    where: s === null ? [] : s.where.map(foldKey),
    date: s === null ? null : s.when.date,
  };
}

const jaccard = (inter: number, a: number, b: number): number => {
  const union = a + b - inter;
  return union === 0 ? 0 : inter / union;
};

/** Some name in `b` contains, or is contained in, some name in `a` (both folded). */
const overlap = (a: readonly string[], b: readonly string[]): boolean =>
  b.some((x) => a.some((y) => y.includes(x) || x.includes(y)));

interface Group {
  readonly keys: EventKeys;
  readonly items: StoredArticle[];
}

/** Word -> indices of the groups whose first article has it, in creation order. */
type WordIndex = Map<string, number[]>;

const addToIndex = (index: WordIndex, ws: readonly string[], group: number): void => {
  for (const w of ws) {
    const list = index.get(w);
    if (list === undefined) index.set(w, [group]);
    else list.push(group);
  }
};

/** Counts shared words per group; `touched` collects the groups with at least one. */
const countShared = (index: WordIndex, ws: readonly string[], counts: number[], touched: number[]): void => {
  for (const w of ws) {
    const list = index.get(w);
    if (list === undefined) continue;
    for (const g of list) {
      if ((counts[g] ?? 0) === 0) touched.push(g);
      counts[g] = (counts[g] ?? 0) + 1;
    }
  }
};

/**
 * Groups articles about the same happening: near-duplicate titles or leads, or the same
 * who + where + day. Greedy single pass in input order (newest first): each article joins the
 * oldest-created group it matches. Every rule needs a shared title or lead word, so only groups
 * sharing one (found through a word index) are compared, and the shared counts come from the
 * index too; the result is the same as comparing against every group. `keysOf` lets a caller
 * reuse keys it already folded (see top-stories.ts).
 */
export function groupEvents(
  items: readonly StoredArticle[],
  keysOf: (item: StoredArticle) => EventKeys = eventKeys,
): NewsEvent[] {
  const groups: Group[] = [];
  const titleIndex: WordIndex = new Map();
  const leadIndex: WordIndex = new Map();
  const titleShared: number[] = [];
  const leadShared: number[] = [];
  for (const item of items) {
    const keys = keysOf(item);
    const touched: number[] = [];
    countShared(titleIndex, keys.titleWords, titleShared, touched);
    countShared(leadIndex, keys.leadWords, leadShared, touched);
    touched.sort((a, b) => a - b);
    let home: Group | undefined;
    for (const g of touched) {
      if (home === undefined && matches(groups[g], keys, titleShared[g] ?? 0, leadShared[g] ?? 0)) {
        home = groups[g];
      }
      titleShared[g] = 0;
      leadShared[g] = 0;
    }
    if (home !== undefined) {
      home.items.push(item);
    } else {
      const at = groups.length;
      groups.push({ keys, items: [item] });
      addToIndex(titleIndex, keys.titleWords, at);
      addToIndex(leadIndex, keys.leadWords, at);
    }
  }
  return groups.map((g) => ({ lead: pickLead(g.items), articles: g.items }));
}

function matches(group: Group | undefined, b: EventKeys, titleShared: number, leadShared: number): boolean {
  if (group === undefined) return false;
  const a = group.keys;
  const title = jaccard(titleShared, a.titleWords.length, b.titleWords.length);
  if (title >= TITLE_MATCH) return true;
  if (jaccard(leadShared, a.leadWords.length, b.leadWords.length) >= LEAD_MATCH) return true;
  // A date implies a summary: the first article's who and where are known facts, not guesses.
  return (
    a.date !== null &&
    a.date === b.date &&
    a.who.length > 0 &&
    a.where.length > 0 &&
    overlap(a.who, b.who) &&
    overlap(a.where, b.where) &&
    title >= TITLE_WITH_FACTS
  );
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

/** The most complete article of a group (the first, newest, among equals). */
export const pickLead = (items: readonly StoredArticle[]): StoredArticle =>
  items.reduce((best, x) => (completeness(x) > completeness(best) ? x : best));
