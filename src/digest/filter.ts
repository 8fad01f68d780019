import type { StoredArticle } from '../store.ts';
import { foldKey } from '../text/vietnamese.ts';

/** A subscription filter: who:"..." / where:"..." / feed:N terms and plain words, all must hold. */
export interface DigestFilter {
  readonly who: readonly string[];
  readonly where: readonly string[];
  readonly feeds: readonly number[];
  readonly words: readonly string[];
}

const TERM = /(who|ai|where|o-dau|ởđâu|feed):(?:"([^"]*)"|“([^”]*)”|(\S+))|"([^"]*)"|(\S+)/giu;

/** Parses filter text; all values folded (no accents, lower case) so "Da Nang" matches "Đà Nẵng". */
export function parseFilter(text: string | null): DigestFilter | null {
  if (text === null || text.trim() === '') return null;
  const who: string[] = [];
  const where: string[] = [];
  const feeds: number[] = [];
  const words: string[] = [];
  for (const m of text.matchAll(TERM)) {
    const key = m[1]?.toLowerCase();
    const value = foldKey((m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? '').trim());
    if (value === '') continue;
    if (key === 'who' || key === 'ai') who.push(value);
    else if (key === 'feed') {
      const n = Number(value.replace(/^#/, ''));
      if (Number.isInteger(n)) feeds.push(n);
    } else if (key !== undefined) where.push(value);
    else words.push(value);
  }
  return { who, where, feeds, words };
}

/**
 * Whether an article passes. Places also match through `placeAliases` (folded old province
 * name -> folded names of the unit it became part of), so a subscriber of a merged province
 * gets news that still names the old one.
 */
export function matchesFilter(
  item: StoredArticle,
  filter: DigestFilter | null,
  placeAliases: ReadonlyMap<string, readonly string[]> = new Map(),
): boolean {
  if (filter === null) return true;
  const { article, summary } = item;
  if (filter.feeds.length > 0 && (article.feedId === null || !filter.feeds.includes(article.feedId)))
    return false;
  const who = (summary?.who ?? []).map(foldKey);
  const places = (summary?.where ?? []).map(foldKey);
  const expanded = places.flatMap((p) => [p, ...(placeAliases.get(stripPrefix(p)) ?? [])]);
  const text = foldKey(`${article.title}\n${article.body}`);
  const has = (xs: readonly string[], v: string): boolean =>
    xs.some((x) => x.includes(v) || (x.length > 3 && v.includes(x)));
  return (
    filter.who.every((v) => has(who, v)) &&
    filter.where.every((v) => has(expanded, v) || has(expanded, stripPrefix(v))) &&
    filter.words.every((w) => text.includes(w))
  );
}

const stripPrefix = (place: string): string =>
  place.replace(/^(tinh|thanh pho|tp\.?|huyen|quan|xa|phuong|thi xa|thi tran|province|city)\s+/u, '');
