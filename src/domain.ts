/** The core's data: plain, readonly, platform-neutral. */

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** A clean article ready to store: what every ingest path (feed item, page, file) produces. */
export interface ArticleDraft {
  readonly title: string;
  /** Clean body text: paragraphs separated by a blank line, NFC, boilerplate removed. */
  readonly body: string;
  readonly lang: Lang;
  /** ISO 8601 (with offset when known), or null when the source gives none. */
  readonly publishedAt: string | null;
  /** Canonical URL (tracking parameters and fragment dropped), or null for pasted text. */
  readonly url: string | null;
  /** The feed's guid/id for the item, when it came from a feed. */
  readonly guid: string | null;
  /** The outlet, e.g. "VnExpress" or the host name; null when unknown. */
  readonly source: string | null;
}

export interface Article extends ArticleDraft {
  readonly id: number;
  readonly feedId: number | null;
  /** When bantin stored it (ISO). Used for ordering when publishedAt is missing. */
  readonly fetchedAt: string;
}

/** Input of the who/what/when/where extractor. */
export interface ExtractInput {
  readonly title: string;
  readonly body: string;
  readonly lang: Lang;
  readonly publishedAt: string | null;
  readonly url: string | null;
}

/** The four answers. Unknown is an empty list / null, never a guess. */
export interface Extraction {
  readonly who: readonly string[];
  readonly what: string;
  readonly when: { readonly text: string | null; readonly date: string | null };
  readonly where: readonly string[];
  /** The sentence each answer came from, so a reply can show evidence. */
  readonly evidence: {
    readonly who?: string;
    readonly what?: string;
    readonly when?: string;
    readonly where?: string;
  };
}

export interface Summary extends Extraction {
  readonly articleId: number;
  readonly extractorVersion: string;
}

export interface Feed {
  readonly id: number;
  readonly url: string;
  readonly title: string | null;
  /** null = a default/global feed; otherwise the chat that added it. */
  readonly addedBy: string | null;
  readonly lastFetchedAt: string | null;
  readonly lastError: string | null;
  readonly failures: number;
  readonly nextFetchAt: string | null;
}

export type Platform = 'telegram' | 'discord' | 'terminal';

/** A chat on some platform; `key` is "<platform>:<id>" and is what the store uses. */
export interface ChatRef {
  readonly platform: Platform;
  readonly id: string;
}

export const chatKey = (chat: ChatRef): string => `${chat.platform}:${chat.id}`;

/** The inverse of chatKey: "telegram:-100123" -> { platform: 'telegram', id: '-100123' }. */
export const parseChatKey = (key: string): ChatRef => {
  const i = key.indexOf(':');
  return { platform: key.slice(0, i) as Platform, id: key.slice(i + 1) };
};

export interface ChatSettings {
  readonly lang: Lang;
  readonly timezone: string;
  /** Send a short "nothing new" message when a scheduled digest is empty (default false). */
  readonly notifyEmpty?: boolean;
}

export interface Subscription {
  readonly id: number;
  readonly chatKey: string;
  readonly schedule: string;
  readonly filter: string | null;
  readonly paused: boolean;
  readonly createdAt: string;
  readonly lastDigestAt: string | null;
}
