import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from '../helpers/temp-db.ts';
import { aDraft, anExtraction, aSave } from '../helpers/builders.ts';
import { listMigrations, openDatabase } from '../../db/open.ts';

let t: TempStore;
beforeEach(() => {
  t = openTempStore();
});
afterEach(() => t.close());

describe('migrations and pragmas', () => {
  it('applies every migration once, tracked by user_version', () => {
    const last = listMigrations().at(-1)?.version;
    expect(t.db.pragma('user_version', { simple: true })).toBe(last);
    t.db.close();
    const again = openDatabase(t.path); // re-opening must not re-run migrations
    expect(again.pragma('user_version', { simple: true })).toBe(last);
    again.close();
    t = { ...t, close: () => undefined };
  });

  it('uses WAL, foreign keys, synchronous NORMAL and a busy timeout', () => {
    expect(t.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(t.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(t.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});

describe('an article is stored once', () => {
  it('deduplicates by canonical URL and updates changed text in place', () => {
    const first = t.store.saveArticle(aSave());
    expect(first.status).toBe('inserted');
    expect(t.store.saveArticle(aSave()).status).toBe('unchanged');
    const corrected = aDraft({ body: `${aDraft().body}\n\nCập nhật: lễ hội kéo dài đến 8/7.` });
    const second = t.store.saveArticle(aSave(corrected));
    expect(second).toEqual({ id: first.id, status: 'updated' });
    expect(t.store.countArticles()).toBe(1);
    expect(t.store.getArticle(first.id)?.article.body).toContain('Cập nhật');
    // the search index follows the update: old words gone, new words found
    expect(t.store.search('keo dai', 5)).toHaveLength(1);
  });

  it('deduplicates by feed guid when the URL changes', () => {
    const { feed } = t.store.addFeed('https://example.vn/rss', null);
    const a = t.store.saveArticle(aSave(aDraft({ guid: 'g-1' }), anExtraction(), feed.id));
    const moved = aDraft({ guid: 'g-1', url: 'https://example.vn/moved.html', title: 'Tiêu đề đã sửa' });
    const b = t.store.saveArticle(aSave(moved, anExtraction(), feed.id));
    expect(b.id).toBe(a.id);
    expect(t.store.countArticles()).toBe(1);
  });

  it('matches an item by its URL before its guid when they name different articles', () => {
    const { feed } = t.store.addFeed('https://example.vn/rss', null);
    const byUrl = t.store.saveArticle(aSave(aDraft({ guid: 'g-1' }), anExtraction(), feed.id));
    const other = aDraft({ guid: 'g-2', url: 'https://example.vn/other.html', body: 'Một bài khác hẳn.' });
    const byGuid = t.store.saveArticle(aSave(other, anExtraction(), feed.id));
    const both = aDraft({ guid: 'g-2', body: `${aDraft().body}\n\nCập nhật lúc 9 giờ.` });
    expect(t.store.saveArticle(aSave(both, anExtraction(), feed.id))).toEqual({
      id: byUrl.id,
      status: 'updated',
    });
    expect(t.store.getArticle(byGuid.id)?.article.body).toBe('Một bài khác hẳn.');
  });

  it('deduplicates the same text under another URL (accents and spacing aside)', () => {
    t.store.saveArticle(aSave());
    const copy = aDraft({ url: 'https://mirror.vn/copy.html', body: aDraft().body.replace(/ /g, '  ') });
    expect(t.store.saveArticle(aSave(copy)).status).toBe('unchanged');
    expect(t.store.countArticles()).toBe(1);
  });

  it('keeps the extractor version with the summary', () => {
    const { id } = t.store.saveArticle(aSave());
    expect(t.store.getArticle(id)?.summary?.extractorVersion).toBe('test-1');
    expect(t.store.staleSummaries('test-2', 10, 0).map((a) => a.id)).toEqual([id]);
    expect(t.store.staleSummaries('test-1', 10, 0)).toEqual([]);
  });
});

describe('accent-insensitive search', () => {
  beforeEach(() => {
    t.store.saveArticle(aSave());
    t.store.saveArticle(
      aSave(
        aDraft({
          url: 'https://example.vn/2',
          title: 'Hà Nội đón đoàn đại biểu',
          body: 'Sáng 2/6, Thành ủy Hà Nội và Đảng bộ thành phố tiếp đoàn đại biểu.',
        }),
      ),
    );
    // NFD text (decomposed accents), as some feeds send it
    t.store.saveArticle(
      aSave(
        aDraft({
          url: 'https://example.vn/3',
          title: 'Huế mưa lớn'.normalize('NFD'),
          body: 'Mưa lớn kéo dài ở Thừa Thiên Huế.'.normalize('NFD'),
        }),
      ),
    );
  });

  it.each([
    ['Da Nang', 'Đà Nẵng khai mạc lễ hội pháo hoa quốc tế'],
    ['ha noi', 'Hà Nội đón đoàn đại biểu'],
    ['Dang', 'Hà Nội đón đoàn đại biểu'],
    ['Đà Nẵng', 'Đà Nẵng khai mạc lễ hội pháo hoa quốc tế'],
    ['Đà Nẵng'.normalize('NFD'), 'Đà Nẵng khai mạc lễ hội pháo hoa quốc tế'],
    ['hue', 'Huế mưa lớn'.normalize('NFD')],
  ])('"%s" finds "%s"', (query, title) => {
    expect(t.store.search(query, 5).map((h) => h.article.title)).toContain(title);
  });

  it('shows snippets in the original Vietnamese', () => {
    const [hit] = t.store.search('cau rong', 5);
    expect(hit?.snippet).toContain('«cầu» «Rồng»');
  });

  it('treats FTS syntax in user input as text', () => {
    expect(() => t.store.search('"NEAR( title: * OR', 5)).not.toThrow();
    expect(t.store.search('***', 5)).toEqual([]);
  });
});

describe('chats and subscriptions', () => {
  it('pauses and resumes a chat’s subscriptions with its availability', () => {
    const sub = t.store.addSubscription({ chatKey: 'telegram:-100', schedule: '0 7 * * *', filter: null });
    t.store.setChatAvailable('telegram:-100', false);
    expect(t.store.listSubscriptions('telegram:-100')[0]?.paused).toBe(true);
    expect(t.store.isChatAvailable('telegram:-100')).toBe(false);
    t.store.setChatAvailable('telegram:-100', true);
    expect(t.store.listSubscriptions('telegram:-100')[0]).toMatchObject({ id: sub.id, paused: false });
  });

  it('remembers which articles a chat received', () => {
    const { id } = t.store.saveArticle(aSave());
    const sub = t.store.addSubscription({ chatKey: 'terminal:local', schedule: '0 7 * * *', filter: null });
    t.store.markDigestDelivered(sub.id, '2024-06-02T00:00:00.000Z', [id]);
    expect([...t.store.deliveredTo('terminal:local', [id])]).toEqual([id]);
    expect([...t.store.deliveredTo('discord:1', [id])]).toEqual([]);
  });
});
