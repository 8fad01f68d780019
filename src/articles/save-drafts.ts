import type { ArticleDraft, ExtractInput, Extraction } from '../domain.ts';
import type { Logger } from '../ports.ts';
import type { SaveOutcome, Store } from '../store.ts';
import { contentFingerprint } from '../ingest/canonical-url.ts';

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
 * Summarises and stores drafts in one transaction. The extractor is pure and fast (title + lead),
 * so running it before the write keeps the transaction short. An extractor bug on one article
 * must not lose the article: it is stored with an empty summary and the error logged.
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

export function saveDrafts(
  drafts: readonly ArticleDraft[],
  feedId: number | null,
  deps: SaveDeps,
): SaveOutcome[] {
  const inputs = drafts.map((draft) => ({
    draft,
    feedId,
    fingerprint: contentFingerprint(draft.title, draft.body),
    extraction: summariseDraft(draft, deps),
    extractorVersion: deps.extractor.version,
  }));
  return deps.store.saveArticles(inputs);
}
