import { parseFeed as feedsmithParse, type AnyFeed } from 'feedsmith';
import { ParseError } from '../errors.ts';
import { normalizeVietnamese } from '../text/vietnamese.ts';
import { toIsoDate } from './dates.ts';
import { htmlFragmentToText } from './html-dom.ts';

/** One entry of a feed, format-neutral. */
export interface FeedItem {
  readonly guid: string | null;
  /** Absolute http(s) link of the article, relative links resolved; null when none. */
  readonly url: string | null;
  /** Plain text (tags stripped, entities decoded). */
  readonly title: string;
  /** The richest content the item carries (content:encoded, content, summary, description), as HTML. */
  readonly html: string;
  /** ISO 8601 with the feed's offset, or null when missing or unparsable. */
  readonly publishedAt: string | null;
}

export interface ParsedFeed {
  readonly title: string | null;
  readonly items: FeedItem[];
}

/** Items read from one feed at most: a feed is a window on recent news, not an archive. */
const MAX_ITEMS = 500;

type Rss = Extract<AnyFeed, { format: 'rss' }>['feed'];
type Atom = Extract<AnyFeed, { format: 'atom' }>['feed'];
type Rdf = Extract<AnyFeed, { format: 'rdf' }>['feed'];
type Json = Extract<AnyFeed, { format: 'json' }>['feed'];

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One line of plain text from a title that may carry markup or entities. */
const plainTitle = (raw: string | undefined): string => {
  if (typeof raw !== 'string') return '';
  // Only markup or a (double-escaped) entity needs a DOM; a bare "&" is just an ampersand.
  const text = /<|&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);/i.test(raw) ? htmlFragmentToText(raw) : raw;
  return normalizeVietnamese(text.replace(/\s+/gu, ' ').trim());
};

/** The longest non-empty candidate: the item's richest content. */
const richest = (...candidates: Array<string | undefined>): string =>
  candidates.reduce<string>(
    (best, c) => (c !== undefined && c.trim().length > best.length ? c.trim() : best),
    '',
  );

function resolveLink(href: string | undefined, base: string | null): string | null {
  if (href === undefined || href.trim() === '') return null;
  try {
    const u = base === null ? new URL(href.trim()) : new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Maps a parsed list, skipping any entry whose mapping throws: one odd item must not cost the feed. */
function safely<T>(list: readonly T[] | undefined, fn: (entry: T) => RawItem): RawItem[] {
  const out: RawItem[] = [];
  // Lenient parsing can hand back a lone object where a list was expected.
  const entries: readonly T[] = list !== undefined && Array.isArray(list) ? list : [];
  for (const entry of entries.slice(0, MAX_ITEMS)) {
    try {
      out.push(fn(entry));
    } catch {
      // skipped
    }
  }
  return out;
}

interface RawItem {
  guid?: string | undefined;
  link?: string | undefined;
  title?: string | undefined;
  html: string;
  date?: string | undefined;
}

function fromRss(feed: Rss): RawItem[] {
  return safely(feed.items, (item) => {
    const guid = item.guid?.value;
    const guidIsLink = item.guid?.isPermaLink !== false && guid !== undefined && /^https?:\/\//i.test(guid);
    return {
      guid,
      link: item.link ?? (guidIsLink ? guid : undefined),
      title: item.title,
      html: richest(item.content?.encoded, item.description),
      date: item.pubDate ?? item.dc?.dates?.[0],
    };
  });
}

function atomText(text: { value?: string; type?: string } | undefined): string | undefined {
  if (text?.value === undefined) return undefined;
  return text.type === 'html' || text.type === 'xhtml' ? text.value : escapeHtml(text.value);
}

function fromAtom(feed: Atom): RawItem[] {
  return safely(feed.entries, (entry) => {
    const links = entry.links ?? [];
    const alternate = links.find((l) => l.rel === undefined || l.rel === 'alternate') ?? links[0];
    return {
      guid: entry.id,
      link: alternate?.href,
      title: atomText(entry.title),
      html: richest(atomText(entry.content), atomText(entry.summary)),
      date: entry.published ?? entry.updated,
    };
  });
}

function fromRdf(feed: Rdf): RawItem[] {
  return safely(feed.items, (item) => ({
    guid: item.rdf?.about ?? item.link,
    link: item.link,
    title: item.title,
    html: richest(item.content?.encoded, item.description),
    date: item.dc?.dates?.[0],
  }));
}

function fromJson(feed: Json): RawItem[] {
  return safely(feed.items, (item) => ({
    guid: item.id,
    link: item.url ?? item.external_url,
    title: item.title,
    html: richest(
      item.content_html,
      item.content_text === undefined ? undefined : escapeHtml(item.content_text),
      item.summary,
    ),
    date: item.date_published ?? item.date_modified,
  }));
}

function feedTitle(parsed: AnyFeed): string | null {
  const raw = parsed.format === 'atom' ? atomText(parsed.feed.title) : parsed.feed.title;
  const title = plainTitle(raw);
  return title === '' ? null : title;
}

/** The base for relative links: Atom's xml:base, else the feed's own URL, else its home page. */
function baseUrl(parsed: AnyFeed, feedUrl: string): string | null {
  const own = resolveLink(feedUrl, null);
  if (parsed.format === 'atom' && parsed.feed.xml?.base !== undefined) {
    const xmlBase = resolveLink(parsed.feed.xml.base, own);
    if (xmlBase !== null) return xmlBase;
  }
  if (own !== null) return own;
  const home =
    parsed.format === 'json'
      ? parsed.feed.home_page_url
      : parsed.format === 'atom'
        ? undefined
        : parsed.feed.link;
  return resolveLink(home, null);
}

function rawItems(parsed: AnyFeed): RawItem[] {
  switch (parsed.format) {
    case 'rss':
      return fromRss(parsed.feed);
    case 'atom':
      return fromAtom(parsed.feed);
    case 'rdf':
      return fromRdf(parsed.feed);
    case 'json':
      return fromJson(parsed.feed);
  }
}

function toItem(raw: RawItem, base: string | null): FeedItem | null {
  const html = typeof raw.html === 'string' ? raw.html : '';
  let title = plainTitle(raw.title);
  if (title === '') {
    // A titleless item (allowed in RSS) is named by the start of its text.
    const text = htmlFragmentToText(html).replace(/\s+/gu, ' ').trim();
    title = text.length <= 100 ? text : `${text.slice(0, 100).replace(/\s+\S*$/u, '')}…`;
  }
  if (title === '') return null;
  const url = resolveLink(raw.link, base);
  return {
    guid: typeof raw.guid === 'string' && raw.guid.trim() !== '' ? raw.guid.trim() : url,
    url,
    title: normalizeVietnamese(title),
    html,
    publishedAt: typeof raw.date === 'string' ? toIsoDate(raw.date) : null,
  };
}

/**
 * When the whole document does not parse (one item with an unclosed tag), parses the envelope
 * with each <item>/<entry> on its own and keeps those that parse. Null when nothing does.
 */
function recoverItems(text: string): AnyFeed | null {
  const tag = /<entry[\s>]/.test(text) && !/<item[\s>]/.test(text) ? 'entry' : 'item';
  const itemRe = new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g');
  const first = text.search(new RegExp(`<${tag}[\\s>]`));
  const lastClose = text.lastIndexOf(`</${tag}>`);
  if (first < 0 || lastClose < 0) return null;
  const head = text.slice(0, first);
  const tail = text.slice(lastClose + tag.length + 3);
  let envelope: AnyFeed;
  try {
    envelope = feedsmithParse(head + tail);
  } catch {
    return null;
  }
  const kept: AnyFeed[] = [];
  for (const m of text
    .slice(first, lastClose + tag.length + 3)
    .match(itemRe)
    ?.slice(0, MAX_ITEMS) ?? []) {
    try {
      kept.push(feedsmithParse(head + m + tail));
    } catch {
      // This item is broken; the others still count.
    }
  }
  if (kept.length === 0) return null;
  const merged = (one: AnyFeed): unknown[] =>
    one.format === 'atom' ? (one.feed.entries ?? []) : one.format === 'json' ? [] : (one.feed.items ?? []);
  const items = kept.flatMap(merged);
  return (
    envelope.format === 'atom'
      ? { format: 'atom', feed: { ...envelope.feed, entries: items } }
      : { format: envelope.format, feed: { ...envelope.feed, items } }
  ) as AnyFeed;
}

/**
 * Parses RSS 2.0, Atom, RDF (RSS 1.0) or JSON Feed text (already decoded, see decode.ts).
 * Relative links resolve against `feedUrl`; a bad item (no title nor text, or markup broken
 * inside it) is skipped and the rest kept; an unparsable date becomes null. Throws ParseError
 * "not a valid RSS, Atom or JSON feed: <url>" when the text is not a feed at all.
 */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  let parsed: AnyFeed | null;
  try {
    parsed = feedsmithParse(text);
  } catch (cause) {
    parsed = /^\s*[{[]/.test(text) ? null : recoverItems(text);
    if (parsed === null) throw new ParseError(`not a valid RSS, Atom or JSON feed: ${feedUrl}`, { cause });
  }
  let base: string | null = null;
  let title: string | null = null;
  try {
    base = baseUrl(parsed, feedUrl);
    title = feedTitle(parsed);
  } catch {
    // A channel field of an unexpected type: items still resolve against nothing / no title.
  }
  const items: FeedItem[] = [];
  for (const raw of rawItems(parsed)) {
    try {
      const item = toItem(raw, base);
      if (item) items.push(item);
    } catch {
      // One odd item (a field of an unexpected type) must not cost the feed.
    }
  }
  return { title, items };
}

const FEED_TYPES = /\b(?:rss\+xml|atom\+xml|rdf\+xml|feed\+json)\b/i;

/**
 * Whether a fetched body is a feed rather than a page, by content type and by sniffing the
 * start of the text (servers often send feeds as text/xml or even text/html).
 */
export function looksLikeFeed(text: string, contentType: string | null): boolean {
  if (contentType !== null && FEED_TYPES.test(contentType)) return true;
  const head = text
    .slice(0, 4096)
    .replace(/^\ufeff/, '')
    .trimStart();
  if (head.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//i.test(head);
  const root = /<(rss|feed|rdf:RDF|html)[\s>]/i.exec(head.replace(/<!--[\s\S]*?-->/g, ''));
  return root !== null && root[1]?.toLowerCase() !== 'html';
}
