import { z } from 'zod';
import type { ArticleDraft } from '../domain.ts';
import { InputError } from '../errors.ts';
import { normalizeVietnamese } from '../text/vietnamese.ts';
import { canonicalizeUrl } from './canonical-url.ts';
import { cleanArticleText, collapseWhitespace } from './clean-text.ts';
import { toIsoDate } from './dates.ts';
import { detectLanguage } from './language.ts';

/**
 * A pasted or saved article as plain text: the first non-empty line is the title, the rest the
 * body (the shape of the bundled examples). The body is cleaned with cleanArticleText. An
 * empty text gives an empty title; callers decide whether that is an error.
 */
export function parseTextArticle(raw: string): { title: string; body: string } {
  const lines = normalizeVietnamese(raw.replace(/^\ufeff/, '')).split(/\r\n|\r|\n/);
  const at = lines.findIndex((l) => l.trim() !== '');
  if (at < 0) return { title: '', body: '' };
  const title = collapseWhitespace(lines[at] ?? '');
  return { title, body: cleanArticleText(lines.slice(at + 1).join('\n'), title) };
}

const optionalText = z.string().nullish();

const jsonArticle = z.object({
  title: z.string(),
  body: optionalText,
  text: optionalText,
  content: optionalText,
  published: z.union([z.string(), z.number()]).nullish(),
  publishedAt: optionalText,
  url: optionalText,
  source_url: optionalText,
  source: optionalText,
  lang: optionalText,
  guid: optionalText,
});

function httpUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined || !/^https?:\/\//i.test(value.trim())) return null;
  try {
    return canonicalizeUrl(value);
  } catch {
    return null;
  }
}

/**
 * Reads `{title, body, published, url|source_url, lang}` (also `text`/`content` for the body,
 * `publishedAt`, `source`). `published` may be null or unparsable (then null); `lang` is
 * detected when absent or not vi/en; the body is cleaned. Throws InputError (one line, naming
 * `origin` when given) for bad JSON or a missing/empty title.
 */
export function parseJsonArticle(raw: string, origin?: string): ArticleDraft {
  const suffix = origin === undefined ? '' : `: ${origin}`;
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\ufeff/, ''));
  } catch (cause) {
    throw new InputError(`not valid JSON${suffix}`, { cause });
  }
  const parsed = jsonArticle.safeParse(data);
  if (!parsed.success) {
    const noTitle = parsed.error.issues.some((i) => i.path[0] === 'title');
    throw new InputError(`${noTitle ? 'the JSON article has no title' : 'not a JSON article'}${suffix}`);
  }
  const a = parsed.data;
  const title = normalizeVietnamese(collapseWhitespace(a.title));
  if (title === '') throw new InputError(`the JSON article has no title${suffix}`);
  const body = cleanArticleText(a.body ?? a.text ?? a.content ?? '', title);
  const published = a.published ?? a.publishedAt ?? null;
  const url = httpUrl(a.url) ?? httpUrl(a.source_url);
  const lang = a.lang?.trim().toLowerCase().slice(0, 2);
  return {
    title,
    body,
    lang: lang === 'vi' || lang === 'en' ? lang : detectLanguage(`${title}\n${body}`),
    publishedAt:
      typeof published === 'number'
        ? Number.isFinite(published) && Math.abs(published) < 1e14
          ? new Date(published < 1e11 ? published * 1000 : published).toISOString()
          : null
        : toIsoDate(published),
    url,
    guid: a.guid ?? null,
    source: a.source ?? (url === null ? null : new URL(url).hostname.replace(/^www\./, '')),
  };
}
