/**
 * Renders a platform-neutral Reply as Telegram text + entities. No parse_mode is used, so article
 * text (`<b>`, `&`, `*`, `_`) is shown exactly as written and needs no escaping. Offsets and the
 * length limit are in UTF-16 code units, which is what JavaScript string indices count.
 */
import type { MessageEntity } from 'grammy/types';
import type { Block, Reply, Span, SummaryCard } from '../../src/reply.ts';

/** Telegram's limit for one text message, in UTF-16 code units after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** One sendMessage payload; JSON-serialisable so the outbox can store it. */
export interface TelegramMessagePart {
  readonly text: string;
  readonly entities: readonly MessageEntity[];
  /** False turns link previews off (`link_preview_options.is_disabled`). */
  readonly linkPreview: boolean;
}

export interface RenderOptions {
  /** Maximum UTF-16 units per part. Default 4096 (Telegram's limit); smaller in tests. */
  readonly maxLength?: number;
}

/**
 * Telegram refuses a whole message over one bad text_link URL, so only absolute http(s) URLs
 * become links; anything else (relative, javascript:, garbage from a feed) stays plain text.
 */
function linkable(url: string | null): { url: string } | null {
  if (url === null || !/^https?:\/\//i.test(url)) return null;
  try {
    return { url: new URL(url).href };
  } catch {
    return null;
  }
}

interface Piece {
  readonly text: string;
  readonly entities: readonly MessageEntity[];
}

/** Builds text and entities together so offsets cannot drift from the text. */
function builder() {
  let text = '';
  const entities: MessageEntity[] = [];
  return {
    add(s: string, ...styles: ReadonlyArray<MessageEntity['type'] | { url: string }>): void {
      if (s.length === 0) return;
      const offset = text.length;
      text += s;
      for (const style of styles) {
        entities.push(
          typeof style === 'string'
            ? ({ type: style, offset, length: s.length } as MessageEntity)
            : { type: 'text_link', offset, length: s.length, url: style.url },
        );
      }
    },
    done: (): Piece => ({ text, entities }),
  };
}

function renderSpans(spans: readonly Span[]): Piece {
  const b = builder();
  for (const s of spans) {
    if (s.kind === 'text') b.add(s.text);
    else if (s.kind === 'bold') b.add(s.text, 'bold');
    else if (s.kind === 'italic') b.add(s.text, 'italic');
    else if (s.kind === 'code') b.add(s.text, 'code');
    else {
      const target = linkable(s.url);
      if (target) b.add(s.text, target);
      else b.add(s.text);
    }
  }
  return b.done();
}

function renderCard(card: SummaryCard): Piece {
  const b = builder();
  const title = card.title.trim() || card.url || '';
  const target = linkable(card.url);
  if (target) b.add(title, 'bold', target);
  else b.add(title, 'bold');
  for (const field of card.fields) {
    b.add('\n');
    b.add(`${field.label}:`, 'bold');
    b.add(` ${field.value}`);
  }
  if (card.links.length > 0) {
    b.add('\n');
    card.links.forEach((l, i) => {
      if (i > 0) b.add(' · ');
      const source = linkable(l.url);
      if (source) b.add(l.text, source);
      else b.add(l.text);
    });
  }
  if (card.footer) {
    b.add('\n');
    b.add(card.footer, 'italic');
  }
  return b.done();
}

function renderBlock(block: Block): Piece {
  if (block.kind === 'heading') {
    const b = builder();
    b.add(block.text, 'bold');
    return b.done();
  }
  return block.kind === 'paragraph' ? renderSpans(block.spans) : renderCard(block);
}

/** The sub-piece [start, end) with every entity clipped to it and shifted. */
function slicePiece(p: Piece, start: number, end: number): Piece {
  const entities: MessageEntity[] = [];
  for (const e of p.entities) {
    const s = Math.max(e.offset, start);
    const t = Math.min(e.offset + e.length, end);
    if (t > s) entities.push({ ...e, offset: s - start, length: t - s });
  }
  return { text: p.text.slice(start, end), entities };
}

/** Drops leading/trailing whitespace (Telegram strips it, which would shift entities). */
function trimPiece(p: Piece): Piece {
  const start = p.text.length - p.text.trimStart().length;
  const end = p.text.trimEnd().length;
  return start === 0 && end === p.text.length ? p : slicePiece(p, start, Math.max(start, end));
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Where to cut `text` so that the head fits `max`: a line break, else a space, else hard. */
function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  const floor = Math.floor(max / 2);
  const line = window.lastIndexOf('\n');
  if (line >= floor) return line;
  const space = window.search(/\s\S*$/);
  if (space >= floor) return space;
  return isHighSurrogate(text.charCodeAt(max - 1)) && max > 1 ? max - 1 : max;
}

/** Splits one piece longer than `max` into pieces that fit, clipping entities at each cut. */
function splitPiece(p: Piece, max: number): Piece[] {
  const out: Piece[] = [];
  let rest = trimPiece(p);
  while (rest.text.length > max) {
    const cut = cutPoint(rest.text, max);
    const head = trimPiece(slicePiece(rest, 0, cut));
    if (head.text.length > 0) out.push(head);
    rest = trimPiece(slicePiece(rest, cut, rest.text.length));
  }
  if (rest.text.length > 0) out.push(rest);
  return out;
}

function concat(a: Piece, sep: string, b: Piece): Piece {
  const shift = a.text.length + sep.length;
  return {
    text: a.text + sep + b.text,
    entities: [...a.entities, ...b.entities.map((e) => ({ ...e, offset: e.offset + shift }))],
  };
}

/**
 * Renders a reply into ordered message parts, each within `maxLength` UTF-16 units. Blocks
 * (paragraphs, cards) are separated by a blank line and never split unless one alone is too long;
 * then it is cut at a line or word boundary and its entities are clipped, never dropped.
 */
export function renderTelegram(reply: Reply, options: RenderOptions = {}): TelegramMessagePart[] {
  const max = options.maxLength ?? TELEGRAM_TEXT_LIMIT;
  const pieces = reply.blocks.flatMap((block) => splitPiece(renderBlock(block), max));
  const parts: Piece[] = [];
  let current: Piece | null = null;
  for (const piece of pieces) {
    if (current && current.text.length + 2 + piece.text.length <= max) {
      current = concat(current, '\n\n', piece);
    } else {
      if (current) parts.push(current);
      current = piece;
    }
  }
  if (current) parts.push(current);
  const linkPreview = reply.linkPreview === true;
  return parts.map((p) => ({ text: p.text, entities: p.entities, linkPreview }));
}

/** Checks that an outbox payload is a part this renderer produced. */
export function isTelegramMessagePart(value: unknown): value is TelegramMessagePart {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.text === 'string' && Array.isArray(v.entities) && typeof v.linkPreview === 'boolean';
}
