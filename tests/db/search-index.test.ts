import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate, openDatabase, type Db } from '../../db/open.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import type { Store } from '../../src/store.ts';
import { foldAccents } from '../../src/text/vietnamese.ts';
import { aDraft, aSave } from '../helpers/builders.ts';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bantin-search-'));
  dirs.push(dir);
  return join(dir, 'bantin.db');
}

/** A store whose recent search index holds only the newest `recentRows` articles. */
function openStore(recentRows: number): { db: Db; store: Store } {
  const db = openDatabase(tempPath());
  dbs.push(db);
  return { db, store: createSqliteStore(db, undefined, { recentSearchRows: recentRows }) };
}

/** Saves articles 1..n, each with its own words ("bai 3" = "article 3") and a shared word. */
function saveNumbered(store: Store, n: number, from = 1): void {
  for (let i = from; i < from + n; i++) {
    store.saveArticle(
      aSave(
        aDraft({
          url: `https://example.vn/bai-${String(i)}`,
          title: `Tin số ${String(i)}: mưa lớn ở Huế`,
          body: `Bài thứ ${String(i)}. Mưa lớn kéo dài ở Thừa Thiên Huế, mã bai${String(i)}.`,
        }),
      ),
    );
  }
}

const recentIds = (db: Db): number[] =>
  db
    .prepare<[], { id: number }>('SELECT id FROM recent_search_docsize ORDER BY id')
    .all()
    .map((r) => r.id);

const ids = (store: Store, query: string, limit = 5): number[] =>
  store.search(query, limit).map((h) => h.article.id);

/**
 * Every (term, article, column, offset) posting of the recent indexes equals the full index's
 * for the articles they hold (recent_titles: the title's), both hold the same articles, and
 * every index passes FTS5's own check.
 */
function expectIndexesAgree(db: Db): void {
  for (const t of ['article_search', 'recent_search', 'recent_titles'])
    expect(() => db.exec(`INSERT INTO ${t} (${t}) VALUES ('integrity-check')`)).not.toThrow();
  for (const t of ['article_search', 'recent_search', 'recent_titles'])
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${t}_postings USING fts5vocab(main, ${t}, instance)`);
  const postings = (table: string, where = ''): string[] =>
    db
      .prepare<[], { p: string }>(
        `SELECT term || ' ' || doc || ' ' || col || ' ' || offset AS p FROM temp.${table}_postings
         WHERE doc IN (SELECT id FROM recent_search_docsize) ${where} ORDER BY doc, col, offset, term`,
      )
      .all()
      .map((r) => r.p);
  const recent = postings('recent_search');
  expect(recent.length).toBeGreaterThan(0);
  expect(recent).toEqual(postings('article_search'));
  expect(postings('recent_titles')).toEqual(postings('recent_search', "AND col = 'title'"));
  const titled = db.prepare<[], { id: number }>('SELECT id FROM recent_titles_docsize ORDER BY id').all();
  expect(titled.map((r) => r.id)).toEqual(recentIds(db));
}

describe('the recent search index', () => {
  it('holds only the newest articles and stays that size as articles arrive', () => {
    const { db, store } = openStore(3);
    saveNumbered(store, 10);
    expect(recentIds(db)).toEqual([8, 9, 10]);
    saveNumbered(store, 1, 11);
    expect(recentIds(db)).toEqual([9, 10, 11]);
    expectIndexesAgree(db);
  });

  it('finds an old article when the recent index has nothing for the words', () => {
    const { store } = openStore(3);
    saveNumbered(store, 10);
    expect(ids(store, 'bai2')).toEqual([2]);
    expect(ids(store, 'bai 2')).toEqual([2]);
    expect(store.search('bai2', 5)[0]?.snippet).toContain('«bai2»');
  });

  it('fills up with older matches, newest first, without duplicates', () => {
    const { store } = openStore(3);
    saveNumbered(store, 10);
    expect(ids(store, 'hue', 5)).toEqual([10, 9, 8, 7, 6]);
    expect(ids(store, 'mua lon', 20)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('ranks recent articles with every word in the title before body-only matches', () => {
    const { store } = openStore(100);
    store.saveArticle(
      aSave(aDraft({ url: 'https://example.vn/a', title: 'Lũ lớn ở Quảng Nam', body: 'Nước dâng cao.' })),
    );
    store.saveArticle(
      aSave(aDraft({ url: 'https://example.vn/b', title: 'Thời tiết', body: 'Lũ lớn ở Quảng Nam và Huế.' })),
    );
    expect(store.search('quang nam', 5).map((h) => h.article.title)).toEqual([
      'Lũ lớn ở Quảng Nam',
      'Thời tiết',
    ]);
    // a title match shows the article's opening (the title shows the words), a body match them
    expect(store.search('quang nam', 5)[0]?.snippet).toBe('Nước dâng cao.');
    expect(store.search('quang nam', 5)[1]?.snippet).toContain('Lũ lớn ở «Quảng» «Nam» và Huế');
  });

  it('ranks the words side by side before the words apart', () => {
    const { store } = openStore(100);
    const save = (url: string, title: string, body: string): void =>
      void store.saveArticle(aSave(aDraft({ url: `https://example.vn/${url}`, title, body })));
    save('phrase-body', 'Tin trong ngày', 'Du khách đến Đà Nẵng dịp cuối tuần.');
    save('phrase-title', 'Đà Nẵng đón khách', 'Lễ hội kéo dài ba ngày.');
    save('apart-title', 'Giá điện đã tăng, nâng mức phí', 'Giá mới áp dụng từ tháng sau.');
    save('apart-body', 'Tin kinh tế', 'Giá vàng đã tăng, nhiều nơi nâng giá bán.');
    expect(store.search('da nang', 5).map((h) => h.article.title)).toEqual([
      'Đà Nẵng đón khách',
      'Tin trong ngày',
      'Giá điện đã tăng, nâng mức phí',
      'Tin kinh tế',
    ]);
  });

  it('ranks old articles with the words side by side first too', () => {
    const { store } = openStore(1);
    const save = (url: string, title: string, body: string): void =>
      void store.saveArticle(aSave(aDraft({ url: `https://example.vn/${url}`, title, body })));
    save('phrase', 'Tin trong ngày', 'Du khách đến Đà Nẵng dịp cuối tuần.');
    save('apart', 'Tin kinh tế', 'Giá vàng đã tăng, nhiều nơi nâng giá bán.');
    save('newest', 'Thời tiết', 'Trời nắng.');
    expect(store.search('da nang', 5).map((h) => h.article.title)).toEqual(['Tin trong ngày', 'Tin kinh tế']);
  });

  it('completes a last word being typed, recent or old', () => {
    const { store } = openStore(2);
    store.saveArticle(
      aSave(
        aDraft({ url: 'https://example.vn/v', title: 'Ông Trần Quốc Vượng phát biểu', body: 'Hội nghị.' }),
      ),
    );
    saveNumbered(store, 3, 2);
    expect(ids(store, 'tran quoc vuon')).toEqual([1]);
    const { store: recent } = openStore(10);
    recent.saveArticle(
      aSave(
        aDraft({ url: 'https://example.vn/v', title: 'Ông Trần Quốc Vượng phát biểu', body: 'Hội nghị.' }),
      ),
    );
    expect(ids(recent, 'tran quoc vuon')).toEqual([1]);
  });

  it('follows corrections of recent and old articles in both indexes', () => {
    const { db, store } = openStore(3);
    saveNumbered(store, 6);
    const correct = (i: number, word: string): void => {
      const saved = store.saveArticle(
        aSave(
          aDraft({
            url: `https://example.vn/bai-${String(i)}`,
            title: `Tin số ${String(i)}: nắng nóng`,
            body: `Bài thứ ${String(i)} đã sửa: ${word}.`,
          }),
        ),
      );
      expect(saved.status).toBe('updated');
    };
    correct(5, 'Đắk Lắk'); // in the recent index
    correct(1, 'Điện Biên'); // only in the full one
    expect(ids(store, 'dak lak')).toEqual([5]);
    expect(ids(store, 'dien bien')).toEqual([1]);
    expect(ids(store, 'bai5')).toEqual([]);
    expect(ids(store, 'bai1')).toEqual([]);
    expect(ids(store, 'nang nong')).toEqual([5, 1]);
    expect(recentIds(db)).toEqual([4, 5, 6]);
    expectIndexesAgree(db);
  });
});

describe('recent index migrations', () => {
  it('migrations 004-005 index the newest existing articles, folded as the store folds them', () => {
    const before = new Database(tempPath());
    dbs.push(before);
    migrate(
      before,
      listMigrations().filter((m) => m.version < 4),
    );
    const insert =
      before.prepare(`INSERT INTO articles (id, fingerprint, title, body, lang, fetched_at, sort_at)
      VALUES (?, ?, ?, ?, 'vi', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`);
    const fts = before.prepare('INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)');
    const rows = [
      [1, 'Đồng Nai mở rộng đường', 'Công trình ở Biên Hòa.'],
      [2, 'Đà Nẵng đón khách', 'Du khách đến cầu Rồng.'],
    ] as const;
    for (const [id, title, body] of rows) {
      insert.run(id, `f${String(id)}`, title, body);
      fts.run(id, foldAccents(title), foldAccents(body));
    }
    migrate(before);
    expect(recentIds(before)).toEqual([1, 2]);
    const store = createSqliteStore(before);
    expect(ids(store, 'dong nai')).toEqual([1]);
    expect(ids(store, 'da nang cau rong')).toEqual([2]);
    expectIndexesAgree(before);
  });
});
