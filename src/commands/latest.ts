import type { Command } from './command.ts';
import type { Block } from '../reply.ts';
import { bold, link, plainReply, text } from '../reply.ts';
import { formatDateTime, t } from './i18n.ts';
import { hostOf } from './summary-card.ts';

export const DEFAULT_LATEST = 5;
export const MAX_LATEST = 20;

export const latestCommand: Command = {
  info: {
    name: 'latest',
    description: { vi: 'Các tin mới nhất', en: 'The newest stories' },
    usage: '/latest [n]',
    managesChat: false,
    mayBeSlow: false,
    options: [
      {
        name: 'count',
        description: { vi: 'Số bài (1–20)', en: 'How many (1–20)' },
        type: 'integer',
        required: false,
      },
    ],
  },
  run(ctx, deps) {
    const m = t(ctx.settings.lang);
    const arg = ctx.request.args.trim();
    const n = arg === '' ? DEFAULT_LATEST : Number(arg);
    if (!Number.isInteger(n) || n < 1 || n > MAX_LATEST) return plainReply(m.latestUsage, true);
    const items = deps.store.latest(n);
    if (items.length === 0) return plainReply(m.noArticles);
    const blocks: Block[] = [{ kind: 'heading', text: m.latest }];
    for (const { article } of items) {
      const when =
        article.publishedAt !== null
          ? formatDateTime(article.publishedAt, ctx.settings.timezone, ctx.settings.lang)
          : '';
      const meta = [article.source ?? (article.url !== null ? hostOf(article.url) : null), when]
        .filter((x) => x !== null && x !== '')
        .join(', ');
      blocks.push({
        kind: 'paragraph',
        spans: [
          bold(`#${String(article.id)} `),
          article.url !== null ? link(article.title, article.url) : text(article.title),
          ...(meta !== '' ? [text(` — ${meta}`)] : []),
        ],
      });
    }
    return { blocks, linkPreview: false };
  },
};
