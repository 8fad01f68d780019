-- bantin schema v1. Times are ISO 8601 UTC strings ("2020-12-30T07:00:00.000Z").

CREATE TABLE feeds (
  id              INTEGER PRIMARY KEY,
  url             TEXT NOT NULL UNIQUE,
  title           TEXT,
  -- NULL for the operator's feeds (defaults, FEEDS, CLI); else the chat key that added it.
  added_by        TEXT,
  created_at      TEXT NOT NULL,
  last_fetched_at TEXT,
  last_error      TEXT,
  failures        INTEGER NOT NULL DEFAULT 0,
  next_fetch_at   TEXT
);

CREATE TABLE articles (
  id           INTEGER PRIMARY KEY,
  feed_id      INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
  url          TEXT UNIQUE,
  guid         TEXT,
  -- Hash of the folded, whitespace-collapsed text: the same story under another URL or guid.
  fingerprint  TEXT NOT NULL UNIQUE,
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  lang         TEXT NOT NULL CHECK (lang IN ('vi', 'en')),
  source       TEXT,
  published_at TEXT,
  fetched_at   TEXT NOT NULL,
  -- published_at when known, else fetched_at, in UTC: the one column every listing sorts by.
  sort_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_feed_guid ON articles(feed_id, guid) WHERE guid IS NOT NULL;
CREATE INDEX articles_sort_at ON articles(sort_at DESC);

-- Accent-free search. External content: snippets come from articles (original Vietnamese), while
-- the index is fed the folded text (đ -> d, which no tokenizer folds). Never run 'rebuild' on it.
CREATE VIRTUAL TABLE article_search USING fts5(
  title, body,
  content = 'articles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE summaries (
  article_id        INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  extractor_version TEXT NOT NULL,
  who_json          TEXT NOT NULL,
  what              TEXT NOT NULL,
  when_text         TEXT,
  when_date         TEXT,
  where_json        TEXT NOT NULL,
  evidence_json     TEXT NOT NULL,
  -- Folded "who | where" text for subscription filters.
  facets            TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL
);
CREATE INDEX summaries_version ON summaries(extractor_version);

CREATE TABLE chats (
  key        TEXT PRIMARY KEY,          -- "<platform>:<id>"
  lang       TEXT CHECK (lang IN ('vi', 'en')),
  timezone   TEXT,
  -- 0 when the bot was removed/blocked: subscriptions pause, nothing is sent.
  available  INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE subscriptions (
  id             INTEGER PRIMARY KEY,
  chat_key       TEXT NOT NULL REFERENCES chats(key) ON DELETE CASCADE,
  schedule       TEXT NOT NULL,
  filter         TEXT,
  paused         INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  -- The last slot a digest was composed for (catch-up is computed from it, not from uptime).
  last_slot_at   TEXT,
  last_digest_at TEXT
);
CREATE INDEX subscriptions_chat ON subscriptions(chat_key);

-- Outbox: a digest and its rendered parts are stored before anything is sent.
CREATE TABLE digests (
  id              INTEGER PRIMARY KEY,
  subscription_id INTEGER REFERENCES subscriptions(id) ON DELETE SET NULL,
  chat_key        TEXT NOT NULL REFERENCES chats(key) ON DELETE CASCADE,
  slot            TEXT NOT NULL,
  late            INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  UNIQUE (subscription_id, slot)
);

CREATE TABLE deliveries (
  id              INTEGER PRIMARY KEY,
  digest_id       INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
  part_no         INTEGER NOT NULL,
  chat_key        TEXT NOT NULL,
  payload_json    TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error      TEXT,
  message_id      TEXT,
  sent_at         TEXT,
  UNIQUE (digest_id, part_no)
);
CREATE INDEX deliveries_pending ON deliveries(status, chat_key, digest_id, part_no);

-- An article reaches a chat once, across digests, restarts and sources.
CREATE TABLE delivered_articles (
  chat_key   TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  digest_id  INTEGER REFERENCES digests(id) ON DELETE SET NULL,
  PRIMARY KEY (chat_key, article_id)
) WITHOUT ROWID;
