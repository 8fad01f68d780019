import type { Feed } from '../domain.ts';
import type { Clock, Fetcher, Logger } from '../ports.ts';
import type { Store } from '../store.ts';
import { userMessage } from '../errors.ts';
import { fetchFeedDrafts } from './fetch-feed.ts';
import { saveDrafts, type Extractor } from '../articles/save-drafts.ts';

export interface FeedPollerDeps {
  readonly store: Store;
  readonly fetcher: Fetcher;
  readonly extractor: Extractor;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Normal interval between polls of one feed (FEED_POLL_INTERVAL). */
  readonly intervalMs: number;
  /** Feeds fetched at once; more would only queue on the same 2 cores. */
  readonly concurrency?: number;
}

/** Longest wait between tries of a failing feed. */
export const MAX_BACKOFF_MS = 6 * 3_600_000;

/** The wait after the n-th consecutive failure: interval · 2^(n-1), capped. */
export const backoffMs = (intervalMs: number, failures: number): number =>
  Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.max(0, failures - 1));

export interface FeedPoller {
  /** Polls every due feed once; resolves when all are done. Never rejects. */
  pollDue(): Promise<{ polled: number; failed: number; articles: number }>;
  /** Polls one feed now (e.g. just added); throws the feed's error. */
  pollFeed(feed: Feed): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Polls feeds in the background. Each feed has its own schedule in the store (next_fetch_at),
 * so an unreachable feed backs off alone and never delays the others, the commands or start-up.
 */
export function createFeedPoller(deps: FeedPollerDeps): FeedPoller {
  const concurrency = deps.concurrency ?? 4;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  // Aborts in-flight fetches on stop, so shutdown never waits for a slow feed's timeout.
  let abort = new AbortController();

  const pollFeed = async (feed: Feed): Promise<number> => {
    const { title, drafts } = await fetchFeedDrafts(feed.url, deps.fetcher, abort.signal);
    if (stopped) return 0;
    const outcomes = saveDrafts(drafts, feed.id, deps);
    const next = new Date(deps.clock.now().getTime() + deps.intervalMs).toISOString();
    deps.store.recordFeedFetch(feed.id, { ok: true, title, nextFetchAt: next });
    return outcomes.filter((o) => o.status !== 'unchanged').length;
  };

  const pollOne = async (feed: Feed): Promise<{ ok: boolean; articles: number }> => {
    try {
      const articles = await pollFeed(feed);
      if (feed.failures > 0) deps.logger.info({ feed: feed.url }, 'feed reachable again');
      return { ok: true, articles };
    } catch (e) {
      if (stopped) return { ok: false, articles: 0 };
      const failures = feed.failures + 1;
      const wait = backoffMs(deps.intervalMs, failures);
      const next = new Date(deps.clock.now().getTime() + wait).toISOString();
      deps.store.recordFeedFetch(feed.id, { ok: false, error: userMessage(e), nextFetchAt: next });
      deps.logger.warn(
        { feed: feed.url, failures, retryInMin: Math.round(wait / 60_000) },
        `feed failed: ${userMessage(e)}; retry in ${String(Math.round(wait / 60_000))} min`,
      );
      return { ok: false, articles: 0 };
    }
  };

  const pollDue = async (): Promise<{ polled: number; failed: number; articles: number }> => {
    const due = deps.store.dueFeeds(deps.clock.now().toISOString());
    let failed = 0;
    let articles = 0;
    const queue = [...due];
    const worker = async (): Promise<void> => {
      for (let feed = queue.shift(); feed !== undefined && !stopped; feed = queue.shift()) {
        const r = await pollOne(feed);
        if (!r.ok) failed++;
        articles += r.articles;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    return { polled: due.length, failed, articles };
  };

  const tick = (): void => {
    if (stopped || running !== null) return;
    running = pollDue()
      .catch((e: unknown) => deps.logger.error({ err: e }, 'feed polling failed'))
      .finally(() => {
        running = null;
      });
  };

  return {
    pollDue,
    pollFeed,
    start: () => {
      stopped = false;
      abort = new AbortController();
      tick();
      // Check often for due feeds; each feed's own next_fetch_at decides whether it is polled.
      timer = setInterval(tick, Math.min(deps.intervalMs, 30_000));
      timer.unref();
    },
    stop: async () => {
      stopped = true;
      abort.abort(new Error('bantin is shutting down'));
      if (timer !== null) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
