import type { ArticleDraft } from '../domain.ts';
import type { Fetcher } from '../ports.ts';
import { ParseError } from '../errors.ts';
import { decodeBody } from '../ingest/decode.ts';
import { parseFeed } from '../ingest/feed-parser.ts';
import { feedItemToDraft } from '../ingest/load-source.ts';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** Fetches and parses one feed into drafts. Throws FetchError / ParseError with a one-line message. */
export async function fetchFeedDrafts(
  url: string,
  fetcher: Fetcher,
  signal?: AbortSignal,
): Promise<{ title: string | null; drafts: ArticleDraft[] }> {
  const res = await fetcher.fetch(url, { accept: FEED_ACCEPT, ...(signal !== undefined ? { signal } : {}) });
  const text = decodeBody(res.body, res.contentType);
  const feed = parseFeed(text, res.url);
  if (feed.items.length === 0 && feed.title === null)
    throw new ParseError(`not a valid RSS, Atom or JSON feed: ${url}`);
  return { title: feed.title, drafts: feed.items.map((item) => feedItemToDraft(item, feed, res.url)) };
}
