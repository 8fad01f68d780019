-- A second, small search index over the newest articles (db/search-index.ts keeps it to the
-- newest RECENT_SEARCH_ROWS ids; 30,000 here too). Folded Vietnamese syllables ("ha", "noi") are
-- in a large share of all articles, and FTS5 cost grows with them: /search reads this index
-- first and the full one only for what it cannot answer. Same content and folding as
-- article_search: never 'rebuild' it either. Its %_docsize table lists the articles it holds.
CREATE VIRTUAL TABLE recent_search USING fts5(
  title, body,
  content = 'articles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
-- fold_accents is foldAccents (src/text/vietnamese.ts), registered by migrate() in db/open.ts.
INSERT INTO recent_search (rowid, title, body)
  SELECT id, fold_accents(title), fold_accents(body) FROM articles
  WHERE id > (SELECT coalesce(max(id), 0) FROM articles) - 30000;
