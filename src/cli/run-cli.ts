import { writeFile, readFile } from 'node:fs/promises';
import type { ChatSettings } from '../domain.ts';
import type { Logger } from '../ports.ts';
import type { Store } from '../store.ts';
import type { Extractor } from '../articles/save-drafts.ts';
import { saveDrafts, summariseDraft } from '../articles/save-drafts.ts';
import { draftsOf, toContractJson, type SourceDeps } from '../articles/summarise-input.ts';
import { userMessage } from '../errors.ts';
import { composeDigest } from '../digest/compose.ts';
import { parseDuration } from '../config.ts';
import { readOpmlFeeds, writeOpmlFeeds } from '../feeds/opml.ts';
import { toCard } from '../commands/summary-card.ts';
import { t } from '../commands/i18n.ts';
import type { Reply } from '../reply.ts';

export interface CliDeps extends SourceDeps {
  readonly store: Store;
  readonly extractor: Extractor;
  readonly logger: Logger;
  readonly defaults: ChatSettings;
  readonly digestMaxItems: number;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly now: () => Date;
  /** Renders a reply as plain text (the terminal adapter's renderer). */
  readonly renderText: (reply: Reply) => string;
  /** Adds a feed after checking it is one (fetches it). */
  readonly addFeed: (url: string) => Promise<{ id: number; created: boolean; articles: number }>;
  /** SQLite online backup to a file. */
  readonly backup: (path: string) => Promise<void>;
  readonly placeAliases?: ReadonlyMap<string, readonly string[]>;
}

export const CLI_USAGE = `usage: npm run newsbot -- <command>
  ingest <path|url|feed-url>...     store and summarise articles (files, pages, feeds)
  summarize [--json] <path|url|->... print who/what/when/where (one JSON object per line with --json)
  search <words>                    accent-insensitive search
  digest [--since 24h]              what a digest would contain now
  feeds list|add <url>|remove <id>|import <opml>|export
  reextract                         re-run the extractor on summaries from older versions
  backup <file>                     consistent copy of the database while the bot runs
  serve                             run the bot (= npm start)`;

/** Runs one CLI command; returns the exit code. Bad inputs print one line each and give 1 at the end. */
export async function runCli(command: string, args: readonly string[], deps: CliDeps): Promise<number> {
  const out = (s: string): void => void deps.stdout.write(`${s}\n`);
  const err = (s: string): void => void deps.stderr.write(`${s}\n`);
  const settings = deps.defaults;
  let failures = 0;
  const eachInput = async (
    inputs: readonly string[],
    run: (input: string) => Promise<void>,
  ): Promise<void> => {
    for (const input of inputs) {
      try {
        await run(input);
      } catch (e) {
        failures++;
        err(`${input}: ${userMessage(e)}`);
        deps.logger.debug({ err: e }, 'cli input failed');
      }
    }
  };

  switch (command) {
    case 'ingest': {
      if (args.length === 0) return usage(err);
      await eachInput(args, async (input) => {
        const { drafts, feedUrl, title } = await draftsOf(input, deps);
        let feedId: number | null = null;
        if (feedUrl !== null) feedId = deps.store.addFeed(feedUrl, null).feed.id;
        const outcomes = saveDrafts(drafts, feedId, deps);
        const count = (s: string): number => outcomes.filter((o) => o.status === s).length;
        out(
          `${input}: ${String(count('inserted'))} new, ${String(count('updated'))} updated, ${String(count('unchanged'))} unchanged${title !== null ? ` (${title})` : ''}`,
        );
      });
      break;
    }
    case 'summarize':
    case 'summarise': {
      const json = args.includes('--json');
      const inputs = args.filter((a) => a !== '--json');
      if (inputs.length === 0) return usage(err);
      await eachInput(inputs, async (input) => {
        const { drafts } = await draftsOf(input, deps);
        for (const draft of drafts) {
          const e = summariseDraft(draft, deps);
          if (json) out(toContractJson(draft, e));
          else {
            const stored = {
              article: { ...draft, id: 0, feedId: null, fetchedAt: deps.now().toISOString() },
              summary: { ...e, articleId: 0, extractorVersion: deps.extractor.version },
            };
            const card = { ...toCard(stored, settings), footer: draft.source ?? '', articleId: null };
            out(deps.renderText({ blocks: [card] }));
          }
        }
      });
      break;
    }
    case 'search': {
      const query = args.join(' ').trim();
      if (query === '') return usage(err);
      const hits = deps.store.search(query, 10);
      if (hits.length === 0) out(`no article found for "${query}"`);
      for (const h of hits)
        out(`#${String(h.article.id)} ${h.article.title}\n   ${h.snippet.replace(/\s+/g, ' ')}`);
      break;
    }
    case 'digest': {
      const i = args.indexOf('--since');
      const sinceMs = i >= 0 ? parseDuration(args[i + 1] ?? '') : 24 * 3_600_000;
      if (sinceMs === null) {
        err('--since takes a duration such as 24h, 90m or 2d');
        return 1;
      }
      const now = deps.now();
      const digest = composeDigest(deps.store, {
        chatKey: 'preview',
        settings,
        since: new Date(now.getTime() - sinceMs).toISOString(),
        now,
        maxItems: deps.digestMaxItems,
        filter: null,
        ...(deps.placeAliases !== undefined ? { placeAliases: deps.placeAliases } : {}),
      });
      out(digest.events.length === 0 ? t(settings.lang).digestEmpty : deps.renderText(digest.reply));
      break;
    }
    case 'feeds':
      return runFeeds(args, deps, out, err);
    case 'reextract': {
      let afterId = 0;
      let done = 0;
      for (;;) {
        const batch = deps.store.staleSummaries(deps.extractor.version, 500, afterId);
        if (batch.length === 0) break;
        for (const article of batch) {
          deps.store.saveSummary(article.id, summariseDraft(article, deps), deps.extractor.version);
          afterId = article.id;
        }
        done += batch.length;
      }
      out(`re-extracted ${String(done)} article(s) with extractor ${deps.extractor.version}`);
      break;
    }
    case 'backup': {
      const file = args[0];
      if (file === undefined) return usage(err);
      await deps.backup(file);
      out(`backup written to ${file}`);
      break;
    }
    default:
      err(`unknown command "${command}"`);
      return usage(err);
  }
  return failures > 0 ? 1 : 0;
}

function usage(err: (s: string) => void): number {
  err(CLI_USAGE);
  return 2;
}

async function runFeeds(
  args: readonly string[],
  deps: CliDeps,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const [action = 'list', value] = args;
  switch (action) {
    case 'list':
      for (const f of deps.store.listFeeds()) {
        out(
          `#${String(f.id)}\t${f.url}\t${f.title ?? ''}${f.lastError !== null ? `\t(${String(f.failures)} failures: ${f.lastError})` : ''}`,
        );
      }
      return 0;
    case 'add': {
      if (value === undefined) return usage(err);
      try {
        const r = await deps.addFeed(value);
        out(
          r.created
            ? `added #${String(r.id)} ${value} (${String(r.articles)} articles)`
            : `already there: #${String(r.id)}`,
        );
        return 0;
      } catch (e) {
        err(`${value}: ${userMessage(e)}`);
        return 1;
      }
    }
    case 'remove': {
      const id = Number(value);
      if (!Number.isInteger(id) || !deps.store.removeFeed(id)) {
        err(`no feed #${value ?? ''}`);
        return 1;
      }
      out(`removed #${String(id)}`);
      return 0;
    }
    case 'import': {
      if (value === undefined) return usage(err);
      const feeds = readOpmlFeeds(await readFile(value, 'utf8'));
      let created = 0;
      for (const f of feeds) if (deps.store.addFeed(f.url, null).created) created++;
      out(`imported ${String(feeds.length)} feed(s) from ${value}: ${String(created)} new`);
      return 0;
    }
    case 'export': {
      const opml = writeOpmlFeeds(deps.store.listFeeds());
      if (value !== undefined) await writeFile(value, opml);
      else out(opml);
      return 0;
    }
    default:
      return usage(err);
  }
}
