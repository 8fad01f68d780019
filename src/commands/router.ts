import type { Command, CommandDeps } from './command.ts';
import type { CommandInfo, CommandRequest, CommandRouter } from './types.ts';
import type { Reply } from '../reply.ts';
import { chatKey } from '../domain.ts';
import { isBantinError, userMessage } from '../errors.ts';
import { plainReply } from '../reply.ts';
import { t } from './i18n.ts';
import { createHelpCommand } from './help.ts';
import { summaryCommand } from './summary.ts';
import { latestCommand } from './latest.ts';
import { searchCommand } from './search.ts';
import { digestCommand, subscribeCommand, unsubscribeCommand } from './subscribe.ts';
import { feedsCommand } from './feeds.ts';
import { settingsCommand } from './settings.ts';
import { createFetchLimiter } from './fetch-limit.ts';

/** Longest argument text accepted; a command is a line, not a document. */
export const MAX_ARGS_LENGTH = 2_000;

/**
 * The one command router every adapter uses: finds the command, applies the chat's settings and
 * the admin rule, and turns every expected error into a one-line reply. It never throws.
 */
export function createCommandRouter(deps: CommandDeps): CommandRouter {
  const commands: Command[] = [];
  const help = createHelpCommand(() => commands.map((c) => c.info));
  commands.push(
    help,
    summaryCommand,
    latestCommand,
    searchCommand,
    subscribeCommand,
    unsubscribeCommand,
    digestCommand,
    feedsCommand,
    settingsCommand,
  );
  const byName = new Map(commands.map((c) => [c.info.name, c]));
  const fetchLimiter = createFetchLimiter(deps.clock);
  const fetchesUrl = (name: string, args: string): boolean =>
    (name === 'summary' && /^https?:\/\//i.test(args.trim())) ||
    (name === 'feeds' && /^\s*(add|import)\b/i.test(args));
  byName.set('start', help); // Telegram sends /start when a user first opens the bot

  const handle = async (request: CommandRequest): Promise<Reply> => {
    const settings = deps.store.chatSettings(chatKey(request.chat), {
      ...deps.defaults,
      lang: request.userLang ?? deps.defaults.lang,
    });
    const m = t(settings.lang);
    const name = request.name.toLowerCase();
    const command = byName.get(name);
    if (command === undefined) return plainReply(m.unknownCommand(name.slice(0, 40)), true);
    if (request.args.length > MAX_ARGS_LENGTH) {
      return plainReply(
        `/${name}: the text after the command is longer than ${String(MAX_ARGS_LENGTH)} characters.`,
        true,
      );
    }
    try {
      const needsManage = command.needsManage?.(request.args) ?? command.info.managesChat;
      if (needsManage && !(await request.canManage())) return plainReply(m.adminOnly, true);
      if (fetchesUrl(name, request.args)) {
        const who = `${request.chat.platform}:${request.user?.id ?? `chat:${request.chat.id}`}`;
        const allowed = fetchLimiter.take(who);
        if (!allowed.ok) return plainReply(m.fetchLimited(allowed.retryInS), true);
      }
      return await command.run({ request, settings }, deps);
    } catch (e) {
      if (!isBantinError(e)) deps.logger.error({ err: e, command: name }, 'command failed');
      return plainReply(userMessage(e), true);
    }
  };

  return { commands: commands.map((c) => c.info), handle };
}

export type { CommandInfo };
