import type { Db } from './open.ts';
import { foldAccents } from '../src/text/vietnamese.ts';
import { toFtsQuery, type FtsQuery } from './fts-query.ts';
import {
  holds,
  holdsAcross,
  matchable,
  typedQueryOf,
  typedSnippet,
  type Matchable,
  type TypedQuery,
} from './typed-words.ts';

/**
 * How many of the newest article ids the small search indexes hold: about a month of a busy
 * aggregator (1,000 articles a day). Migration 004 fills them with the same number.
 */
export const RECENT_SEARCH_ROWS = 30_000;

/**
 * What a search typed with diacritics reads again for the words as typed, newest first: for each
 * pattern (side by side, apart) the titles of at most TYPED_TITLES recent articles whose folded
 * title matches; and the title and body of at most TYPED_BODIES recent articles in all. Both a
 * chunk at a time, only until enough match: on the 1M bench database a title costs a few µs, a
 * body 15–100 µs (its pages, a JS string, NFC and lower case). Articles with the words as typed
 * beyond those are still found, among the folded matches.
 */
export const TYPED_TITLES = 200;
export const TYPED_BODIES = 64;
const TITLE_CHUNK = 50;
const BODY_CHUNK = 16;

export interface SearchMatch {
  readonly id: number;
  /**
   * A fragment of the original text, matched words between « and »; null when the words are only
   * in the title (which is shown anyway): show the article's opening instead.
   */
  readonly snippet: string | null;
}

/**
 * The article search indexes: the full one and the recent ones. They take folded text (see
 * foldAccents): callers fold once.
 */
export interface SearchIndex {
  /**
   * Indexes an article's text: in the full index, and in the recent ones when it is recent.
   * `newest`: the article was just inserted, so its id is the highest (SQLite gives a new row
   * max(id) + 1) and it is recent without a lookup.
   */
  add(id: number, foldedTitle: string, foldedBody: string, at?: { readonly newest: boolean }): void;
  /** Takes an article's indexed text out (before its text changes), from every index holding it. */
  remove(id: number, foldedTitle: string, foldedBody: string): void;
  /** Drops articles that are no longer among the newest from the recent indexes. Once per write batch. */
  prune(): void;
  /**
   * The `limit` best matches, newest first within each step, until there are `limit`: recent
   * articles with the words side by side in the title, then anywhere; then with every word in
   * the title, then anywhere; then the same with the last word as a prefix; then older articles
   * with the words side by side, then apart, then (if the last word may be unfinished) prefixed.
   * A query typed with diacritics ("bão") first lists the recent articles holding its words as
   * typed (not "báo"), in the same steps without the prefix, among the newest folded matches of
   * each step (TYPED_TITLES, TYPED_BODIES); the steps above follow.
   */
  find(query: string, limit: number): SearchMatch[];
}

/** The first words of a text, as long as a snippet, for a match shown without one. */
export function openingOf(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length > 16 ? `${words.slice(0, 16).join(' ')}…` : words.join(' ');
}

/**
 * Marks each matched word on its own, as for words matched apart: a phrase match comes back
 * as «Đà Nẵng», shown as «Đà» «Nẵng».
 */
const markWords = (snippet: string): string =>
  snippet.replace(/«([^«»]*)»/g, (_, inner: string) =>
    inner
      .split(/(\s+)/)
      .map((part) => (/[\p{L}\p{N}]/u.test(part) ? `«${part}»` : part))
      .join(''),
  );

interface MatchRow {
  id: number;
  snippet: string | null;
}

interface TitledRow {
  id: number;
  title: string;
}

interface TypedHits {
  /** Article id -> snippet (null: the words are in the title), best first. */
  readonly found: Map<number, string | null>;
  /** The FTS expressions that matched no recent title, or no recent article at all. */
  readonly noTitle: ReadonlySet<string>;
  readonly noArticle: ReadonlySet<string>;
}

/** Snippet arguments after the column: « » around matches, 16 tokens. */
const SNIPPET = `'«', '»', '…', 16`;

/**
 * better-sqlite3 binds a JS number as REAL, and FTS5 ignores a rowid bound that is not an
 * INTEGER: `rowid = ?` then matches every row, and `rowid < ?` scans from the newest.
 */
const ROWID = 'CAST(? AS INTEGER)';

/**
 * Folded Vietnamese syllables ("ha", "noi", "thanh") are in a large share of all articles, and
 * FTS5 reads a term's whole doclist to rank (bm25) or to expand a prefix. So searches go to small
 * indexes over the newest `recentRows` articles first (recent_titles, then recent_search),
 * ranked without bm25 (title matches first, then recency), and reach the full index only for
 * what they lack — where rare words are cheap and common ones stop at the first `limit` matches.
 */
export function createSearchIndex(db: Db, recentRows = RECENT_SEARCH_ROWS): SearchIndex {
  const q = {
    insert: db.prepare('INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)'),
    delete: db.prepare(
      "INSERT INTO article_search (article_search, rowid, title, body) VALUES ('delete', ?, ?, ?)",
    ),
    recentInsert: db.prepare('INSERT INTO recent_search (rowid, title, body) VALUES (?, ?, ?)'),
    recentDelete: db.prepare(
      "INSERT INTO recent_search (recent_search, rowid, title, body) VALUES ('delete', ?, ?, ?)",
    ),
    titleInsert: db.prepare('INSERT INTO recent_titles (rowid, title) VALUES (?, ?)'),
    titleDelete: db.prepare(
      "INSERT INTO recent_titles (recent_titles, rowid, title) VALUES ('delete', ?, ?)",
    ),
    newestId: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM articles'),
    // recent_search has external content (articles), so only its %_docsize table (one row per
    // indexed article) says which articles it holds.
    isRecent: db.prepare<[number], { id: number }>('SELECT id FROM recent_search_docsize WHERE id = ?'),
    recentFloor: db.prepare<[], { id: number | null }>('SELECT min(id) AS id FROM recent_search_docsize'),
    leaving: db.prepare<[number], { id: number; title: string; body: string }>(
      `SELECT a.id, a.title, a.body FROM recent_search_docsize d JOIN articles a ON a.id = d.id
       WHERE d.id <= ?`,
    ),
    titleMatch: db.prepare<[string, number], MatchRow>(
      `SELECT rowid AS id, NULL AS snippet FROM recent_titles WHERE recent_titles MATCH ?
       ORDER BY rowid DESC LIMIT ?`,
    ),
    recentMatch: db.prepare<[string, number], MatchRow>(
      `SELECT rowid AS id, snippet(recent_search, -1, ${SNIPPET}) AS snippet FROM recent_search
       WHERE recent_search MATCH ? ORDER BY rowid DESC LIMIT ?`,
    ),
    recentHas: db.prepare<[string], { id: number }>(
      'SELECT rowid AS id FROM recent_search WHERE recent_search MATCH ? LIMIT 1',
    ),
    typedTitles: db.prepare<[string, number, number], TitledRow>(
      `SELECT a.id, a.title FROM (SELECT rowid AS id FROM recent_titles WHERE recent_titles MATCH ?
       AND rowid < ${ROWID} ORDER BY rowid DESC LIMIT ?) m JOIN articles a ON a.id = m.id
       ORDER BY a.id DESC`,
    ),
    typedIds: db.prepare<[string, number], { id: number }>(
      'SELECT rowid AS id FROM recent_search WHERE recent_search MATCH ? ORDER BY rowid DESC LIMIT ?',
    ),
    typedRows: db.prepare<[string], { id: number; title: string; body: string }>(
      'SELECT id, title, body FROM articles WHERE id IN (SELECT value FROM json_each(?))',
    ),
    olderMatch: db.prepare<[string, number, number], MatchRow>(
      `SELECT rowid AS id, snippet(article_search, -1, ${SNIPPET}) AS snippet FROM article_search
       WHERE article_search MATCH ? AND rowid < ${ROWID} ORDER BY rowid DESC LIMIT ?`,
    ),
  };

  const windowStart = (): number => (q.newestId.get()?.id ?? 0) - recentRows;

  /**
   * The recent articles with the words as typed, best first, at most `limit`: for each pattern
   * (side by side, then apart) those with it in the title, then those with it anywhere, newest
   * first. Snippets are made here from the body already read.
   */
  const findTyped = (typed: TypedQuery, fts: FtsQuery, limit: number): TypedHits => {
    const found = new Map<number, string | null>();
    const noTitle = new Set<string>();
    const noArticle = new Set<string>();
    // Each row is read and made matchable once: the rows read for the phrase are checked for the
    // words apart too.
    const titles = new Map<number, Matchable>();
    const read = new Map<number, { title: Matchable; body: Matchable; original: string }>();
    const titleOf = (r: TitledRow): Matchable => {
      let title = titles.get(r.id);
      if (title === undefined) titles.set(r.id, (title = matchable(r.title)));
      return title;
    };
    for (const pattern of typed.patterns) {
      const expression = pattern.kind === 'phrase' ? fts.phrase : fts.exact;
      if (expression === null || found.size >= limit) continue;
      // Titles a chunk at a time: when enough hold the words, older ones cannot come before them.
      let below = Number.MAX_SAFE_INTEGER;
      for (let seen = 0; seen < TYPED_TITLES && found.size < limit;) {
        const want = Math.min(TITLE_CHUNK, TYPED_TITLES - seen);
        const titled = q.typedTitles.all(expression, below, want);
        if (seen === 0 && titled.length === 0) noTitle.add(expression);
        for (const r of titled) if (found.size < limit && holds(pattern, titleOf(r))) found.set(r.id, null);
        seen += titled.length;
        below = titled.at(-1)?.id ?? below;
        if (titled.length < want) break;
      }
      if (found.size >= limit) continue;
      const ids = q.typedIds.all(expression, TYPED_BODIES).map((r) => r.id);
      if (ids.length === 0) noArticle.add(expression);
      const rest = ids.filter((id) => !found.has(id));
      for (let i = 0; i < rest.length && found.size < limit; i += BODY_CHUNK) {
        const chunk = rest.slice(i, i + BODY_CHUNK);
        const unread = chunk.filter((id) => !read.has(id)).slice(0, Math.max(0, TYPED_BODIES - read.size));
        if (unread.length > 0) {
          for (const r of q.typedRows.all(JSON.stringify(unread)))
            read.set(r.id, { title: titleOf(r), body: matchable(r.body), original: r.body });
        }
        for (const id of chunk) {
          const r = read.get(id);
          if (r !== undefined && found.size < limit && holdsAcross(pattern, r.title, r.body))
            found.set(id, typedSnippet(pattern, typed.words, r.original));
        }
      }
    }
    return { found, noTitle, noArticle };
  };

  const find = (query: string, limit: number): SearchMatch[] => {
    const fts = toFtsQuery(foldAccents(query));
    if (fts === null || limit <= 0) return [];
    const typed = typedQueryOf(query);
    const first = typed === null ? null : findTyped(typed, fts, limit);
    const hits = first?.found ?? new Map<number, string | null>();
    const collect = (rows: readonly MatchRow[]): void => {
      for (const r of rows) {
        if (hits.size >= limit) return;
        if (!hits.has(r.id)) hits.set(r.id, r.snippet);
      }
    };
    // From the narrowest to the widest; each query returns its newest `limit` rows, which holds
    // enough new ones after duplicates. What the typed search found absent is not looked for
    // again: an absent phrase of common words takes ~7 ms to look for.
    const expressions = [fts.phrase, fts.exact, fts.prefix].filter((e): e is string => e !== null);
    for (const expression of expressions) {
      const absent = first?.noArticle.has(expression) === true;
      // Title matches show the article's opening: a snippet of the body would cost a lookup
      // per row (~1 ms each on common words), and the title shows the words already.
      if (hits.size < limit && !absent && first?.noTitle.has(expression) !== true)
        collect(q.titleMatch.all(expression, limit));
      if (hits.size < limit && !absent) collect(q.recentMatch.all(expression, limit));
    }
    if (hits.size < limit) {
      const floor = q.recentFloor.get()?.id ?? null;
      const below = floor ?? Number.MAX_SAFE_INTEGER;
      // Words apart first: when none match, no phrase can, and the full index is read once.
      const apart = q.olderMatch.all(fts.exact, below, limit);
      if (fts.phrase !== null && apart.length > 0) collect(q.olderMatch.all(fts.phrase, below, limit));
      collect(apart);
      // A prefix over the full index merges every doclist under it: only worth it when the last
      // word may be unfinished, i.e. it is not a word of any recent article.
      const unfinished = floor === null || q.recentHas.get(fts.lastWord) === undefined;
      if (hits.size < limit && fts.prefix !== null && unfinished)
        collect(q.olderMatch.all(fts.prefix, below, limit));
    }
    return [...hits].map(([id, snippet]) => ({
      id,
      snippet: snippet === null || snippet === '' ? null : markWords(snippet),
    }));
  };

  return {
    add: (id, title, body, at) => {
      q.insert.run(id, title, body);
      if (at?.newest === true ? recentRows > 0 : id > windowStart()) {
        q.recentInsert.run(id, title, body);
        q.titleInsert.run(id, title);
      }
    },
    remove: (id, title, body) => {
      q.delete.run(id, title, body);
      if (q.isRecent.get(id) === undefined) return;
      q.recentDelete.run(id, title, body);
      q.titleDelete.run(id, title);
    },
    prune: () => {
      for (const r of q.leaving.all(windowStart())) {
        const title = foldAccents(r.title);
        q.recentDelete.run(r.id, title, foldAccents(r.body));
        q.titleDelete.run(r.id, title);
      }
    },
    find,
  };
}
