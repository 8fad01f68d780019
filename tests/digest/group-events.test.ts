import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventKeys, groupEvents, type NewsEvent } from '../../src/digest/group-events.ts';
import type { StoredArticle } from '../../src/store.ts';
import { foldKey } from '../../src/text/vietnamese.ts';
import { aDraft, anExtraction } from '../helpers/builders.ts';

const stored = (
  id: number,
  title: string,
  body: string,
  facts: Partial<ReturnType<typeof anExtraction>> = {},
): StoredArticle => ({
  article: { ...aDraft({ title, body }), id, feedId: 1, fetchedAt: '2024-06-01T13:00:00.000Z' },
  summary: { ...anExtraction(facts), articleId: id, extractorVersion: 't' },
});

/**
 * The rules compared against every group, as grouping did before it used a word index: the
 * oracle the indexed version must agree with.
 */
function allPairs(items: readonly StoredArticle[]): number[][] {
  const words = (s: string) =>
    new Set(
      foldKey(s)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 1),
    );
  const jaccard = (a: Set<string>, b: Set<string>) => {
    const inter = [...a].filter((w) => b.has(w)).length;
    const union = a.size + b.size - inter;
    return union === 0 ? 0 : inter / union;
  };
  const overlap = (a: readonly string[], b: readonly string[]) =>
    b.map(foldKey).some((x) => a.map(foldKey).some((y) => y.includes(x) || x.includes(y)));
  const groups: Array<{ first: StoredArticle; ids: number[]; title: Set<string>; lead: Set<string> }> = [];
  for (const item of items) {
    const title = words(item.article.title);
    const lead = words(item.article.body.slice(0, 400));
    const home = groups.find((g) => {
      if (jaccard(g.title, title) >= 0.5 || jaccard(g.lead, lead) >= 0.45) return true;
      const a = g.first.summary;
      const b = item.summary;
      return (
        a !== null &&
        b !== null &&
        a.when.date !== null &&
        a.when.date === b.when.date &&
        a.who.length > 0 &&
        a.where.length > 0 &&
        overlap(a.who, b.who) &&
        overlap(a.where, b.where) &&
        jaccard(g.title, title) >= 0.2
      );
    });
    if (home !== undefined) home.ids.push(item.article.id);
    else groups.push({ first: item, ids: [item.article.id], title, lead });
  }
  return groups.map((g) => g.ids);
}

const ids = (events: readonly NewsEvent[]) => events.map((e) => e.articles.map((a) => a.article.id));

// A small vocabulary, accented and not, so that titles and leads share words often.
const VOCAB = [
  'Đà',
  'Nẵng',
  'Hà',
  'Nội',
  'bão',
  'lũ',
  'khai',
  'mạc',
  'lễ',
  'hội',
  'giá',
  'xăng',
  'tăng',
  'giảm',
  'Da',
  'Nang',
  'a',
];
const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...VOCAB), { minLength: min, maxLength: max }).map((ws) => ws.join(' '));
const anArticle = fc.record({
  title: text(0, 6),
  body: text(0, 12),
  who: fc.subarray(['UBND TP Đà Nẵng', 'Đà Nẵng', 'Bộ Công Thương', '']),
  where: fc.subarray(['Đà Nẵng', 'sông Hàn', 'Hà Nội']),
  date: fc.constantFrom(null, '2024-06-01', '2024-06-02'),
});

describe('groupEvents', () => {
  it('gives the same groups as comparing every article with every group', () => {
    fc.assert(
      fc.property(fc.array(anArticle, { maxLength: 40 }), (drafts) => {
        const items = drafts.map((d, i) =>
          stored(i + 1, d.title, d.body, { who: d.who, where: d.where, when: { text: null, date: d.date } }),
        );
        expect(ids(groupEvents(items))).toEqual(allPairs(items));
      }),
      { numRuns: 400 },
    );
  });

  it('puts an article matching two groups in the one made first', () => {
    const older = stored(1, 'Giá xăng tăng từ chiều nay', 'Bộ Công Thương điều chỉnh');
    const other = stored(2, 'Tỷ giá đô la hạ nhiệt', 'Ngân hàng Nhà nước can thiệp');
    const both = stored(
      3,
      'Thị trường biến động cuối tuần',
      'Bộ Công Thương điều chỉnh, Ngân hàng Nhà nước can thiệp',
    );
    expect(ids(groupEvents([older, other, both]))).toEqual(allPairs([older, other, both]));
    expect(ids(groupEvents([older, other, both]))).toEqual([[1, 3], [2]]);
  });

  it('uses keys the caller already folded', () => {
    const a = stored(1, 'Đà Nẵng khai mạc lễ hội pháo hoa', 'Tối 1/6.');
    const b = stored(2, 'Bão số 3 đổ bộ Quảng Ninh', 'Sáng 2/6.');
    const folded = new Map([a, b].map((x) => [x, eventKeys(x)]));
    let asked = 0;
    const events = groupEvents([a, b, a], (x) => {
      asked++;
      return folded.get(x) ?? eventKeys(x);
    });
    expect(asked).toBe(3);
    expect(ids(events)).toEqual([[1, 1], [2]]);
  });
});
