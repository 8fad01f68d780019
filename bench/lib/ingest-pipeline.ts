/**
 * The feed poller's path from fetched bytes to stored rows — fetchFeedDrafts (decodeBody,
 * parseFeed, feedItemToDraft) then saveDrafts (fingerprint, extract, dedupe, insert, FTS) —
 * with an in-memory Fetcher standing in for the network.
 */
import type { Extractor } from '../../src/articles/save-drafts.ts';
import { saveDrafts } from '../../src/articles/save-drafts.ts';
import { fetchFeedDrafts } from '../../src/feeds/fetch-feed.ts';
import type { Fetcher } from '../../src/ports.ts';
import { silentLogger } from '../../src/ports.ts';
import type { Store } from '../../src/store.ts';
import type { FeedFixture } from './feed-fixture.ts';

/** A Fetcher that serves the fixtures' bytes by URL, as the safe fetcher would return them. */
export function memoryFetcher(feeds: readonly FeedFixture[]): Fetcher {
  const byUrl = new Map(feeds.map((f) => [f.url, f]));
  return {
    fetch(url) {
      const feed = byUrl.get(url);
      if (feed === undefined) return Promise.reject(new Error(`no fixture for ${url}`));
      return Promise.resolve({
        url,
        status: 200,
        contentType: feed.contentType,
        headers: {},
        body: feed.bytes,
      });
    },
  };
}

export interface IngestCounts {
  readonly items: number;
  readonly inserted: number;
}

/** Ingests every fixture feed, one poll each, in order. */
export async function ingestFeeds(
  feeds: readonly FeedFixture[],
  store: Store,
  extractor: Extractor,
): Promise<IngestCounts> {
  const fetcher = memoryFetcher(feeds);
  let items = 0;
  let inserted = 0;
  for (const f of feeds) {
    const { drafts } = await fetchFeedDrafts(f.url, fetcher);
    const feed = store.addFeed(f.url, null).feed;
    const outcomes = saveDrafts(drafts, feed.id, { store, extractor, logger: silentLogger });
    items += drafts.length;
    inserted += outcomes.filter((o) => o.status === 'inserted').length;
  }
  return { items, inserted };
}
