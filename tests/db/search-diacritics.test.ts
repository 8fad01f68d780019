import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import type { Store } from '../../src/store.ts';
import { aDraft, aSave } from '../helpers/builders.ts';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A store on a temp file whose recent search indexes hold `recentRows` articles. */
function openStore(recentRows = 100): Store {
  const dir = mkdtempSync(join(tmpdir(), 'bantin-diacritics-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'bantin.db'));
  dbs.push(db);
  return createSqliteStore(db, undefined, { recentSearchRows: recentRows });
}

/** Saves articles in order (so each is newer than the one before) and returns their ids. */
function saveAll(store: Store, articles: ReadonlyArray<readonly [title: string, body: string]>): number[] {
  return articles.map(
    ([title, body], i) =>
      store.saveArticle(
        aSave(aDraft({ url: `https://example.vn/${String(i)}-${title.length}`, title, body })),
      ).id,
  );
}

const titles = (store: Store, query: string, limit = 10): string[] =>
  store.search(query, limit).map((h) => h.article.title);

describe('/search with diacritics', () => {
  it('ranks the words as typed first ("bão", storm) and keeps today’s order without them ("bao")', () => {
    const store = openStore();
    saveAll(store, [
      ['Bão số 3 đổ bộ Quảng Ninh', 'Gió giật cấp 12, mưa rất to.'],
      // NFD, as some feeds send it: still the word as typed
      [
        'Thời tiết miền Bắc'.normalize('NFD'),
        'Cơn bão đã suy yếu, báo cáo của trung tâm dự báo.'.normalize('NFD'),
      ],
      ['Báo chí cách mạng 100 năm', 'Lễ kỷ niệm ngày báo chí.'],
      ['Thông báo tuyển sinh', 'Nhà trường thông báo lịch thi.'],
      ['Bảo hiểm y tế', 'Bảo đảm quyền lợi người bệnh, theo báo cáo mới.'],
    ]);
    const storm = ['Bão số 3 đổ bộ Quảng Ninh', 'Thời tiết miền Bắc'.normalize('NFD')];
    // title matches, then body ones; then the folded-only matches in today's order
    expect(titles(store, 'bão')).toEqual([
      ...storm,
      'Bảo hiểm y tế',
      'Thông báo tuyển sinh',
      'Báo chí cách mạng 100 năm',
    ]);
    expect(titles(store, 'BÃO')).toEqual(titles(store, 'bão'));
    // the snippet marks the word as typed, not its folded twins
    const snippet = store.search('bão', 5)[1]?.snippet ?? '';
    expect(snippet.normalize('NFC')).toContain('Cơn «bão» đã suy yếu');
    expect(snippet).not.toContain('«báo');
    // accent-free: newest first, titles before bodies, as before
    expect(titles(store, 'bao')).toEqual([
      'Bảo hiểm y tế',
      'Thông báo tuyển sinh',
      'Báo chí cách mạng 100 năm',
      'Bão số 3 đổ bộ Quảng Ninh',
      'Thời tiết miền Bắc'.normalize('NFD'),
    ]);
  });

  it('ranks several words as typed side by side, then apart: "Đà Nẵng" is not "đã nâng"', () => {
    const store = openStore();
    saveAll(store, [
      ['Ngân hàng đã nâng lãi suất', 'Lãi suất tăng từ tuần sau.'],
      ['Đà Nẵng đón khách', 'Lễ hội kéo dài ba ngày.'],
      ['Tin miền Trung', 'Từ Đà Lạt, đoàn ra Nẵng bằng tàu.'],
      ['Giá xăng đã nâng lên', 'Từ 15 giờ, giá xăng đã nâng thêm 500 đồng.'],
    ]);
    expect(titles(store, 'Đà Nẵng')).toEqual([
      'Đà Nẵng đón khách',
      'Tin miền Trung',
      'Giá xăng đã nâng lên',
      'Ngân hàng đã nâng lãi suất',
    ]);
    expect(titles(store, 'đã nâng')).toEqual([
      'Giá xăng đã nâng lên',
      'Ngân hàng đã nâng lãi suất',
      'Đà Nẵng đón khách',
      'Tin miền Trung',
    ]);
    // the words apart are marked in the body they were found in
    expect(store.search('Đà Nẵng', 5)[1]?.snippet).toContain('«Đà» Lạt, đoàn ra «Nẵng»');
  });

  it('reads a word typed without diacritics in a query that has some as any accents ("Đà nang")', () => {
    const store = openStore();
    saveAll(store, [
      ['Đà Nẵng đón khách', 'Lễ hội kéo dài ba ngày.'],
      ['Ngân hàng đã nâng lãi suất', 'Lãi suất tăng từ tuần sau.'],
      ['Giá xăng đã nâng lên', 'Từ 15 giờ, giá xăng đã nâng thêm 500 đồng.'],
    ]);
    // "đà" as typed, "nang" any of nàng, nắng, nẵng...: not "đã nâng", newer as it is
    expect(titles(store, 'Đà nang')[0]).toBe('Đà Nẵng đón khách');
    expect(titles(store, 'da nang')[0]).toBe('Giá xăng đã nâng lên');
  });

  it('still finds an article written without diacritics, after the ones with the words as typed', () => {
    const store = openStore();
    saveAll(store, [
      ['Bão số 3 gây mưa lớn', 'Mưa lớn ở Quảng Ninh.'],
      ['Anh: bao so 3 do bo vao Quang Ninh', 'Anh chup tu ve tinh.'],
    ]);
    expect(titles(store, 'bão số 3')).toEqual(['Bão số 3 gây mưa lớn', 'Anh: bao so 3 do bo vao Quang Ninh']);
  });

  it('returns at most `limit` hits, the newest with the words as typed', () => {
    const store = openStore();
    saveAll(store, [
      ...[1, 2, 3, 4, 5, 6, 7].map((i): [string, string] => [
        `Tin số ${String(i)}`,
        `Cơn bão số ${String(i)}.`,
      ]),
      ...[8, 9, 10].map((i): [string, string] => [`Tin số ${String(i)}`, `Theo báo cáo số ${String(i)}.`]),
    ]);
    expect(titles(store, 'bão', 3)).toEqual(['Tin số 7', 'Tin số 6', 'Tin số 5']);
    expect(titles(store, 'bão', 9)).toEqual([7, 6, 5, 4, 3, 2, 1, 10, 9].map((i) => `Tin số ${String(i)}`));
  });

  it('ranks the words as typed first among the newest articles and reaches older ones as before', () => {
    const store = openStore(2);
    saveAll(store, [
      ['Bão số 9 đổ bộ', 'Gió mạnh.'],
      ['Báo Xuân', 'Số báo đặc biệt.'],
      ['Tin cũ', 'Không liên quan.'],
      ['Bão tan', 'Trời nắng trở lại.'],
      ['Thông báo', 'Lịch nghỉ lễ.'],
    ]);
    // only the newest two are in the recent indexes; the old storm article comes in by the
    // folded search of the full index, newest first, after the recent ones
    expect(titles(store, 'bão')).toEqual(['Bão tan', 'Thông báo', 'Báo Xuân', 'Bão số 9 đổ bộ']);
  });
});
