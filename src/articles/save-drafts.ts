import type { ArticleDraft, ExtractInput, Extraction } from '../domain.ts';
import type { Logger } from '../ports.ts';
import type { SaveOutcome, Store } from '../store.ts';
import { fingerprintOfFolded } from '../ingest/canonical-url.ts';
import { foldAccents } from '../text/vietnamese.ts';

export interface Extractor {
  readonly version: string;
  extract(input: ExtractInput): Extraction;
}

export interface SaveDeps {
  readonly store: Store;
  readonly extractor: Extractor;
  readonly logger: Logger;
}

const NOTHING: Extraction = { who: [], what: '', when: { text: null, date: null }, where: [], evidence: {} };

/**
 * Summarises an article for the store. An extractor bug on one article must not lose the
 * article: it is stored with an empty summary and the error logged.
 */
export function summariseDraft(
  draft: ArticleDraft,
  deps: Pick<SaveDeps, 'extractor' | 'logger'>,
): Extraction {
  try {
    return deps.extractor.extract({
      title: draft.title,
      body: draft.body,
      lang: draft.lang,
      publishedAt: draft.publishedAt,
      url: draft.url,
    });
  } catch (e) {
    deps.logger.error(
      { err: e, url: draft.url, title: draft.title },
      'extractor failed; stored without summary',
    );
    return NOTHING;
  }
}

/**
 * Stores a feed's drafts in one transaction. The store summarises a draft only when it is new or
 * its text changed: a poll mostly sees items it already has, and extracting them again was most
 * of a re-poll's cost (1.71 → 0.77–0.83 ms CPU an item for 2,000 unchanged items).
 */
export function saveDrafts(
  drafts: readonly ArticleDraft[],
  feedId: number | null,
  deps: SaveDeps,
): SaveOutcome[] {
  const inputs = drafts.map((draft) => {
    // Folded once: the fingerprint and the search index both want it.
    const folded = { title: foldAccents(draft.title), body: foldAccents(draft.body) };
    return {
      draft,
      feedId,
      fingerprint: fingerprintOfFolded(folded.title, folded.body),
      extraction: () => summariseDraft(draft, deps),
      extractorVersion: deps.extractor.version,
      folded,
    };
  });
  // One transaction for the whole feed (saveArticles), not one per item.
  return deps.store.saveArticles(inputs);
}
