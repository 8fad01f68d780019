/**
 * Today's top stories (the grouped, ranked events of the last 24 h), kept between commands.
 * Every chat asking /summary gets the same events until an article is written, so they are
 * computed once per change instead of once per command; the rendering (language, time zone)
 * stays per request.
 */
import type { SaveOutcome, Store, StoredArticle } from '../store.ts';
import { rankEvents } from './compose.ts';
import { eventKeys, groupEvents, pickLead, type EventKeys, type NewsEvent } from './group-events.ts';

export interface TopStories {
  /** Events of the 24 h before `now`, most-covered first; empty when there are none. */
  events(now: Date): readonly NewsEvent[];
  /** Forget the computed events: an article was stored, updated or re-summarised. */
  articlesChanged(): void;
}

export interface TopStoriesOptions {
  readonly store: Store;
  /**
   * Newest articles of the window that are grouped. Default 150: grouping is near-linear now,
   * but loading the rows costs ~40 µs each on a million-row database.
   */
  readonly candidates?: number;
  /** Default 24 h. */
  readonly windowMs?: number;
  /**
   * Computed events are reused for at most this long (default 60 s). Writes through this
   * process's store call articlesChanged at once; this bounds how late a write by another
   * process sharing the database file (the CLI) shows up.
   */
  readonly maxAgeMs?: number;
}

const DAY_MS = 24 * 3_600_000;

interface Computed {
  readonly generation: number;
  readonly at: number;
  readonly sinceIso: string;
  /** What the store returned, newest first; the events hold these same objects. */
  readonly candidates: readonly StoredArticle[];
  /** Their sort times, as the store compares them. */
  readonly sortKeys: readonly string[];
  /** In the order grouping made them, which ranking keeps among equals. */
  readonly grouped: readonly NewsEvent[];
  readonly ranked: readonly NewsEvent[];
}

/**
 * The store's sort time as it compares it: publishedAt in UTC ISO when it parses, else as
 * stored; fetchedAt when there is no publication time.
 */
const sortKey = (x: StoredArticle): string => {
  const p = x.article.publishedAt;
  if (p === null) return x.article.fetchedAt;
  const t = Date.parse(p);
  return Number.isNaN(t) ? p : new Date(t).toISOString();
};

const sameText = (a: StoredArticle, b: StoredArticle): boolean =>
  a.article.title === b.article.title &&
  a.article.body === b.article.body &&
  a.summary?.when.date === b.summary?.when.date &&
  JSON.stringify(a.summary?.who) === JSON.stringify(b.summary?.who) &&
  JSON.stringify(a.summary?.where) === JSON.stringify(b.summary?.where);

/**
 * Keeps one computed answer (bounded: `candidates` articles and their folded keys). It is
 * reused while no article was written, it is younger than `maxAgeMs`, and the window has not
 * moved back. When the window moves forward, articles that left it are dropped from the
 * events: grouping is greedy from the newest article, so an article's group never depends on
 * older ones, and the store's answer for the later window is a prefix of the cached one.
 */
export function createTopStories(options: TopStoriesOptions): TopStories {
  const { store } = options;
  const candidates = options.candidates ?? 150;
  const windowMs = options.windowMs ?? DAY_MS;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  let generation = 0;
  let computed: Computed | null = null;
  // Folding text is most of grouping's cost: keep each candidate's keys until its text changes.
  let keys = new Map<number, { readonly of: StoredArticle; readonly keys: EventKeys }>();

  const keysOf = (x: StoredArticle): EventKeys => {
    const known = keys.get(x.article.id);
    if (known !== undefined && (known.of === x || sameText(known.of, x))) return known.keys;
    const k = eventKeys(x);
    keys.set(x.article.id, { of: x, keys: k });
    return k;
  };

  const compute = (now: number, sinceIso: string): Computed => {
    const rows = store.since(sinceIso, candidates);
    const grouped = groupEvents(rows, keysOf);
    const kept = new Map<number, { readonly of: StoredArticle; readonly keys: EventKeys }>();
    for (const x of rows) {
      const k = keys.get(x.article.id);
      if (k !== undefined) kept.set(x.article.id, k);
    }
    keys = kept;
    const sortKeys = rows.map(sortKey);
    return {
      generation,
      at: now,
      sinceIso,
      candidates: rows,
      sortKeys,
      grouped,
      ranked: rankEvents(grouped),
    };
  };

  /** The same answer for a later window: the articles that left it dropped, leads re-picked. */
  const trim = (c: Computed, sinceIso: string): Computed => {
    const left = new Set(c.candidates.filter((_, i) => (c.sortKeys[i] ?? '') < sinceIso));
    if (left.size === 0) return { ...c, sinceIso };
    const stays = (x: StoredArticle): boolean => !left.has(x);
    const grouped = c.grouped.flatMap((e) => {
      const articles = e.articles.filter(stays);
      if (articles.length === 0) return [];
      return [{ lead: articles.length === e.articles.length ? e.lead : pickLead(articles), articles }];
    });
    return {
      ...c,
      sinceIso,
      candidates: c.candidates.filter(stays),
      sortKeys: c.sortKeys.filter((k) => k >= sinceIso),
      grouped,
      ranked: rankEvents(grouped),
    };
  };

  return {
    events(nowDate) {
      const now = nowDate.getTime();
      const sinceIso = new Date(now - windowMs).toISOString();
      const c = computed;
      if (c === null || c.generation !== generation || now < c.at || now - c.at > maxAgeMs) {
        computed = compute(now, sinceIso);
        return computed.ranked;
      }
      if (sinceIso === c.sinceIso) return c.ranked;
      const trimmed = trim(c, sinceIso);
      computed = trimmed;
      return trimmed.ranked;
    },
    articlesChanged() {
      generation++;
    },
  };
}

/**
 * The store, telling `onArticlesChanged` after every write that can change a story: saving
 * articles (unless nothing changed) and saving a summary. Reads pass straight through.
 */
export function notifyArticleWrites(store: Store, onArticlesChanged: () => void): Store {
  const changed = (r: SaveOutcome): boolean => r.status !== 'unchanged';
  return {
    ...store,
    saveArticle: (input) => {
      const r = store.saveArticle(input);
      if (changed(r)) onArticlesChanged();
      return r;
    },
    saveArticles: (inputs) => {
      const rs = store.saveArticles(inputs);
      if (rs.some(changed)) onArticlesChanged();
      return rs;
    },
    saveSummary: (id, extraction, version) => {
      store.saveSummary(id, extraction, version);
      onArticlesChanged();
    },
  };
}

/**
 * The store and today's top stories kept beside it, wired so that every article written
 * through the returned store is in the next answer (main.ts uses this).
 */
export function withTopStories(
  store: Store,
  options: Omit<TopStoriesOptions, 'store'> = {},
): { readonly store: Store; readonly topStories: TopStories } {
  const topStories = createTopStories({ ...options, store });
  return { store: notifyArticleWrites(store, () => topStories.articlesChanged()), topStories };
}
