import type { Db } from './open.ts';
import type { Article, ChatSettings, Extraction, Feed, Lang, Subscription, Summary } from '../src/domain.ts';
import type {
  FeedFetchResult,
  NewSubscription,
  SaveArticleInput,
  SaveOutcome,
  SearchHit,
  Store,
  StoredArticle,
} from '../src/store.ts';
import { foldAccents } from '../src/text/vietnamese.ts';
import { createSearchIndex, openingOf, RECENT_SEARCH_ROWS } from './search-index.ts';
import { createOutboxQueries } from './outbox-queries.ts';
import { createLeaseQueries } from './lease-queries.ts';

interface ArticleRow {
  id: number;
  feed_id: number | null;
  url: string | null;
  guid: string | null;
  fingerprint: string;
  title: string;
  body: string;
  lang: Lang;
  source: string | null;
  published_at: string | null;
  fetched_at: string;
  sort_at: string;
}

interface SummaryRow {
  article_id: number;
  extractor_version: string;
  who_json: string;
  what: string;
  when_text: string | null;
  when_date: string | null;
  where_json: string;
  evidence_json: string;
}

/** Summary columns are NULL when the LEFT JOIN finds no summary. */
type JoinedRow = ArticleRow & { [K in keyof Omit<SummaryRow, 'article_id'>]: SummaryRow[K] | null } & {
  snippet?: string;
};

interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  added_by: string | null;
  last_fetched_at: string | null;
  last_error: string | null;
  failures: number;
  next_fetch_at: string | null;
}

interface SubscriptionRow {
  id: number;
  chat_key: string;
  schedule: string;
  filter: string | null;
  paused: number;
  created_at: string;
  last_digest_at: string | null;
}

const toIsoUtc = (iso: string): string => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString();
};

const toArticle = (r: ArticleRow): Article => ({
  id: r.id,
  feedId: r.feed_id,
  url: r.url,
  guid: r.guid,
  title: r.title,
  body: r.body,
  lang: r.lang,
  source: r.source,
  publishedAt: r.published_at,
  fetchedAt: r.fetched_at,
});

const toSummary = (r: JoinedRow): Summary | null =>
  r.extractor_version === null
    ? null
    : {
        articleId: r.id,
        extractorVersion: r.extractor_version,
        who: JSON.parse(r.who_json ?? '[]') as string[],
        what: r.what ?? '',
        when: { text: r.when_text ?? null, date: r.when_date ?? null },
        where: JSON.parse(r.where_json ?? '[]') as string[],
        evidence: JSON.parse(r.evidence_json ?? '{}') as Extraction['evidence'],
      };

const toStored = (r: JoinedRow): StoredArticle => ({ article: toArticle(r), summary: toSummary(r) });

const toFeed = (r: FeedRow): Feed => ({
  id: r.id,
  url: r.url,
  title: r.title,
  addedBy: r.added_by,
  lastFetchedAt: r.last_fetched_at,
  lastError: r.last_error,
  failures: r.failures,
  nextFetchAt: r.next_fetch_at,
});

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  chatKey: r.chat_key,
  schedule: r.schedule,
  filter: r.filter,
  paused: r.paused !== 0,
  createdAt: r.created_at,
  lastDigestAt: r.last_digest_at,
});

/** Folded "who | where" text that subscription filters match against. */
const facetsOf = (e: Extraction): string =>
  foldAccents([...e.who, '|', ...e.where].join(' ; ')).toLowerCase();

const JOINED = `SELECT a.*, s.extractor_version, s.who_json, s.what, s.when_text, s.when_date,
  s.where_json, s.evidence_json FROM articles a LEFT JOIN summaries s ON s.article_id = a.id`;

export interface SqliteStoreOptions {
  /** Newest articles in the small search index searched first (default RECENT_SEARCH_ROWS). */
  readonly recentSearchRows?: number;
}

/**
 * The SQLite implementation of the Store port. Synchronous underneath (better-sqlite3): every
 * call is a short indexed query, so it never holds the event loop for long.
 */
export function createSqliteStore(
  db: Db,
  clock: { now(): Date } = { now: () => new Date() },
  options: SqliteStoreOptions = {},
): Store {
  const nowIso = (): string => clock.now().toISOString();
  const searchIndex = createSearchIndex(db, options.recentSearchRows ?? RECENT_SEARCH_ROWS);

  const q = {
    byUrl: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE url = ?'),
    byFingerprint: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE fingerprint = ?'),
    guidOwner: db.prepare<[number | null, string], { id: number }>(
      'SELECT id FROM articles WHERE feed_id IS ? AND guid = ?',
    ),
    // The three ways an incoming item can already be stored, in order of precedence (see
    // saveOne), in one statement: a new item (the common case) costs one lookup, not three.
    stored: db.prepare<
      [{ url: string | null; feed: number | null; guid: string | null; fingerprint: string }],
      ArticleRow & { how: number }
    >(
      `SELECT * FROM (SELECT 1 AS how, * FROM articles WHERE url = @url
        UNION ALL SELECT 2 AS how, * FROM articles WHERE feed_id IS @feed AND guid = @guid
        UNION ALL SELECT 3 AS how, * FROM articles WHERE fingerprint = @fingerprint)
      ORDER BY how LIMIT 1`,
    ),
    insert: db.prepare(`INSERT INTO articles
      (feed_id, url, guid, fingerprint, title, body, lang, source, published_at, fetched_at, sort_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    update: db.prepare(`UPDATE articles SET url = coalesce(@url, url), guid = coalesce(@guid, guid),
      fingerprint = @fingerprint, title = @title, body = @body, lang = @lang,
      source = coalesce(@source, source), published_at = coalesce(@published_at, published_at),
      sort_at = @sort_at WHERE id = @id`),
    upsertSummary: db.prepare(`INSERT INTO summaries
      (article_id, extractor_version, who_json, what, when_text, when_date, where_json, evidence_json, facets, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (article_id) DO UPDATE SET extractor_version = excluded.extractor_version,
      who_json = excluded.who_json, what = excluded.what, when_text = excluded.when_text,
      when_date = excluded.when_date, where_json = excluded.where_json,
      evidence_json = excluded.evidence_json, facets = excluded.facets, created_at = excluded.created_at`),
    get: db.prepare<[number], JoinedRow>(`${JOINED} WHERE a.id = ?`),
    getByUrl: db.prepare<[string], JoinedRow>(`${JOINED} WHERE a.url = ?`),
    latest: db.prepare<[number], JoinedRow>(`${JOINED} ORDER BY a.sort_at DESC, a.id DESC LIMIT ?`),
    since: db.prepare<[string, number], JoinedRow>(
      `${JOINED} WHERE a.sort_at >= ? ORDER BY a.sort_at DESC, a.id DESC LIMIT ?`,
    ),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles'),
    stale: db.prepare<[number, string, number], ArticleRow>(`SELECT a.* FROM articles a
      LEFT JOIN summaries s ON s.article_id = a.id
      WHERE a.id > ? AND (s.article_id IS NULL OR s.extractor_version <> ?) ORDER BY a.id LIMIT ?`),
    feeds: db.prepare<[], FeedRow>('SELECT * FROM feeds ORDER BY id'),
    feed: db.prepare<[number], FeedRow>('SELECT * FROM feeds WHERE id = ?'),
    feedByUrl: db.prepare<[string], FeedRow>('SELECT * FROM feeds WHERE url = ?'),
    addFeed: db.prepare('INSERT INTO feeds (url, added_by, created_at) VALUES (?, ?, ?)'),
    removeFeed: db.prepare('DELETE FROM feeds WHERE id = ?'),
    dueFeeds: db.prepare<[string], FeedRow>(
      'SELECT * FROM feeds WHERE next_fetch_at IS NULL OR next_fetch_at <= ? ORDER BY next_fetch_at',
    ),
    feedOk: db.prepare(`UPDATE feeds SET last_fetched_at = ?, last_error = NULL, failures = 0,
      next_fetch_at = ?, title = coalesce(?, title) WHERE id = ?`),
    feedFailed: db.prepare(`UPDATE feeds SET last_fetched_at = ?, last_error = ?, failures = failures + 1,
      next_fetch_at = ? WHERE id = ?`),
    chat: db.prepare<
      [string],
      { lang: Lang | null; timezone: string | null; available: number; notify_empty: number }
    >('SELECT lang, timezone, available, notify_empty FROM chats WHERE key = ?'),
    setNotifyEmpty: db.prepare('UPDATE chats SET notify_empty = ? WHERE key = ?'),
    ensureChat: db.prepare('INSERT INTO chats (key, created_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
    setLang: db.prepare('UPDATE chats SET lang = ? WHERE key = ?'),
    setTimezone: db.prepare('UPDATE chats SET timezone = ? WHERE key = ?'),
    setAvailable: db.prepare('UPDATE chats SET available = ? WHERE key = ?'),
    pauseSubs: db.prepare('UPDATE subscriptions SET paused = ? WHERE chat_key = ?'),
    addSub: db.prepare(
      'INSERT INTO subscriptions (chat_key, schedule, filter, created_at) VALUES (?, ?, ?, ?)',
    ),
    sub: db.prepare<[number | bigint], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?'),
    subsAll: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY id'),
    subsOf: db.prepare<[string], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE chat_key = ? ORDER BY id',
    ),
    removeSubs: db.prepare('DELETE FROM subscriptions WHERE chat_key = ?'),
    removeSub: db.prepare('DELETE FROM subscriptions WHERE chat_key = ? AND id = ?'),
    markDigest: db.prepare('UPDATE subscriptions SET last_slot_at = ?, last_digest_at = ? WHERE id = ?'),
    markDelivered: db.prepare(
      'INSERT INTO delivered_articles (chat_key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
    ),
    wasDelivered: db.prepare<[string, number], { n: number }>(
      'SELECT 1 AS n FROM delivered_articles WHERE chat_key = ? AND article_id = ?',
    ),
  };

  const writeSummary = (articleId: number, e: Extraction, version: string): void => {
    // Positional: binding an object by name costs more than the insert on every ingested row.
    q.upsertSummary.run(
      articleId,
      version,
      JSON.stringify(e.who),
      e.what,
      e.when.text,
      e.when.date,
      JSON.stringify(e.where),
      JSON.stringify(e.evidence),
      facetsOf(e),
      nowIso(),
    );
  };

  const extractionOf = (input: SaveArticleInput): Extraction =>
    typeof input.extraction === 'function' ? input.extraction() : input.extraction;

  /**
   * The stored article an input is (the same URL, else the same guid in this feed), or the one
   * whose text it copies (`how` 3: syndication, a second feed): the first is kept.
   */
  const storedAs = (input: SaveArticleInput): (ArticleRow & { how: number }) | undefined => {
    const { draft, feedId, fingerprint } = input;
    return q.stored.get({ url: draft.url, feed: feedId, guid: draft.guid, fingerprint });
  };
  /** Nothing to write: a copy of a stored article, or the same article with the same text. */
  const isUnchanged = (
    found: ArticleRow & { how: number },
    { draft, fingerprint }: SaveArticleInput,
  ): boolean =>
    found.how === 3 ||
    (found.fingerprint === fingerprint && found.title === draft.title && found.body === draft.body);
  const isStoredAsIs = (input: SaveArticleInput): boolean => {
    const found = storedAs(input);
    return found !== undefined && isUnchanged(found, input);
  };

  /**
   * The inputs with their summaries made, but for articles stored with this very text. Made
   * before the write transaction, all lookups first and then all summaries: made inside it,
   * between the inserts, feed ingest measured ~15% slower (saveDrafts 1.63–1.73 against
   * 1.31–1.45 ms an item) and lookups and summaries in turns ~5% slower, likely by evicting each
   * other from the CPU caches. An item repeated within one batch may be summarised needlessly;
   * saveOne still decides what is written.
   */
  const summarised = (inputs: readonly SaveArticleInput[]): SaveArticleInput[] => {
    const asIs = inputs.map((input) => typeof input.extraction !== 'function' || isStoredAsIs(input));
    return inputs.map((input, i) =>
      asIs[i] === true || typeof input.extraction !== 'function'
        ? input
        : { ...input, extraction: input.extraction() },
    );
  };

  const saveOne = (input: SaveArticleInput): SaveOutcome => {
    const { draft, feedId, fingerprint } = input;
    const existing = storedAs(input);
    if (existing !== undefined && isUnchanged(existing, input))
      return { id: existing.id, status: 'unchanged' };
    const fetchedAt = nowIso();
    const publishedAt = draft.publishedAt;
    if (existing === undefined) {
      const sortAt = publishedAt !== null ? toIsoUtc(publishedAt) : fetchedAt;
      const info = q.insert.run(
        feedId,
        draft.url,
        draft.guid,
        fingerprint,
        draft.title,
        draft.body,
        draft.lang,
        draft.source,
        publishedAt,
        fetchedAt,
        sortAt,
      );
      const id = Number(info.lastInsertRowid);
      // Ingest passes the folded text it already made for the fingerprint.
      const folded = input.folded ?? { title: foldAccents(draft.title), body: foldAccents(draft.body) };
      searchIndex.add(id, folded.title, folded.body, { newest: true });
      writeSummary(id, extractionOf(input), input.extractorVersion);
      return { id, status: 'inserted' };
    }
    // The same article seen again with new text (a correction): update in place, never duplicate.
    // Its new text may equal another stored article's: then that one is the duplicate, keep ours.
    const clash = q.byFingerprint.get(fingerprint);
    if (clash !== undefined && clash.id !== existing.id) return { id: clash.id, status: 'unchanged' };
    const urlOwner = draft.url !== null ? q.byUrl.get(draft.url) : undefined;
    const url = urlOwner !== undefined && urlOwner.id !== existing.id ? null : draft.url;
    // Likewise a guid another article of its feed holds (found by URL, the item now carries
    // that other one's guid): keep ours, or the update breaks the feed's unique guids.
    const guidOwner = draft.guid !== null ? q.guidOwner.get(existing.feed_id, draft.guid) : undefined;
    const guid = guidOwner !== undefined && guidOwner.id !== existing.id ? null : draft.guid;
    searchIndex.remove(existing.id, foldAccents(existing.title), foldAccents(existing.body));
    const publishedNew = publishedAt ?? existing.published_at;
    q.update.run({
      id: existing.id,
      url,
      guid,
      fingerprint,
      title: draft.title,
      body: draft.body,
      lang: draft.lang,
      source: draft.source,
      published_at: publishedAt,
      sort_at: publishedNew !== null ? toIsoUtc(publishedNew) : existing.sort_at,
    });
    const folded = input.folded ?? { title: foldAccents(draft.title), body: foldAccents(draft.body) };
    searchIndex.add(existing.id, folded.title, folded.body);
    writeSummary(existing.id, extractionOf(input), input.extractorVersion);
    return { id: existing.id, status: 'updated' };
  };

  const saveMany = db.transaction((inputs: readonly SaveArticleInput[]) => {
    const outcomes = inputs.map(saveOne);
    searchIndex.prune();
    return outcomes;
  });

  const ensureChat = (key: string): void => {
    q.ensureChat.run(key, nowIso());
  };

  return {
    ...createOutboxQueries(db, nowIso),
    ...createLeaseQueries(db),
    saveArticle: (input) => saveMany(summarised([input]))[0] as SaveOutcome,
    saveArticles: (inputs) => saveMany(summarised(inputs)),
    getArticle: (id) => {
      const r = q.get.get(id);
      return r === undefined ? null : toStored(r);
    },
    findArticleByUrl: (url) => {
      const r = q.getByUrl.get(url);
      return r === undefined ? null : toStored(r);
    },
    latest: (limit) => q.latest.all(limit).map(toStored),
    since: (sinceIso, limit) => q.since.all(toIsoUtc(sinceIso), limit).map(toStored),
    search: (query, limit): SearchHit[] =>
      searchIndex.find(query, limit).flatMap(({ id, snippet }) => {
        const row = q.get.get(id);
        return row === undefined ? [] : [{ ...toStored(row), snippet: snippet ?? openingOf(row.body) }];
      }),
    countArticles: () => q.count.get()?.n ?? 0,
    staleSummaries: (version, limit, afterId) => q.stale.all(afterId, version, limit).map(toArticle),
    saveSummary: (articleId, extraction, version) => writeSummary(articleId, extraction, version),

    listFeeds: () => q.feeds.all().map(toFeed),
    getFeed: (id) => {
      const r = q.feed.get(id);
      return r === undefined ? null : toFeed(r);
    },
    addFeed: (url, addedBy) => {
      const existing = q.feedByUrl.get(url);
      if (existing !== undefined) return { feed: toFeed(existing), created: false };
      const info = q.addFeed.run(url, addedBy, nowIso());
      const row = q.feed.get(Number(info.lastInsertRowid));
      if (row === undefined) throw new Error('feed vanished after insert');
      return { feed: toFeed(row), created: true };
    },
    removeFeed: (id) => q.removeFeed.run(id).changes > 0,
    dueFeeds: (now) => q.dueFeeds.all(now).map(toFeed),
    recordFeedFetch: (id, result: FeedFetchResult) => {
      if (result.ok) q.feedOk.run(nowIso(), result.nextFetchAt, result.title ?? null, id);
      else q.feedFailed.run(nowIso(), result.error ?? 'unknown error', result.nextFetchAt, id);
    },

    chatSettings: (key, defaults: ChatSettings) => {
      const r = q.chat.get(key);
      return {
        lang: r?.lang ?? defaults.lang,
        timezone: r?.timezone ?? defaults.timezone,
        notifyEmpty: r !== undefined ? r.notify_empty === 1 : (defaults.notifyEmpty ?? false),
      };
    },
    updateChatSettings: (key, change) => {
      db.transaction(() => {
        ensureChat(key);
        if (change.lang !== undefined) q.setLang.run(change.lang, key);
        if (change.timezone !== undefined) q.setTimezone.run(change.timezone, key);
        if (change.notifyEmpty !== undefined) q.setNotifyEmpty.run(change.notifyEmpty ? 1 : 0, key);
      })();
    },
    setChatAvailable: (key, available) => {
      db.transaction(() => {
        ensureChat(key);
        q.setAvailable.run(available ? 1 : 0, key);
        q.pauseSubs.run(available ? 0 : 1, key);
      })();
    },
    isChatAvailable: (key) => (q.chat.get(key)?.available ?? 1) === 1,

    addSubscription: (sub: NewSubscription) =>
      db.transaction(() => {
        ensureChat(sub.chatKey);
        const info = q.addSub.run(sub.chatKey, sub.schedule, sub.filter, nowIso());
        const row = q.sub.get(info.lastInsertRowid);
        if (row === undefined) throw new Error('subscription vanished after insert');
        return toSubscription(row);
      })(),
    listSubscriptions: (key) => (key === undefined ? q.subsAll.all() : q.subsOf.all(key)).map(toSubscription),
    removeSubscriptions: (key, id) =>
      (id === undefined ? q.removeSubs.run(key) : q.removeSub.run(key, id)).changes,
    markDigestDelivered: (subscriptionId, slotIso, articleIds) => {
      db.transaction(() => {
        const sub = q.sub.get(subscriptionId);
        if (sub === undefined) return;
        q.markDigest.run(slotIso, nowIso(), subscriptionId);
        for (const id of articleIds) q.markDelivered.run(sub.chat_key, id);
      })();
    },
    deliveredTo: (key, ids) => new Set(ids.filter((id) => q.wasDelivered.get(key, id) !== undefined)),
  };
}
