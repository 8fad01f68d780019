import { afterEach, describe, expect, it } from 'vitest';
import { saveDrafts, type Extractor } from '../../src/articles/save-drafts.ts';
import { extract, EXTRACTOR_VERSION } from '../../src/extract/extract.ts';
import type { ExtractInput } from '../../src/domain.ts';
import { silentLogger } from '../../src/ports.ts';
import { aDraft } from '../helpers/builders.ts';
import { openTempStore, type TempStore } from '../helpers/temp-db.ts';

let t: TempStore | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

/** The real extractor, with the titles it was asked to summarise written down. */
function countingExtractor(): Extractor & { readonly asked: string[] } {
  const asked: string[] = [];
  return {
    version: EXTRACTOR_VERSION,
    asked,
    extract: (input: ExtractInput) => {
      asked.push(input.title);
      return extract(input);
    },
  };
}

const drafts = [
  aDraft(),
  aDraft({
    url: 'https://example.vn/bao-so-3.html',
    title: 'Bão số 3 đổ bộ Quảng Ninh',
    body: 'Chiều 7/9, bão số 3 đổ bộ vào Quảng Ninh, gió giật cấp 14.',
  }),
];

describe('saveDrafts', () => {
  it('summarises an item only when it is new or its text changed, not on every poll', () => {
    t = openTempStore();
    const extractor = countingExtractor();
    const deps = { store: t.store, extractor, logger: silentLogger };
    expect(saveDrafts(drafts, null, deps).map((o) => o.status)).toEqual(['inserted', 'inserted']);
    expect(extractor.asked).toHaveLength(2);

    // The next poll sees the same two items: nothing to summarise.
    expect(saveDrafts(drafts, null, deps).map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
    expect(extractor.asked).toHaveLength(2);

    // A correction to one of them is summarised again, and the stored summary follows the text.
    const corrected = { ...drafts[1]!, body: 'Chiều 7/9, bão số 3 đổ bộ vào Hải Phòng, gió giật cấp 14.' };
    const [, second] = saveDrafts([drafts[0]!, corrected], null, deps);
    expect(second?.status).toBe('updated');
    expect(extractor.asked).toEqual([drafts[0]!.title, drafts[1]!.title, corrected.title]);
    expect(t.store.getArticle(second!.id)?.summary?.where).toContain('Hải Phòng');
  });
});
