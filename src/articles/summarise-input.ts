import type { ArticleDraft, Extraction } from '../domain.ts';
import type { Fetcher } from '../ports.ts';
import { loadSource } from '../ingest/load-source.ts';

export interface SourceDeps {
  readonly fetcher: Fetcher;
  readonly readFile: (path: string) => Promise<Buffer>;
  readonly readStdin: () => Promise<Buffer>;
}

/** The drafts one CLI/command input stands for: one article, or every item of a feed. */
export async function draftsOf(
  input: string,
  deps: SourceDeps,
): Promise<{ drafts: ArticleDraft[]; feedUrl: string | null; title: string | null }> {
  const source = await loadSource(input, deps);
  return source.kind === 'feed'
    ? { drafts: source.drafts, feedUrl: source.feedUrl, title: source.title }
    : { drafts: [source.draft], feedUrl: null, title: null };
}

/** The `summarize --json` contract: exactly these keys, in this order. */
export const toContractJson = (draft: ArticleDraft, e: Extraction): string =>
  JSON.stringify({
    title: draft.title,
    lang: draft.lang,
    who: e.who,
    what: e.what,
    when: { text: e.when.text, date: e.when.date },
    where: e.where,
  });
