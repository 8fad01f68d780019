import { afterEach, describe, expect, it } from 'vitest';
import { createTopStories, notifyArticleWrites, type TopStories } from '../../src/digest/top-stories.ts';
import type { NewsEvent } from '../../src/digest/group-events.ts';
import type { Store } from '../../src/store.ts';
import { aDraft, anExtraction, aSave } from '../helpers/builders.ts';
import { manualClock, openTempStore, type TempStore } from '../helpers/temp-db.ts';

const HOUR = 3_600_000;
const opened: TempStore[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});

/** A real store that counts its `since` reads, and the cache over it as main.ts wires them. */
function setUp(options: { maxAgeMs?: number; candidates?: number } = {}) {
  const clock = manualClock('2024-06-02T01:00:00.000Z');
  const t = openTempStore(clock);
  opened.push(t);
  let reads = 0;
  const counted: Store = {
    ...t.store,
    since: (sinceIso, limit) => {
      reads++;
      return t.store.since(sinceIso, limit);
    },
  };
  const top = createTopStories({ store: counted, ...options });
  const store = notifyArticleWrites(counted, () => top.articlesChanged());
  return { clock, raw: t.store, store, top, reads: () => reads };
}

let n = 0;
/** A story of its own (no shared words with the others), published `hoursAgo` before 01:00Z. */
const story = (title: string, hoursAgo: number, over: { url?: string } = {}) => {
  n++;
  return aSave(
    aDraft({
      title,
      body: `Bài số ${String(n)}: ${title}.`,
      url: over.url ?? `https://example.vn/${String(n)}.html`,
      publishedAt: new Date(Date.parse('2024-06-02T01:00:00.000Z') - hoursAgo * HOUR).toISOString(),
    }),
    anExtraction({ who: [], where: [] }),
  );
};

const view = (events: readonly NewsEvent[]) =>
  events.map((e) => ({ lead: e.lead.article.id, articles: e.articles.map((a) => a.article.id) }));
const titles = (top: TopStories, now: Date) => top.events(now).map((e) => e.lead.article.title);

describe('top stories kept between commands', () => {
  it('reads and groups once while nothing is written', () => {
    const s = setUp();
    s.store.saveArticle(story('Đà Nẵng khai mạc lễ hội pháo hoa', 2));
    const first = s.top.events(s.clock.now());
    const second = s.top.events(s.clock.now());
    expect(s.reads()).toBe(1);
    expect(view(second)).toEqual(view(first));
  });

  it('shows a new article in the next answer', () => {
    const s = setUp();
    s.store.saveArticle(story('Đà Nẵng khai mạc lễ hội pháo hoa', 2));
    expect(titles(s.top, s.clock.now())).toEqual(['Đà Nẵng khai mạc lễ hội pháo hoa']);
    s.store.saveArticles([story('Bão số 3 đổ bộ Quảng Ninh', 1)]);
    expect(titles(s.top, s.clock.now())).toContain('Bão số 3 đổ bộ Quảng Ninh');
  });

  it('shows a corrected title and a new summary, but does not recompute for an unchanged re-save', () => {
    const s = setUp();
    const original = story('Giá xăng tăng từ chiều nay', 2, { url: 'https://example.vn/xang.html' });
    const { id } = s.store.saveArticle(original);
    s.top.events(s.clock.now());
    s.store.saveArticle(original);
    s.top.events(s.clock.now());
    expect(s.reads()).toBe(1);

    s.store.saveArticle(story('Giá xăng giảm từ chiều nay', 2, { url: 'https://example.vn/xang.html' }));
    expect(titles(s.top, s.clock.now())).toEqual(['Giá xăng giảm từ chiều nay']);

    s.store.saveSummary(id, anExtraction({ who: ['Bộ Công Thương'], where: [] }), 'test-2');
    expect(s.top.events(s.clock.now())[0]?.lead.summary?.who).toEqual(['Bộ Công Thương']);
  });

  it('drops articles that leave the 24 h window, as a fresh computation would', () => {
    const s = setUp({ maxAgeMs: 24 * HOUR });
    // Two outlets on one story (the newer one is less complete), and two single stories.
    s.store.saveArticles([
      story('Bão số 3 đổ bộ Quảng Ninh', 23.5),
      aSave(
        aDraft({
          title: 'Bão số 3 đổ bộ Quảng Ninh chiều nay',
          body: 'Bão số 3 đổ bộ.',
          url: 'https://example.vn/bao-2.html',
          publishedAt: '2024-06-01T05:00:00.000Z',
        }),
        anExtraction({ who: [], where: [], when: { text: null, date: null } }),
      ),
      story('Giá vàng lập đỉnh mới', 22),
      story('Hà Nội khánh thành cầu mới', 1),
    ]);
    for (const step of [0, 0.5, 1, 1.5, 2, 3, 4]) {
      const now = new Date(Date.parse('2024-06-02T01:00:00.000Z') + step * HOUR);
      const fresh = createTopStories({ store: s.raw }).events(now);
      expect(view(s.top.events(now))).toEqual(view(fresh));
    }
    expect(s.reads()).toBe(1);
    expect(titles(s.top, new Date('2024-06-02T05:30:00.000Z'))).toEqual(['Hà Nội khánh thành cầu mới']);
  });

  it('sees a write it was not told about (another process) once the answer is maxAgeMs old', () => {
    const s = setUp({ maxAgeMs: 60_000 });
    s.store.saveArticle(story('Đà Nẵng khai mạc lễ hội pháo hoa', 2));
    s.top.events(s.clock.now());
    s.raw.saveArticle(story('Bão số 3 đổ bộ Quảng Ninh', 1));
    s.clock.advance(30_000);
    expect(titles(s.top, s.clock.now())).not.toContain('Bão số 3 đổ bộ Quảng Ninh');
    s.clock.advance(31_000);
    expect(titles(s.top, s.clock.now())).toContain('Bão số 3 đổ bộ Quảng Ninh');
  });

  it('recomputes when the clock goes back', () => {
    const s = setUp();
    s.store.saveArticles([
      story('Đà Nẵng khai mạc lễ hội pháo hoa', 24.5),
      story('Giá vàng lập đỉnh mới', 1),
    ]);
    expect(titles(s.top, s.clock.now())).toEqual(['Giá vàng lập đỉnh mới']);
    s.clock.advance(-HOUR);
    expect(titles(s.top, s.clock.now())).toEqual([
      'Giá vàng lập đỉnh mới',
      'Đà Nẵng khai mạc lễ hội pháo hoa',
    ]);
  });

  it('groups at most `candidates` articles, the newest', () => {
    const s = setUp({ candidates: 2 });
    s.store.saveArticles([
      story('Đà Nẵng khai mạc lễ hội pháo hoa', 3),
      story('Giá vàng lập đỉnh mới', 2),
      story('Hà Nội khánh thành cầu mới', 1),
    ]);
    expect(titles(s.top, s.clock.now())).toEqual(['Hà Nội khánh thành cầu mới', 'Giá vàng lập đỉnh mới']);
  });
});
