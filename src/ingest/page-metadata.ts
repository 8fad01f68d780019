import { toIsoDate } from './dates.ts';
import type { DomDocument } from './html-dom.ts';

/** What a news page says about itself in <head>, before Readability rewrites the document. */
export interface PageMetadata {
  readonly title: string | null;
  /** Absolute http(s) URL from <link rel=canonical>, or null. */
  readonly canonical: string | null;
  readonly publishedAt: string | null;
  readonly siteName: string | null;
  /** The <html lang> primary subtag, lower case ("vi", "en"), or null. */
  readonly lang: string | null;
}

const attr = (doc: DomDocument, selector: string, name: string): string | null => {
  const value = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return value === undefined || value === '' ? null : value;
};

const firstOf = (doc: DomDocument, pairs: ReadonlyArray<readonly [string, string]>): string | null => {
  for (const [selector, name] of pairs) {
    const value = attr(doc, selector, name);
    if (value !== null) return value;
  }
  return null;
};

function absoluteHttp(href: string | null, base: string | null): string | null {
  if (href === null) return null;
  try {
    const u = base === null ? new URL(href) : new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** datePublished from JSON-LD blocks (NewsArticle, @graph arrays...), depth-limited. */
function jsonLdDate(doc: DomDocument): string | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]?.textContent ?? '');
    } catch {
      continue;
    }
    const stack: Array<{ value: unknown; depth: number }> = [{ value: data, depth: 0 }];
    while (stack.length > 0) {
      const next = stack.pop();
      if (!next || next.depth > 6 || typeof next.value !== 'object' || next.value === null) continue;
      if (Array.isArray(next.value)) {
        for (const v of next.value as unknown[]) stack.push({ value: v, depth: next.depth + 1 });
        continue;
      }
      const obj = next.value as Record<string, unknown>;
      const date = obj.datePublished;
      if (typeof date === 'string') {
        const iso = toIsoDate(date);
        if (iso !== null) return iso;
      }
      for (const v of Object.values(obj)) stack.push({ value: v, depth: next.depth + 1 });
    }
  }
  return null;
}

/** Publication date, from the most to the least explicit places news sites put it. */
function publishedAt(doc: DomDocument): string | null {
  const candidates = [
    attr(doc, 'meta[property="article:published_time"]', 'content'),
    attr(doc, 'meta[itemprop="datePublished"]', 'content'),
    attr(doc, '[itemprop="datePublished"]', 'datetime'),
    attr(doc, '[itemprop="datePublished"]', 'content'),
  ];
  for (const c of candidates) {
    const iso = toIsoDate(c);
    if (iso !== null) return iso;
  }
  const fromLd = jsonLdDate(doc);
  if (fromLd !== null) return fromLd;
  const late = [
    attr(doc, 'meta[name="pubdate"]', 'content'),
    attr(doc, 'meta[name="publishdate"]', 'content'),
    attr(doc, 'meta[name="date"]', 'content'),
    attr(doc, 'meta[name="dc.date"]', 'content'),
    attr(doc, 'time[datetime]', 'datetime'),
  ];
  for (const c of late) {
    const iso = toIsoDate(c);
    if (iso !== null) return iso;
  }
  return null;
}

/** Reads title, canonical URL, publication date, site name and language from a parsed page. */
export function readPageMetadata(doc: DomDocument, pageUrl: string | null): PageMetadata {
  const lang = doc.documentElement?.getAttribute('lang')?.trim().toLowerCase().split(/[-_]/)[0];
  return {
    title: firstOf(doc, [
      ['meta[property="og:title"]', 'content'],
      ['meta[name="twitter:title"]', 'content'],
    ]),
    canonical: absoluteHttp(attr(doc, 'link[rel="canonical"]', 'href'), pageUrl),
    publishedAt: publishedAt(doc),
    siteName: firstOf(doc, [
      ['meta[property="og:site_name"]', 'content'],
      ['meta[name="application-name"]', 'content'],
    ]),
    lang: lang === undefined || lang === '' ? null : lang,
  };
}
