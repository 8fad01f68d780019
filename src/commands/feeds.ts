import type { Command } from './command.ts';
import type { Block } from '../reply.ts';
import { chatKey } from '../domain.ts';
import { plainReply, text } from '../reply.ts';
import { t } from './i18n.ts';
import { InputError } from '../errors.ts';

export const MAX_FEEDS_PER_CHAT = 20;
const MAX_URL_LENGTH = 2_000;

export const feedsCommand: Command = {
  info: {
    name: 'feeds',
    description: {
      vi: 'Nguồn tin: list, add <url>, remove <số>',
      en: 'News sources: list, add <url>, remove <id>',
    },
    usage: '/feeds list | add <url> | remove <id>',
    // Listing is open to all; add/remove are checked below.
    managesChat: true,
    mayBeSlow: true,
    options: [
      {
        name: 'action',
        description: { vi: 'list, add hoặc remove', en: 'list, add or remove' },
        type: 'string',
        required: false,
        choices: ['list', 'add', 'remove'],
      },
      {
        name: 'value',
        description: { vi: 'URL hoặc số nguồn', en: 'URL or source id' },
        type: 'string',
        required: false,
      },
    ],
  },
  needsManage: (args) => /^\s*(add|remove)\b/i.test(args),
  async run(ctx, deps) {
    const m = t(ctx.settings.lang);
    const [action = 'list', value = ''] = ctx.request.args.trim().split(/\s+/, 2);
    const key = chatKey(ctx.request.chat);
    switch (action.toLowerCase()) {
      case 'list':
      case '': {
        const feeds = deps.store.listFeeds();
        if (feeds.length === 0) return plainReply(m.noFeeds);
        const blocks: Block[] = [{ kind: 'heading', text: m.feedsTitle }];
        for (const f of feeds) {
          const status = f.lastError !== null ? ` — ⚠ ${f.lastError}` : '';
          blocks.push({
            kind: 'paragraph',
            spans: [text(`#${String(f.id)} ${f.title ?? ''} ${f.url}${status}`.replace(/\s+/g, ' '))],
          });
        }
        return { blocks, linkPreview: false };
      }
      case 'add': {
        if (!/^https?:\/\/\S+$/i.test(value) || value.length > MAX_URL_LENGTH) {
          throw new InputError('usage: /feeds add <http(s) URL of an RSS, Atom or JSON feed>');
        }
        const own = deps.store.listFeeds().filter((f) => f.addedBy === key).length;
        if (own >= MAX_FEEDS_PER_CHAT)
          throw new InputError(`a chat can add at most ${String(MAX_FEEDS_PER_CHAT)} feeds`);
        const { feed, created, articles } = await deps.addFeed(value, key);
        return plainReply(created ? m.feedAdded(feed.url, articles) : m.feedExists(feed.id));
      }
      case 'remove': {
        const id = Number(value.replace(/^#/, ''));
        if (!Number.isInteger(id) || id <= 0) throw new InputError(m.feedsUsage);
        const feed = deps.store.getFeed(id);
        if (feed === null) return plainReply(m.feedNotFound(id), true);
        // Operator feeds (defaults) are changed only from the terminal or the CLI.
        if (feed.addedBy !== key && ctx.request.chat.platform !== 'terminal')
          return plainReply(m.feedNotYours(id), true);
        deps.store.removeFeed(id);
        return plainReply(m.feedRemoved(id));
      }
      default:
        throw new InputError(m.feedsUsage);
    }
  },
};
