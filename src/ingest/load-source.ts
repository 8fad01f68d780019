import path from 'node:path';
import type { ArticleDraft } from '../domain.ts';
import { InputError, isBantinError } from '../errors.ts';
import type { Fetcher } from '../ports.ts';
import { canonicalizeUrl } from './canonical-url.ts';
import { cleanArticleText } from './clean-text.ts';
import { decodeBody } from './decode.ts';
import { looksLikeFeed, parseFeed, type FeedItem, type ParsedFeed } from './feed-parser.ts';
import { detectLanguage } from './language.ts';
import { extractPage, htmlToText } from './page-extractor.ts';
import { parseJsonArticle, parseTextArticle } from './text-input.ts';

/** What one input stands for: every item of a feed, or one article. */
export type LoadedSource =
  | {
      readonly kind: 'feed';
      readonly feedUrl: string;
      readonly title: string | null;
      readonly drafts: ArticleDraft[];
    }
  | { readonly kind: 'article'; readonly draft: ArticleDraft };

export interface LoadSourceDeps {
  readonly fetcher: Fetcher;
  readonly readFile: (p: string) => Promise<Buffer>;
  readonly readStdin: () => Promise<Buffer>;
}

const hostOf = (url: string | null): string | null => {
  if (url === null) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
};

/**
 * A feed item as an ArticleDraft: its HTML to text (block by block), cleaned with the title;
 * URL canonicalised; source = the feed's title, else its host; language detected.
 */
export function feedItemToDraft(item: FeedItem, feed: ParsedFeed, feedUrl: string): ArticleDraft {
  const body = cleanArticleText(htmlToText(item.html), item.title);
  let url: string | null = null;
  if (item.url !== null) {
    try {
      url = canonicalizeUrl(item.url);
    } catch {
      url = null;
    }
  }
  return {
    title: item.title,
    body,
    lang: detectLanguage(`${item.title}\n${body}`),
    publishedAt: item.publishedAt,
    url,
    guid: item.guid,
    source: feed.title ?? hostOf(feedUrl) ?? hostOf(url),
  };
}

type Shape = 'feed' | 'page' | 'json' | 'text';

/** What a decoded text is, from its first characters. */
function sniff(text: string, contentType: string | null): Shape {
  if (looksLikeFeed(text, contentType)) return 'feed';
  const head = text.slice(0, 2048).trimStart();
  if (head.startsWith('{')) return 'json';
  if (
    /^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(head) ||
    /<(?:p|div|article)[\s>]/i.test(head.slice(0, 512))
  ) {
    return 'page';
  }
  return 'text';
}

const SHAPE_BY_EXTENSION: Readonly<Record<string, Shape>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.html': 'page',
  '.htm': 'page',
  '.xhtml': 'page',
  '.json': 'json',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.rdf': 'feed',
};

function feedSource(text: string, feedUrl: string): LoadedSource {
  const feed = parseFeed(text, feedUrl);
  return {
    kind: 'feed',
    feedUrl,
    title: feed.title,
    drafts: feed.items.map((item) => feedItemToDraft(item, feed, feedUrl)),
  };
}

/** Builds the source from decoded text of a known shape; `url` is the page/feed URL if fetched. */
function fromText(text: string, shape: Shape, origin: string, url: string | null): LoadedSource {
  switch (shape) {
    case 'feed':
      return feedSource(text, url ?? origin);
    case 'page':
      return { kind: 'article', draft: extractPage(text, url) };
    case 'json': {
      // A JSON Feed is a feed even when the file is called .json.
      if (looksLikeFeed(text, null)) return feedSource(text, url ?? origin);
      return { kind: 'article', draft: parseJsonArticle(text, origin) };
    }
    case 'text': {
      const { title, body } = parseTextArticle(text);
      if (title === '') throw new InputError(`the text is empty: ${origin}`);
      return {
        kind: 'article',
        draft: {
          title,
          body,
          lang: detectLanguage(`${title}\n${body}`),
          publishedAt: null,
          url: url === null ? null : canonicalizeUrl(url),
          guid: null,
          source: hostOf(url),
        },
      };
    }
  }
}

async function readPath(file: string, readFile: LoadSourceDeps['readFile']): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : 'unreadable';
    throw new InputError(`cannot read ${file}: ${why}`, { cause });
  }
}

/** Content types that are neither a page nor a feed nor text; named in the refusal. */
function isReadableType(contentType: string | null): boolean {
  if (contentType === null || contentType.trim() === '') return true;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type.startsWith('text/') ||
    /(?:^|[/+])(?:xml|json|html)$/.test(type) ||
    /\b(?:xml|rss|atom|rdf)\b/.test(type) ||
    type === 'application/octet-stream' // often a misconfigured feed; sniffed below
  );
}

const looksBinary = (bytes: Buffer): boolean => {
  const head = bytes.subarray(0, 1024);
  // UTF-16 text has NULs too; its BOM or XML declaration is checked by decodeBody.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  if (head[0] === 0x3c && head[1] === 0x00) return false;
  if (head[0] === 0x00 && head[1] === 0x3c) return false;
  return head.includes(0);
};

async function fromUrl(url: string, deps: LoadSourceDeps): Promise<LoadedSource> {
  const res = await deps.fetcher.fetch(url);
  const type = res.contentType?.split(';')[0]?.trim().toLowerCase() ?? 'unknown type';
  if (!isReadableType(res.contentType) || looksBinary(res.body)) {
    throw new InputError(`not an article or feed (${type}): ${url}`);
  }
  const text = decodeBody(res.body, res.contentType);
  let shape = sniff(text, res.contentType);
  if (shape === 'json' && !looksLikeFeed(text, res.contentType)) {
    throw new InputError(`not an article or feed (${type}): ${url}`);
  }
  if (shape === 'text' && /html/.test(type)) shape = 'page';
  return fromText(text, shape, url, res.url);
}

/**
 * Loads what a user named: a file path (.txt, .html/.htm, .json, .xml/.rss/.atom; content is
 * sniffed for other extensions), an http(s) URL (fetched with `deps.fetcher`: a feed gives
 * its items, a page one article; images, PDFs and other binaries are refused), or "-" for
 * stdin (sniffed). Throws InputError ("cannot read <path>: no such file", "not an article or
 * feed (image/png): <url>"), FetchError or ParseError, each with a one-line message.
 */
export async function loadSource(input: string, deps: LoadSourceDeps): Promise<LoadedSource> {
  const trimmed = input.trim();
  if (/^https?:\/\//i.test(trimmed)) return fromUrl(trimmed, deps);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new InputError(`only http and https URLs can be fetched: ${trimmed}`);
  }
  const isStdin = trimmed === '-';
  const origin = isStdin ? 'standard input' : input;
  const bytes = isStdin ? await deps.readStdin() : await readPath(input, deps.readFile);
  if (looksBinary(bytes)) throw new InputError(`not an article or feed (binary data): ${origin}`);
  const text = decodeBody(bytes, null);
  const declared = isStdin ? undefined : SHAPE_BY_EXTENSION[path.extname(input).toLowerCase()];
  try {
    return fromText(text, declared ?? sniff(text, null), origin, null);
  } catch (e) {
    if (isBantinError(e) || !(e instanceof Error)) throw e;
    throw new InputError(`cannot read ${origin}: ${e.message.split('\n')[0] ?? ''}`, { cause: e });
  }
}
