import { Readability } from '@mozilla/readability';
import type { ArticleDraft, Lang } from '../domain.ts';
import { isBantinError, ParseError } from '../errors.ts';
import { normalizeVietnamese } from '../text/vietnamese.ts';
import { canonicalizeUrl } from './canonical-url.ts';
import { toIsoDate } from './dates.ts';
import { cleanArticleText, collapseWhitespace } from './clean-text.ts';
import {
  blocksToText,
  htmlFragmentToText,
  parseDocument,
  nestsDeeperThan,
  type DomDocument,
  type DomNode,
} from './html-dom.ts';
import { detectLanguage } from './language.ts';
import { readPageMetadata } from './page-metadata.ts';

/** Below this many characters of clean text a page is not an article (a gallery, a login page). */
const MIN_ARTICLE_CHARS = 80;

/** Class/id words of page furniture Readability sometimes keeps (in-body ads, related boxes). */
const CLUTTER_WORDS = new Set([
  'ad',
  'ads',
  'adv',
  'advert',
  'advertisement',
  'banner',
  'sponsor',
  'sponsored',
  'related',
  'relate',
  'comment',
  'comments',
  'social',
  'share',
  'sharing',
  'newsletter',
  'subscribe',
  'tinlienquan',
  'lienquan',
  'quangcao',
  'breadcrumb',
  'breadcrumbs',
  'popup',
  'cookie',
]);

const CLUTTER_SELECTOR =
  'script, style, noscript, iframe, form, nav, aside, [role="navigation"], [role="complementary"], [aria-hidden="true"]';

/** Removes navigation, ads and related-article boxes by tag and class/id words. */
function removeClutter(doc: DomDocument): void {
  const byTag = doc.querySelectorAll(CLUTTER_SELECTOR);
  for (let i = byTag.length - 1; i >= 0; i--) byTag[i]?.remove();
  const marked = doc.querySelectorAll('[class], [id]');
  const doomed = [];
  for (let i = 0; i < marked.length; i++) {
    const el = marked[i];
    if (!el) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'html' || tag === 'body' || tag === 'main' || tag === 'article') continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
      .toLowerCase()
      .split(/[\s_-]+/);
    // Never a box that holds the article itself.
    if (
      words.some((w) => CLUTTER_WORDS.has(w)) &&
      !el.querySelector('h1, article, [itemprop="articleBody"]')
    ) {
      doomed.push(el);
    }
  }
  for (const el of doomed) el.remove();
}

/** Class words of the standfirst ("sapo" on Vietnamese sites) that Readability often leaves out. */
const LEAD_WORDS = new Set(['sapo', 'lead', 'standfirst', 'chapeau', 'summary', 'description', 'excerpt']);

/** The standfirst's text, found by class word, before clutter removal and Readability. */
function findLead(doc: DomDocument): string | null {
  const candidates = doc.querySelectorAll('[class]');
  for (let i = 0; i < candidates.length; i++) {
    const el = candidates[i];
    if (!el || ['meta', 'html', 'body', 'article', 'main'].includes(el.tagName.toLowerCase())) continue;
    const words = (el.getAttribute('class') ?? '').toLowerCase().split(/[\s_-]+/);
    if (!words.some((w) => LEAD_WORDS.has(w))) continue;
    const text = blocksToText(el);
    if (text.length >= 40 && text.length <= 1000 && !text.includes('\n')) return text;
  }
  return null;
}

const comparable = (text: string): string => text.replace(/\s+/gu, ' ').trim();

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

const asLang = (code: string | null): Lang | null => (code === 'vi' || code === 'en' ? code : null);

/**
 * Turns a news page into an ArticleDraft: Readability (on linkedom) finds the article, which
 * is converted block by block into paragraphs and cleaned (cleanArticleText). Title from
 * og:title, else Readability's; URL from <link rel=canonical>, else `pageUrl` (canonicalised;
 * null for a local file without either); date from article:published_time, itemprop,
 * JSON-LD or <time>; source from og:site_name, else the host; language from <html lang> when
 * it says vi or en, else detected. Throws ParseError when the page holds no readable article.
 */
export function extractPage(html: string, pageUrl: string | null): ArticleDraft {
  try {
    return extractPageOrThrow(html, pageUrl);
  } catch (cause) {
    if (isBantinError(cause)) throw cause;
    // linkedom or Readability tripped on hostile markup: still "not an article" to the user.
    throw new ParseError(`no readable article on the page: ${pageUrl ?? 'the page'}`, { cause });
  }
}

/** Deepest markup handed to Readability. */
const READABLE_NESTING = 256;

function extractPageOrThrow(html: string, pageUrl: string | null): ArticleDraft {
  const where = pageUrl ?? 'the page';
  // Readability's scoring walks ancestors for every node: at a few hundred levels of nesting a
  // page takes seconds (500: ~10 s). No news page nests that deep; a hostile one does.
  if (nestsDeeperThan(html, READABLE_NESTING)) {
    throw new ParseError(`no readable article on the page (markup nested too deeply): ${where}`);
  }
  let doc: DomDocument;
  try {
    doc = parseDocument(html);
  } catch (cause) {
    throw new ParseError(`no readable article on the page: ${where}`, { cause });
  }
  const meta = readPageMetadata(doc, pageUrl);
  const docTitle = doc.querySelector('title')?.textContent ?? null;
  const lead = findLead(doc);
  removeClutter(doc);

  let parsed: ReturnType<Readability<DomNode>['parse']>;
  try {
    parsed = new Readability<DomNode>(doc, { serializer: (node: unknown) => node as DomNode }).parse();
  } catch (cause) {
    throw new ParseError(`no readable article on the page: ${where}`, { cause });
  }
  const content = parsed?.content;
  const rawTitle = meta.title ?? parsed?.title ?? docTitle ?? '';
  const title = normalizeVietnamese(collapseWhitespace(htmlFragmentToText(rawTitle)));
  let text = content ? blocksToText(content) : '';
  // Put back a standfirst Readability dropped: it is the lead the extractor reads first.
  if (lead !== null && text !== '' && !text.split('\n\n').some((p) => comparable(p) === comparable(lead))) {
    text = `${lead}\n\n${text}`;
  }
  const body = cleanArticleText(text, title);
  if (body.length < MIN_ARTICLE_CHARS) {
    throw new ParseError(`no readable article on the page: ${where}`);
  }
  const finalTitle = title !== '' ? title : (body.split('\n')[0] ?? '').slice(0, 120);
  let url: string | null = null;
  const chosen = meta.canonical ?? pageUrl;
  if (chosen !== null) {
    try {
      url = canonicalizeUrl(chosen);
    } catch {
      url = null;
    }
  }
  const siteName = meta.siteName ?? parsed?.siteName ?? null;
  return {
    title: finalTitle,
    body,
    lang: asLang(meta.lang) ?? detectLanguage(`${finalTitle}\n${body}`),
    publishedAt: meta.publishedAt ?? toIsoDate(parsed?.publishedTime),
    url,
    guid: null,
    source: siteName !== null && siteName.trim() !== '' ? siteName.trim() : hostOf(url ?? pageUrl),
  };
}

/**
 * Plain text of feed item HTML with the page rules: one paragraph per block element, joined
 * by "\n\n"; images, scripts and markup dropped, entities decoded. Not cleaned: callers run
 * cleanArticleText with the item's title.
 */
export function htmlToText(html: string): string {
  return htmlFragmentToText(html);
}
