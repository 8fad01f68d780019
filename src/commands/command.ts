import type { ChatSettings } from '../domain.ts';
import type { Clock, Logger } from '../ports.ts';
import type { Store, StoredArticle } from '../store.ts';
import type { Feed } from '../domain.ts';
import type { Reply } from '../reply.ts';
import type { CommandContext, CommandInfo } from './types.ts';
import type { TopStories } from '../digest/top-stories.ts';

/** What the commands need, passed in by main.ts (and by tests, with real pieces). */
export interface CommandDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly defaults: ChatSettings;
  readonly digestMaxItems: number;
  /** Fetches a page (or feed item) URL, stores and summarises it. */
  summariseUrl(url: string): Promise<StoredArticle>;
  /** Checks that the URL is a feed, stores it and its items. */
  addFeed(url: string, addedBy: string | null): Promise<{ feed: Feed; created: boolean; articles: number }>;
  /** Called after a chat's subscriptions or time zone change, so the scheduler re-plans. */
  onSubscriptionsChanged(): void;
  /** Composes this chat's digest now and delivers it (through the outbox when one is wired). */
  digestNow(chatKey: string, settings: ChatSettings): Promise<Reply>;
  /** Place aliases for filters (old province -> new), folded. */
  readonly placeAliases?: ReadonlyMap<string, readonly string[]>;
  /** Today's top stories kept between commands (main.ts); without it /summary computes them each time. */
  readonly topStories?: TopStories;
}

export interface Command {
  readonly info: CommandInfo;
  run(ctx: CommandContext, deps: CommandDeps): Promise<Reply> | Reply;
  /** Whether these arguments change chat state; defaults to info.managesChat. */
  needsManage?(args: string): boolean;
}
