import type { ChatSettings } from '../domain.ts';
import type { Store, StoredArticle } from '../store.ts';
import type { Block, Reply } from '../reply.ts';
import { toCard, hostOf } from '../commands/summary-card.ts';
import { formatDate, t } from '../commands/i18n.ts';
import { groupEvents, type NewsEvent } from './group-events.ts';
import { matchesFilter, parseFilter } from './filter.ts';

/** How far back a digest looks after long downtime. */
export const MAX_DIGEST_WINDOW_MS = 48 * 3_600_000;
/** Newest stories a digest considers; grouping compares pairs, so this bounds its cost. */
const CANDIDATES = 500;

export interface DigestRequest {
  readonly chatKey: string;
  readonly settings: ChatSettings;
  /** Stories published since this time (ISO); bounded to MAX_DIGEST_WINDOW_MS before `now`. */
  readonly since: string | null;
  readonly now: Date;
  readonly maxItems: number;
  readonly filter: string | null;
  readonly late?: boolean;
  readonly placeAliases?: ReadonlyMap<string, readonly string[]>;
}

export interface ComposedDigest {
  readonly events: readonly NewsEvent[];
  /** Every article the digest carries (all sources of every event), for delivered-once bookkeeping. */
  readonly articleIds: readonly number[];
  readonly reply: Reply;
}

/**
 * Selects what a chat has not seen since `since`, groups it into events, ranks events by how
 * many sources carry them and then by recency, and renders the digest. Pure apart from reads.
 */
export function composeDigest(store: Store, req: DigestRequest): ComposedDigest {
  const floor = req.now.getTime() - MAX_DIGEST_WINDOW_MS;
  const sinceMs = Math.max(
    floor,
    req.since !== null ? Date.parse(req.since) : req.now.getTime() - 24 * 3_600_000,
  );
  const filter = parseFilter(req.filter);
  const fresh = store
    .since(new Date(sinceMs).toISOString(), CANDIDATES)
    .filter((x) => matchesFilter(x, filter, req.placeAliases));
  const seen = store.deliveredTo(
    req.chatKey,
    fresh.map((x) => x.article.id),
  );
  const unseen = fresh.filter((x) => !seen.has(x.article.id));
  const events = rankEvents(groupEvents(unseen)).slice(0, req.maxItems);
  const articleIds = events.flatMap((e) => e.articles.map((a) => a.article.id));
  return { events, articleIds, reply: renderDigest(events, req) };
}

const timeOf = (x: StoredArticle): number => Date.parse(x.article.publishedAt ?? x.article.fetchedAt) || 0;

export const rankEvents = (events: readonly NewsEvent[]): NewsEvent[] =>
  [...events].sort(
    (a, b) =>
      b.articles.length - a.articles.length ||
      Math.max(...b.articles.map(timeOf)) - Math.max(...a.articles.map(timeOf)),
  );

export function renderDigest(events: readonly NewsEvent[], req: DigestRequest): Reply {
  const m = t(req.settings.lang);
  const day = formatDate(req.now.toISOString(), req.settings.timezone);
  const heading = `${m.digestTitle(day, events.length)}${req.late === true ? ` ${m.digestLate}` : ''}`;
  const blocks: Block[] = [{ kind: 'heading', text: heading }];
  for (const e of events) {
    const extraLinks = e.articles
      .filter((a) => a !== e.lead && a.article.url !== null)
      .map((a) => ({
        text: a.article.source ?? hostOf(a.article.url ?? '') ?? 'link',
        url: a.article.url ?? '',
      }));
    blocks.push(toCard(e.lead, { lang: req.settings.lang, timezone: req.settings.timezone, extraLinks }));
  }
  return { blocks, linkPreview: false };
}
