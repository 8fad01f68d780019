import { describe, expect, it } from 'vitest';
import { matchesFilter, parseFilter } from '../../src/digest/filter.ts';
import { groupEvents } from '../../src/digest/group-events.ts';
import type { StoredArticle } from '../../src/store.ts';
import { aDraft, anExtraction } from '../helpers/builders.ts';

let nextId = 1;
const stored = (draft = aDraft(), extraction = anExtraction()): StoredArticle => {
  const id = nextId++;
  return {
    article: { ...draft, id, feedId: 1, fetchedAt: '2024-06-01T13:00:00.000Z' },
    summary: { ...extraction, articleId: id, extractorVersion: 't' },
  };
};

describe('subscription filters', () => {
  const item = stored(aDraft(), anExtraction({ who: ['Phạm Minh Chính'], where: ['thành phố Đà Nẵng'] }));

  it.each([
    ['where:"Đà Nẵng"', true],
    ['where:"Da Nang"', true],
    ['where:"da nang"', true],
    ['where:"Hà Nội"', false],
    ['who:"Pham Minh Chinh"', true],
    ['who:"Phạm Minh Chính" where:"Đà Nẵng"', true],
    ['who:"Tô Lâm"', false],
    ['phao hoa', true],
    ['bão', false],
  ])('%s -> %s', (filter, expected) => {
    expect(matchesFilter(item, parseFilter(filter))).toBe(expected);
  });

  it('matches an old province through the unit it merged into', () => {
    const old = stored(aDraft(), anExtraction({ where: ['tỉnh Quảng Nam'] }));
    const aliases = new Map([['quang nam', ['da nang']]]);
    expect(matchesFilter(old, parseFilter('where:"Đà Nẵng"'), aliases)).toBe(true);
    expect(matchesFilter(old, parseFilter('where:"Đà Nẵng"'))).toBe(false);
  });
});

describe('one item per event', () => {
  it('groups the same story from two outlets with different wording', () => {
    const a = stored(
      aDraft({ url: 'https://vnexpress.net/a', title: 'Đà Nẵng khai mạc lễ hội pháo hoa quốc tế 2024' }),
      anExtraction(),
    );
    const b = stored(
      aDraft({
        url: 'https://tuoitre.vn/b',
        title: 'Khai mạc Lễ hội pháo hoa quốc tế Đà Nẵng: hàng nghìn người đổ về sông Hàn',
        body: 'Tối 1-6, lễ hội pháo hoa quốc tế Đà Nẵng (DIFF) 2024 chính thức khai mạc bên sông Hàn với hai đội Việt Nam và Phần Lan.',
      }),
      anExtraction({ who: ['UBND TP Đà Nẵng'], where: ['sông Hàn', 'Đà Nẵng'] }),
    );
    const events = groupEvents([a, b]);
    expect(events).toHaveLength(1);
    expect(events[0]?.articles).toHaveLength(2);
  });

  it('keeps two different stories about the same province apart', () => {
    const a = stored(aDraft({ url: 'https://x/1' }), anExtraction());
    const b = stored(
      aDraft({
        url: 'https://x/2',
        title: 'Đà Nẵng: sạt lở núi ở huyện Hòa Vang sau mưa lớn',
        body: 'Sáng 1/6, mưa lớn gây sạt lở tại xã Hòa Bắc, huyện Hòa Vang, TP Đà Nẵng; không có thiệt hại về người.',
      }),
      anExtraction({ who: [], what: 'Sạt lở núi', where: ['xã Hòa Bắc', 'Đà Nẵng'] }),
    );
    expect(groupEvents([a, b])).toHaveLength(2);
  });
});

describe('place aliases shipped with bantin', () => {
  it('maps merged provinces and the spellings of Ho Chi Minh City', async () => {
    const { buildPlaceAliases } = await import('../../src/digest/place-aliases.ts');
    const aliases = buildPlaceAliases();
    const quangNam = stored(aDraft(), anExtraction({ where: ['tỉnh Quảng Nam'] }));
    expect(matchesFilter(quangNam, parseFilter('where:"Da Nang"'), aliases)).toBe(true);
    const hcm = stored(aDraft(), anExtraction({ where: ['Thành phố Hồ Chí Minh'] }));
    expect(matchesFilter(hcm, parseFilter('where:"TP.HCM"'), aliases)).toBe(true);
    expect(matchesFilter(hcm, parseFilter('where:"Hà Nội"'), aliases)).toBe(false);
  });
});
