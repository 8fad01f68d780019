import { openTempStore, manualClock, type TempStore } from './temp-db.ts';
import { createCommandRouter } from '../../src/commands/router.ts';
import { createSafeFetcher } from '../../src/ingest/safe-fetch.ts';
import { saveDrafts, type Extractor } from '../../src/articles/save-drafts.ts';
import { draftsOf } from '../../src/articles/summarise-input.ts';
import { fetchFeedDrafts } from '../../src/feeds/fetch-feed.ts';
import { createDigestService } from '../../src/digest/digest-service.ts';
import { createOutboxSender } from '../../src/digest/outbox-sender.ts';
import { createScheduler, type Scheduler } from '../../src/scheduler.ts';
import { extract, EXTRACTOR_VERSION } from '../../src/extract/extract.ts';
import { silentLogger } from '../../src/ports.ts';
import { NotFoundError } from '../../src/errors.ts';
import type { Attachment, CommandRequest, CommandRouter } from '../../src/commands/types.ts';
import type { ChatRef, Platform } from '../../src/domain.ts';
import type { Messenger } from '../../src/delivery.ts';
import type { Reply } from '../../src/reply.ts';
import { renderPlain } from '../../adapters/terminal/render.ts';

export interface CoreHarness extends TempStore {
  readonly router: CommandRouter;
  readonly clock: ReturnType<typeof manualClock>;
  readonly extractor: Extractor;
  readonly messengers: Map<Platform, Messenger>;
  readonly digests: ReturnType<typeof createDigestService>;
  readonly outbox: ReturnType<typeof createOutboxSender>;
  readonly scheduler: Scheduler;
  /** Sends a command line like "/summary 3" as the given chat; returns the plain-text reply. */
  say(line: string, options?: AskOptions): Promise<string>;
  ask(line: string, options?: AskOptions): Promise<Reply>;
}

export interface AskOptions {
  readonly chat?: ChatRef;
  readonly admin?: boolean;
  /** A file sent with the command, as an adapter would pass it. */
  readonly attachment?: Attachment;
}

/** The real core (store, fetcher on loopback, extractor, router, digests) wired as main.ts does. */
export function startCore(options: { now?: string } = {}): CoreHarness {
  const clock = manualClock(options.now ?? '2024-06-02T01:00:00.000Z');
  const t = openTempStore(clock);
  const store = t.store;
  const fetcher = createSafeFetcher({ allowPrivateNetwork: true, timeoutMs: 5_000 });
  const extractor: Extractor = { version: EXTRACTOR_VERSION, extract };
  const logger = silentLogger;
  const defaults = { lang: 'vi' as const, timezone: 'Asia/Ho_Chi_Minh' };
  const messengers = new Map<Platform, Messenger>();
  const outbox = createOutboxSender({ store, clock, logger, messengers, sleep: () => Promise.resolve() });
  const digests = createDigestService({ store, clock, logger, messengers, outbox, defaults, maxItems: 10 });
  const scheduler = createScheduler({ store, clock, logger, digests, defaults });
  const sourceDeps = {
    fetcher,
    readFile: () => Promise.reject(new Error('no files')),
    readStdin: () => Promise.resolve(Buffer.alloc(0)),
  };
  const router = createCommandRouter({
    store,
    clock,
    logger,
    defaults,
    digestMaxItems: 10,
    summariseUrl: async (url) => {
      const { drafts } = await draftsOf(url, sourceDeps);
      const [first] = saveDrafts(drafts, null, { store, extractor, logger });
      const stored = first !== undefined ? store.getArticle(first.id) : null;
      if (stored === null) throw new NotFoundError('nothing there');
      return stored;
    },
    addFeed: async (url, addedBy) => {
      const { drafts } = await fetchFeedDrafts(url, fetcher);
      const { feed, created } = store.addFeed(url, addedBy);
      saveDrafts(drafts, feed.id, { store, extractor, logger });
      return { feed, created, articles: drafts.length };
    },
    onSubscriptionsChanged: () => scheduler.reload(),
    digestNow: (key, settings) => Promise.resolve(digests.digestNow(key, settings)),
  });
  const ask = (line: string, o: AskOptions = {}): Promise<Reply> => {
    const m = /^\/(\w+)\s*([\s\S]*)$/.exec(line);
    const request: CommandRequest = {
      name: m?.[1] ?? '',
      args: (m?.[2] ?? '').trim(),
      chat: o.chat ?? { platform: 'telegram', id: '42' },
      user: { id: '7' },
      canManage: () => Promise.resolve(o.admin ?? true),
      ...(o.attachment === undefined ? {} : { attachment: o.attachment }),
    };
    return router.handle(request);
  };
  return {
    ...t,
    router,
    clock,
    extractor,
    messengers,
    digests,
    outbox,
    scheduler,
    close: () => {
      scheduler.stop();
      t.close();
    },
    ask,
    say: async (line, o) => renderPlain(await ask(line, o)),
  };
}
