import type { Lang } from '../domain.ts';
import type { StoredArticle } from '../store.ts';
import type { SummaryCard } from '../reply.ts';
import { formatDateTime, formatDay, t } from './i18n.ts';

export interface CardOptions {
  readonly lang: Lang;
  readonly timezone: string;
  readonly extraLinks?: ReadonlyArray<{ readonly text: string; readonly url: string }>;
}

/** The four answers as labelled fields; "unknown" where the extractor did not know. */
export function toCard(stored: StoredArticle, options: CardOptions): SummaryCard {
  const m = t(options.lang);
  const { article, summary } = stored;
  const list = (xs: readonly string[] | undefined): string =>
    xs !== undefined && xs.length > 0 ? xs.join(', ') : m.unknown;
  let when: string = m.unknown;
  if (summary?.when.text != null) {
    when =
      summary.when.date !== null
        ? `${summary.when.text} (${formatDay(summary.when.date)})`
        : summary.when.text;
  } else if (summary?.when.date != null) {
    when = formatDay(summary.when.date);
  }
  const what = summary !== null && summary.what.trim() !== '' ? summary.what : m.unknown;
  const footerParts = [
    article.source ?? (article.url !== null ? hostOf(article.url) : null),
    article.publishedAt !== null ? formatDateTime(article.publishedAt, options.timezone, options.lang) : null,
    `#${article.id}`,
  ].filter((p): p is string => p !== null && p !== '');
  return {
    kind: 'card',
    title: article.title,
    url: article.url,
    fields: [
      { label: m.who, value: list(summary?.who) },
      { label: m.what, value: what },
      { label: m.when, value: when },
      { label: m.where, value: list(summary?.where) },
    ],
    links: options.extraLinks ?? [],
    footer: footerParts.join(' · '),
    articleId: article.id,
  };
}

export const hostOf = (url: string): string | null => {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return null;
  }
};
