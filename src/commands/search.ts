import type { Command } from './command.ts';
import type { Block } from '../reply.ts';
import { bold, link, plainReply, text } from '../reply.ts';
import { t } from './i18n.ts';

const RESULTS = 5;
export const MAX_QUERY_LENGTH = 200;

export const searchCommand: Command = {
  info: {
    name: 'search',
    description: { vi: 'Tìm bài (không cần dấu: "Da Nang")', en: 'Search articles (accents optional)' },
    usage: '/search <words>',
    managesChat: false,
    mayBeSlow: false,
    options: [
      {
        name: 'query',
        description: { vi: 'Từ khóa', en: 'Words to look for' },
        type: 'string',
        required: true,
      },
    ],
  },
  run(ctx, deps) {
    const m = t(ctx.settings.lang);
    const query = ctx.request.args.trim().slice(0, MAX_QUERY_LENGTH);
    if (query === '') return plainReply(m.searchUsage, true);
    const hits = deps.store.search(query, RESULTS);
    if (hits.length === 0) return plainReply(m.noResults(query));
    const blocks: Block[] = [{ kind: 'heading', text: m.searchResults(query) }];
    for (const hit of hits) {
      const { article } = hit;
      blocks.push({
        kind: 'paragraph',
        spans: [
          bold(`#${String(article.id)} `),
          article.url !== null ? link(article.title, article.url) : text(article.title),
          text(`\n${hit.snippet.replace(/\s+/g, ' ').trim()}`),
        ],
      });
    }
    return { blocks, linkPreview: false };
  },
};
