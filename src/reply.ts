/**
 * A reply is platform-neutral data. Adapters render it: Telegram as text + entities, Discord as
 * embeds, the terminal as plain text. Nothing here is markup; any character is literal text.
 */

export type Span =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bold'; readonly text: string }
  | { readonly kind: 'italic'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string };

export interface CardField {
  /** Localised label: "Ai" / "Who" ... */
  readonly label: string;
  /** The answer, or a localised "unknown". */
  readonly value: string;
}

/** One article (or one event with several sources) with its who/what/when/where. */
export interface SummaryCard {
  readonly kind: 'card';
  readonly title: string;
  readonly url: string | null;
  readonly fields: readonly CardField[];
  /** Further sources of the same event (digests); may be empty. */
  readonly links: ReadonlyArray<{ readonly text: string; readonly url: string }>;
  /** Source and time, e.g. "vnexpress.net · 30/12/2020 14:00"; may be empty. */
  readonly footer: string;
  /** Article id in bantin, so users can ask `/summary 42`. */
  readonly articleId: number | null;
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly spans: readonly Span[] }
  | SummaryCard;

/** A file sent with the reply (an OPML export); text only, small. */
export interface ReplyFile {
  readonly name: string;
  readonly mimeType: string;
  readonly content: string;
}

export interface Reply {
  readonly blocks: readonly Block[];
  /** Sent after the blocks as a document/attachment where the platform allows. */
  readonly file?: ReplyFile;
  /** An error or refusal: platforms that can (Discord) show it only to the asker. */
  readonly isError?: boolean;
  /** Link previews would flood a digest; off unless a reply shows one article. */
  readonly linkPreview?: boolean;
}

export const text = (t: string): Span => ({ kind: 'text', text: t });
export const bold = (t: string): Span => ({ kind: 'bold', text: t });
export const link = (t: string, url: string): Span => ({ kind: 'link', text: t, url });
export const paragraph = (...spans: Span[]): Block => ({ kind: 'paragraph', spans });
export const plainReply = (line: string, isError = false): Reply => ({
  blocks: [paragraph(text(line))],
  isError,
});

/** Plain text of a span list (terminal, fallbacks, tests). */
export const spansToText = (spans: readonly Span[]): string =>
  spans.map((s) => (s.kind === 'link' ? `${s.text} (${s.url})` : s.text)).join('');
