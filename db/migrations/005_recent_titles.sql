-- The titles of the articles in recent_search, alone. /search lists recent articles with every
-- word in the title first; in recent_search that meant walking every recent article holding the
-- words anywhere, here it reads short title doclists only. db/search-index.ts keeps both
-- indexes on the same articles.
CREATE VIRTUAL TABLE recent_titles USING fts5(
  title,
  content = 'articles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO recent_titles (rowid, title)
  SELECT a.id, fold_accents(a.title) FROM recent_search_docsize d JOIN articles a ON a.id = d.id;
