import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTempStore, manualClock, type TempStore } from '../helpers/temp-db.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { createFeedPoller, backoffMs, MAX_BACKOFF_MS } from '../../src/feeds/feed-poller.ts';
import { createSafeFetcher } from '../../src/ingest/safe-fetch.ts';
import { extract, EXTRACTOR_VERSION } from '../../src/extract/extract.ts';
import { readOpmlFeeds, writeOpmlFeeds } from '../../src/feeds/opml.ts';
import type { Logger } from '../../src/ports.ts';

const clock = manualClock('2024-06-01T00:00:00.000Z');
let server: FixtureServer;
let t: TempStore;
let lines: string[];

const logger: Logger = {
  debug: () => undefined,
  info: (o, m) => void lines.push(typeof o === 'string' ? o : (m ?? '')),
  warn: (o, m) => void lines.push(typeof o === 'string' ? o : (m ?? '')),
  error: (o, m) => void lines.push(typeof o === 'string' ? o : (m ?? '')),
  child: () => logger,
};

beforeAll(async () => {
  server = await startFixtureServer({
    '/good.rss': { file: 'feeds/vnexpress-thoi-su.rss', headers: { 'content-type': 'application/rss+xml' } },
    '/broken.xml': { file: 'feeds/malformed.xml', headers: { 'content-type': 'application/xml' } },
    '/gone.rss': { status: 404, body: 'not here' },
  });
});
afterAll(() => server.close());
beforeEach(() => {
  lines = [];
  clock.set('2024-06-01T00:00:00.000Z');
  t = openTempStore(clock);
});
afterEach(() => t.close());

const poller = () =>
  createFeedPoller({
    store: t.store,
    fetcher: createSafeFetcher({ allowPrivateNetwork: true, timeoutMs: 5000 }),
    extractor: { version: EXTRACTOR_VERSION, extract },
    clock,
    logger,
    intervalMs: 600_000,
  });

describe('feed polling', () => {
  it('backs off exponentially per failing feed while the others go on', async () => {
    const good = t.store.addFeed(server.url('/good.rss'), null).feed;
    const gone = t.store.addFeed(server.url('/gone.rss'), null).feed;
    const broken = t.store.addFeed(server.url('/broken.xml'), null).feed;
    const p = poller();
    const first = await p.pollDue();
    expect(first).toMatchObject({ polled: 3, failed: 2 });
    expect(first.articles).toBeGreaterThan(0);
    expect(t.store.getFeed(good.id)).toMatchObject({
      failures: 0,
      lastError: null,
      nextFetchAt: '2024-06-01T00:10:00.000Z',
    });
    expect(t.store.getFeed(gone.id)).toMatchObject({ failures: 1, nextFetchAt: '2024-06-01T00:10:00.000Z' });
    expect(t.store.getFeed(gone.id)?.lastError).toContain('404');
    expect(t.store.getFeed(broken.id)?.failures).toBe(1);
    // one log line per failing feed per step
    expect(lines.filter((l) => l.includes('feed failed'))).toHaveLength(2);

    clock.advance(600_000);
    await p.pollDue();
    expect(t.store.getFeed(gone.id)).toMatchObject({ failures: 2, nextFetchAt: '2024-06-01T00:30:00.000Z' });
    clock.advance(600_000); // 00:20: the failing feeds are not due yet, the good one is
    const third = await p.pollDue();
    expect(third).toMatchObject({ polled: 1, failed: 0 });
  });

  it('computes the backoff: interval, doubled per failure, capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(600_000, n))).toEqual([
      600_000, 1_200_000, 2_400_000, 4_800_000,
    ]);
    expect(backoffMs(600_000, 40)).toBe(MAX_BACKOFF_MS);
  });

  it('stores a re-fetched item once', async () => {
    t.store.addFeed(server.url('/good.rss'), null);
    const p = poller();
    await p.pollDue();
    const n = t.store.countArticles();
    clock.advance(600_000);
    const again = await p.pollDue();
    expect(again.articles).toBe(0);
    expect(t.store.countArticles()).toBe(n);
  });
});

describe('OPML', () => {
  it('round-trips feeds, flattening folders', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="Việt Nam"><outline text="VnExpress" type="rss" xmlUrl="https://vnexpress.net/rss/thoi-su.rss"/>
      <outline text="Tuổi Trẻ" type="rss" xmlUrl="https://tuoitre.vn/rss/thoi-su.rss"/></outline>
      <outline text="dup" xmlUrl="https://vnexpress.net/rss/thoi-su.rss"/></body></opml>`;
    const feeds = readOpmlFeeds(opml);
    expect(feeds.map((f) => f.url)).toEqual([
      'https://vnexpress.net/rss/thoi-su.rss',
      'https://tuoitre.vn/rss/thoi-su.rss',
    ]);
    for (const f of feeds) t.store.addFeed(f.url, null);
    const out = writeOpmlFeeds(t.store.listFeeds());
    expect(readOpmlFeeds(out).map((f) => f.url)).toEqual(feeds.map((f) => f.url));
    expect(() => readOpmlFeeds('<html>no</html>')).toThrow(/OPML/);
  });
});
