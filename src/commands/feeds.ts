import type { Command } from './command.ts';
import type { Block } from '../reply.ts';
import { chatKey } from '../domain.ts';
import { plainReply, text } from '../reply.ts';
import { t } from './i18n.ts';
import { InputError, userMessage } from '../errors.ts';
import { readOpmlFeeds, writeOpmlFeeds } from '../feeds/opml.ts';
import type { CommandDeps } from './command.ts';
import type { CommandContext } from './types.ts';

export const MAX_FEEDS_PER_CHAT = 20;
const MAX_URL_LENGTH = 2_000;
/** An OPML of a few hundred feeds is ~50 KB; anything far bigger is not one. */
export const MAX_OPML_BYTES = 1_000_000;
const EXPORT_NAME = 'bantin-feeds.opml';
/** Each new URL of an import is fetched; a file of thousands of dead links must not mean thousands of fetches. */
const MAX_IMPORT_FETCHES = 2 * MAX_FEEDS_PER_CHAT;

export const feedsCommand: Command = {
  info: {
    name: 'feeds',
    description: {
      vi: 'Nguồn tin: list, add <url>, remove <số>, import (tệp OPML), export',
      en: 'News sources: list, add <url>, remove <id>, import (OPML file), export',
    },
    usage: '/feeds list | add <url> | remove <id> | import | export',
    // Listing is open to all; add/remove are checked below.
    managesChat: true,
    mayBeSlow: true,
    options: [
      {
        name: 'action',
        description: {
          vi: 'list, add, remove, import hoặc export',
          en: 'list, add, remove, import or export',
        },
        type: 'string',
        required: false,
        choices: ['list', 'add', 'remove', 'import', 'export'],
      },
      {
        name: 'value',
        description: { vi: 'URL hoặc số nguồn', en: 'URL or source id' },
        type: 'string',
        required: false,
      },
      {
        name: 'file',
        description: { vi: 'Tệp OPML để nhập (import)', en: 'OPML file to import' },
        type: 'attachment',
        required: false,
      },
    ],
  },
  needsManage: (args) => /^\s*(add|remove|import)\b/i.test(args),
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
      case 'export': {
        const feeds = deps.store.listFeeds();
        if (feeds.length === 0) return plainReply(m.noFeeds);
        return {
          blocks: [{ kind: 'paragraph', spans: [text(m.feedsExported(feeds.length))] }],
          file: { name: EXPORT_NAME, mimeType: 'text/x-opml', content: writeOpmlFeeds(feeds) },
        };
      }
      case 'import':
        return importOpml(ctx, deps);
      default:
        throw new InputError(m.feedsUsage);
    }
  },
};

/**
 * Adds every feed of an attached OPML file the way `/feeds add` would (each URL is checked to
 * be a feed), within the chat's feed quota; feeds already known are counted, not fetched again.
 */
async function importOpml(ctx: CommandContext, deps: CommandDeps) {
  const m = t(ctx.settings.lang);
  const file = ctx.request.attachment;
  if (file === undefined) throw new InputError(m.importUsage(ctx.request.chat.platform));
  if (file.size !== null && file.size > MAX_OPML_BYTES) throw new InputError(m.importTooBig(file.name));
  const bytes = await file.read(MAX_OPML_BYTES);
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(m.importNotOpml(file.name));
  }
  let listed: ReturnType<typeof readOpmlFeeds>;
  try {
    listed = readOpmlFeeds(xml);
  } catch {
    throw new InputError(m.importNotOpml(file.name));
  }
  if (listed.length === 0) throw new InputError(m.importEmpty(file.name));
  const key = chatKey(ctx.request.chat);
  const feeds = deps.store.listFeeds();
  const known = new Set(feeds.map((f) => f.url));
  let quota = MAX_FEEDS_PER_CHAT - feeds.filter((f) => f.addedBy === key).length;
  let fetches = 0;
  const result = { added: 0, existing: 0, overQuota: 0, failed: [] as string[] };
  for (const { url } of listed) {
    if (known.has(url)) {
      result.existing++;
      continue;
    }
    if (quota <= 0 || fetches >= MAX_IMPORT_FETCHES) {
      result.overQuota++;
      continue;
    }
    if (url.length > MAX_URL_LENGTH) {
      result.failed.push(`${url.slice(0, 80)}…: ${m.urlTooLong}`);
      continue;
    }
    fetches++;
    try {
      const { created } = await deps.addFeed(url, key);
      if (created) {
        result.added++;
        quota--;
      } else result.existing++;
    } catch (e) {
      result.failed.push(`${url}: ${userMessage(e)}`);
    }
  }
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      spans: [text(m.imported(file.name, listed.length, result.added, result.existing))],
    },
  ];
  if (result.overQuota > 0)
    blocks.push({
      kind: 'paragraph',
      spans: [text(m.importOverQuota(result.overQuota, MAX_FEEDS_PER_CHAT, MAX_IMPORT_FETCHES))],
    });
  for (const line of result.failed) blocks.push({ kind: 'paragraph', spans: [text(`⚠ ${line}`)] });
  return { blocks, linkPreview: false };
}
