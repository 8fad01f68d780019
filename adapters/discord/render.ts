/**
 * Reply → Discord message bodies (REST JSON, snake_case), each within Discord's limits. Cards
 * become embeds; headings and paragraphs become message content. Discord v14 has no splitter,
 * so packing and truncation live here, measured in UTF-16 units (never fewer than Discord's
 * own count, so a part that passes here passes there).
 */
import { escapeMarkdown } from 'discord.js';
import type { Block, Reply, Span, SummaryCard } from '../../src/reply.ts';

/** Discord's published per-message limits. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
} as const;

/** A footer is "source · time · #id": a short cap leaves the 6000 budget to the content. */
const FOOTER_CAP = 256;

/** Embed JSON as the REST API takes it (only the parts bantin uses). */
export interface DiscordEmbedField {
  readonly name: string;
  readonly value: string;
  readonly inline: boolean;
}

/** A card as an embed: the title is plain text; description and field values are Markdown. */
export interface DiscordEmbed {
  readonly title: string;
  readonly url?: string;
  readonly description?: string;
  readonly fields: readonly DiscordEmbedField[];
  readonly footer?: { readonly text: string };
}

/** One message body for `POST /channels/:id/messages` (and interaction replies). */
export interface DiscordMessagePart {
  readonly content?: string;
  readonly embeds?: readonly DiscordEmbed[];
  /** Always empty: bot output never pings anyone, whatever a headline says. */
  readonly allowed_mentions: { readonly parse: readonly [] };
  /** 4 = SUPPRESS_EMBEDS, set on text-only parts so bare URLs do not unfurl. */
  readonly flags?: number;
}

/**
 * escapeMarkdown's italic rule is quadratic on long words (measured: 105 ms for a 2000-letter
 * word, so minutes for a hostile 100 KB one by extrapolation), so `*` and `_` are escaped here instead: all of
 * them, which Discord renders the same. Placeholders keep escapeMarkdown from seeing them.
 */
const MARKDOWN_OPTIONS = {
  bold: false,
  italic: false,
  underline: false,
  heading: true,
  bulletedList: true,
  numberedList: true,
  // Its maskedLink rule escapes only a line's first "[": brackets are escaped below instead.
  maskedLink: false,
} as const;
const STAR = '\uE000';
const UNDERSCORE = '\uE001';

/**
 * Escapes article text for Markdown contexts (content, descriptions, field values): headings,
 * lists, masked links, block quotes (escapeMarkdown leaves ">" alone) and every inline marker.
 */
export function escapeDiscord(text: string): string {
  const marked = text
    .replace(/[\uE000\uE001]/g, '')
    .replaceAll('*', STAR)
    .replaceAll('_', UNDERSCORE);
  return escapeMarkdown(marked, MARKDOWN_OPTIONS)
    .replace(/^(\s*)>/gm, '$1\\>')
    .replace(/[[\]]/g, '\\$&')
    .replaceAll(STAR, '\\*')
    .replaceAll(UNDERSCORE, '\\_');
}

/** Cuts to at most `max` UTF-16 units with an ellipsis, never inside a surrogate pair or an escape. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let head = text.slice(0, cut);
  // An odd run of trailing backslashes would escape the ellipsis and leave a dangling marker.
  const slashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (slashes % 2 === 1) head = head.slice(0, -1);
  return `${head}…`;
}

const isHttpUrl = (url: string): boolean => /^https?:\/\/\S+$/i.test(url);
/** Parentheses would end a Markdown link early. */
const linkTarget = (url: string): string => url.replace(/\(/g, '%28').replace(/\)/g, '%29');

function renderSpan(span: Span, linkPreview: boolean): string {
  switch (span.kind) {
    case 'text':
      return escapeDiscord(span.text);
    case 'bold':
      return `**${escapeDiscord(span.text)}**`;
    case 'italic':
      return `*${escapeDiscord(span.text)}*`;
    case 'code':
      return `\`${span.text.replace(/`/g, 'ˋ')}\``;
    case 'link': {
      if (!isHttpUrl(span.url)) return escapeDiscord(span.text);
      const target = linkPreview ? linkTarget(span.url) : `<${linkTarget(span.url)}>`;
      return `[${escapeDiscord(span.text)}](${target})`;
    }
  }
}

const embedSize = (e: DiscordEmbed): number =>
  e.title.length +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);

/** Source links, one per line, dropping whole lines past the limit. */
function linksDescription(card: SummaryCard, max: number): string | undefined {
  const lines: string[] = [];
  let used = 0;
  for (const [i, l] of card.links.entries()) {
    if (!isHttpUrl(l.url)) continue;
    const line = `• [${escapeDiscord(truncate(l.text, 200))}](${linkTarget(l.url)})`;
    const more = `… +${card.links.length - i}`;
    if (used + line.length + 1 + more.length + 1 > max) {
      lines.push(more);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.length === 0 ? undefined : lines.join('\n');
}

/** One card as one embed, within every per-embed limit and the 6000-character total. */
export function cardToEmbed(card: SummaryCard): DiscordEmbed {
  const footerText = truncate(
    [card.footer, card.articleId === null ? '' : `#${card.articleId}`].filter((s) => s !== '').join(' · '),
    FOOTER_CAP,
  );
  let description = linksDescription(card, DISCORD_LIMITS.description);
  let fields = card.fields.slice(0, DISCORD_LIMITS.fields).map((f) => ({
    name: truncate(escapeDiscord(f.label.trim() === '' ? '—' : f.label), DISCORD_LIMITS.fieldName),
    value: truncate(escapeDiscord(f.value.trim() === '' ? '—' : f.value), DISCORD_LIMITS.fieldValue),
    inline: false,
  }));
  const build = (): DiscordEmbed => ({
    title: truncate(card.title.trim() === '' ? '—' : card.title, DISCORD_LIMITS.title),
    ...(card.url !== null && isHttpUrl(card.url) ? { url: card.url } : {}),
    ...(description === undefined ? {} : { description }),
    fields,
    ...(footerText === '' ? {} : { footer: { text: footerText } }),
  });
  let embed = build();
  // Over budget only with many long fields: shrink the longest text until it fits.
  for (
    let excess = embedSize(embed) - DISCORD_LIMITS.embedTotal;
    excess > 0;
    excess = embedSize(embed) - DISCORD_LIMITS.embedTotal
  ) {
    const longestField = fields.reduce(
      (best, f, i) => (f.value.length > (fields[best]?.value.length ?? 0) ? i : best),
      0,
    );
    const fieldLen = fields[longestField]?.value.length ?? 0;
    if ((description?.length ?? 0) >= fieldLen && description !== undefined) {
      description =
        description.length - excess > 1 ? truncate(description, description.length - excess) : undefined;
    } else {
      fields = fields.map((f, i) =>
        i === longestField ? { ...f, value: truncate(f.value, Math.max(1, f.value.length - excess)) } : f,
      );
      if (fieldLen <= 1) fields = fields.slice(0, -1);
    }
    embed = build();
  }
  return embed;
}

/** Lines of content, each ≤ 2000 (a longer line is cut into pieces). */
function contentLines(block: Exclude<Block, SummaryCard>, linkPreview: boolean): string[] {
  const text =
    block.kind === 'heading'
      ? `**${escapeDiscord(block.text)}**`
      : block.spans.map((s) => renderSpan(s, linkPreview)).join('');
  const out: string[] = [];
  for (let line of text.split('\n')) {
    while (line.length > DISCORD_LIMITS.content) {
      let cut = DISCORD_LIMITS.content;
      const code = line.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
      const piece = line.slice(0, cut);
      const space = piece.lastIndexOf(' ');
      if (space > DISCORD_LIMITS.content / 2) cut = space + 1;
      out.push(line.slice(0, cut));
      line = line.slice(cut);
    }
    out.push(line);
  }
  return out;
}

/**
 * Renders a reply as ordered message bodies: content and embeds packed greedily, a new message
 * whenever content would pass 2000 characters, embeds would pass 10 or 6000 characters, or text
 * follows embeds (content always shows above embeds, so order would otherwise change).
 */
export function renderDiscord(reply: Reply): DiscordMessagePart[] {
  const linkPreview = reply.linkPreview === true;
  const parts: DiscordMessagePart[] = [];
  let lines: string[] = [];
  let contentLength = 0;
  let embeds: DiscordEmbed[] = [];
  let embedChars = 0;
  const flush = (): void => {
    const content = lines.join('\n');
    if (content.trim() !== '' || embeds.length > 0) {
      parts.push({
        ...(content.trim() === '' ? {} : { content }),
        ...(embeds.length === 0 ? {} : { embeds }),
        allowed_mentions: { parse: [] },
        ...(embeds.length === 0 && !linkPreview ? { flags: 4 } : {}),
      });
    }
    lines = [];
    contentLength = 0;
    embeds = [];
    embedChars = 0;
  };
  for (const block of reply.blocks) {
    if (block.kind === 'card') {
      const embed = cardToEmbed(block);
      const size = embedSize(embed);
      if (embeds.length >= DISCORD_LIMITS.embedsPerMessage || embedChars + size > DISCORD_LIMITS.embedTotal)
        flush();
      embeds.push(embed);
      embedChars += size;
      continue;
    }
    if (embeds.length > 0) flush();
    for (const line of contentLines(block, linkPreview)) {
      const added = (lines.length === 0 ? 0 : 1) + line.length;
      if (contentLength + added > DISCORD_LIMITS.content) flush();
      contentLength += (lines.length === 0 ? 0 : 1) + line.length;
      lines.push(line);
    }
  }
  flush();
  return parts;
}
