/** The storage port. db/sqlite-store.ts implements it; the core only sees this interface. */
import type {
  Article,
  ArticleDraft,
  ChatSettings,
  Extraction,
  Feed,
  Lang,
  Subscription,
  Summary,
} from './domain.ts';
import type { OutboxStore } from './digest/outbox.ts';
import type { LeaseStore } from './lease.ts';

export interface SaveArticleInput {
  readonly draft: ArticleDraft;
  readonly feedId: number | null;
  readonly fingerprint: string;
  /**
   * The summary, or how to make it: a function is called only when the article is inserted or
   * its text changed, so an item seen again on every poll costs no extraction.
   */
  readonly extraction: Extraction | (() => Extraction);
  readonly extractorVersion: string;
  /** Title and body folded with foldAccents, when the caller has them (else the store folds). */
  readonly folded?: { readonly title: string; readonly body: string };
}

/** inserted: new; updated: same article (url, guid or text) whose content changed; unchanged. */
export type SaveOutcome = { readonly id: number; readonly status: 'inserted' | 'updated' | 'unchanged' };

export interface StoredArticle {
  readonly article: Article;
  readonly summary: Summary | null;
}

export interface SearchHit extends StoredArticle {
  /** A short excerpt of the original text with the matches; «» mark the matched words. */
  readonly snippet: string;
}

export interface FeedFetchResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly title?: string | null;
  readonly nextFetchAt: string;
}

export interface NewSubscription {
  readonly chatKey: string;
  readonly schedule: string;
  readonly filter: string | null;
}

export interface Store extends OutboxStore, LeaseStore {
  saveArticle(input: SaveArticleInput): SaveOutcome;
  /** Several articles in one transaction (a feed's items). */
  saveArticles(inputs: readonly SaveArticleInput[]): SaveOutcome[];
  getArticle(id: number): StoredArticle | null;
  findArticleByUrl(url: string): StoredArticle | null;
  /** Newest first by publication (or fetch) time. */
  latest(limit: number): StoredArticle[];
  /** Articles with sort time >= since (ISO), newest first. */
  since(sinceIso: string, limit: number): StoredArticle[];
  /** Accent-insensitive full-text search, best match first. */
  search(query: string, limit: number): SearchHit[];
  countArticles(): number;
  /** Articles whose summary is missing or from another extractor version. */
  staleSummaries(currentVersion: string, limit: number, afterId: number): Article[];
  saveSummary(articleId: number, extraction: Extraction, extractorVersion: string): void;

  listFeeds(): Feed[];
  getFeed(id: number): Feed | null;
  /** Adds a feed (idempotent on URL); returns it and whether it was new. */
  addFeed(url: string, addedBy: string | null): { feed: Feed; created: boolean };
  removeFeed(id: number): boolean;
  dueFeeds(nowIso: string): Feed[];
  recordFeedFetch(id: number, result: FeedFetchResult): void;

  chatSettings(chatKey: string, defaults: ChatSettings): ChatSettings;
  updateChatSettings(
    chatKey: string,
    change: { lang?: Lang; timezone?: string; notifyEmpty?: boolean },
  ): void;
  setChatAvailable(chatKey: string, available: boolean): void;
  isChatAvailable(chatKey: string): boolean;

  addSubscription(sub: NewSubscription): Subscription;
  listSubscriptions(chatKey?: string): Subscription[];
  removeSubscriptions(chatKey: string, id?: number): number;
  markDigestDelivered(subscriptionId: number, slotIso: string, articleIds: readonly number[]): void;
  /** Which of these articles this chat has already received. */
  deliveredTo(chatKey: string, articleIds: readonly number[]): Set<number>;
}
