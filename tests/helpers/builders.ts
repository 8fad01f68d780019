import type { ArticleDraft, Extraction } from '../../src/domain.ts';
import type { SaveArticleInput } from '../../src/store.ts';
import { contentFingerprint } from '../../src/ingest/canonical-url.ts';

export const aDraft = (over: Partial<ArticleDraft> = {}): ArticleDraft => ({
  title: 'Đà Nẵng khai mạc lễ hội pháo hoa quốc tế',
  body: 'Tối 1/6, UBND thành phố Đà Nẵng khai mạc Lễ hội pháo hoa quốc tế tại cầu Rồng.\n\nHàng nghìn du khách đã đến xem.',
  lang: 'vi',
  publishedAt: '2024-06-01T20:00:00+07:00',
  url: 'https://example.vn/da-nang-phao-hoa.html',
  guid: null,
  source: 'example.vn',
  ...over,
});

export const anExtraction = (over: Partial<Extraction> = {}): Extraction => ({
  who: ['UBND thành phố Đà Nẵng'],
  what: 'Đà Nẵng khai mạc lễ hội pháo hoa',
  when: { text: 'Tối 1/6', date: '2024-06-01' },
  where: ['cầu Rồng', 'Đà Nẵng'],
  evidence: {},
  ...over,
});

export const aSave = (
  draft: ArticleDraft = aDraft(),
  extraction: Extraction = anExtraction(),
  feedId: number | null = null,
): SaveArticleInput => ({
  draft,
  feedId,
  fingerprint: contentFingerprint(draft.title, draft.body),
  extraction,
  extractorVersion: 'test-1',
});
