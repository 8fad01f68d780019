import type { Command, CommandDeps } from './command.ts';
import type { CommandContext } from './types.ts';
import type { Block, Reply } from '../reply.ts';
import type { StoredArticle } from '../store.ts';
import { toCard } from './summary-card.ts';
import { t } from './i18n.ts';
import { createTopStories } from '../digest/top-stories.ts';
import { plainReply } from '../reply.ts';

const TOP_N = 5;

const cardsReply = (heading: string | null, items: readonly StoredArticle[], ctx: CommandContext): Reply => {
  const blocks: Block[] = heading === null ? [] : [{ kind: 'heading', text: heading }];
  for (const item of items) blocks.push(toCard(item, ctx.settings));
  return { blocks, linkPreview: items.length === 1 };
};

/** Top stories of the last 24 h: grouped into events, most-covered first; else the newest. */
function topStories(ctx: CommandContext, deps: CommandDeps): Reply {
  const m = t(ctx.settings.lang);
  const top = deps.topStories ?? createTopStories({ store: deps.store });
  const events = top.events(deps.clock.now()).slice(0, TOP_N);
  if (events.length > 0) {
    return cardsReply(
      m.topStories,
      events.map((e) => e.lead),
      ctx,
    );
  }
  const latest = deps.store.latest(TOP_N);
  if (latest.length === 0) return plainReply(m.noArticles);
  return cardsReply(m.recentStories, latest, ctx);
}

export const summaryCommand: Command = {
  info: {
    name: 'summary',
    description: {
      vi: 'Tóm tắt: tin nổi bật, hoặc một bài (mã bài, đường dẫn, từ khóa)',
      en: 'Summary: top stories, or one article (id, link or words)',
    },
    usage: '/summary [id | url | words]',
    managesChat: false,
    // Top stories are kept between commands, so most answers take a few ms: Discord answers in
    // the interaction callback (one request instead of defer + edit, half the reply time). A link
    // still fetches a page; the adapter defers it once it runs past its deferAfterMs (2 s).
    mayBeSlow: false,
    options: [
      {
        name: 'query',
        description: { vi: 'Mã bài, đường dẫn hoặc từ khóa', en: 'Article id, link or words' },
        type: 'string',
        required: false,
      },
    ],
  },
  async run(ctx, deps) {
    const m = t(ctx.settings.lang);
    const arg = ctx.request.args.trim();
    if (arg === '') return topStories(ctx, deps);
    const id = /^#?(\d{1,12})$/.exec(arg);
    if (id !== null) {
      const stored = deps.store.getArticle(Number(id[1]));
      return stored === null
        ? plainReply(m.articleNotFound(Number(id[1])), true)
        : cardsReply(null, [stored], ctx);
    }
    if (/^https?:\/\//i.test(arg))
      return cardsReply(null, [await deps.summariseUrl(arg.split(/\s+/)[0] ?? arg)], ctx);
    const hit = deps.store.search(arg, 1)[0];
    return hit === undefined ? plainReply(m.noResults(arg), true) : cardsReply(null, [hit], ctx);
  },
};
