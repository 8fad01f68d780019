/**
 * The Telegram adapter: turns updates into CommandRequests for the core router and sends the
 * rendered replies. Nothing starts in the factory; `start()` and `stop()` belong to the caller.
 */
import { setMaxListeners } from 'node:events';
import type { Server } from 'node:http';
import { Bot, GrammyError } from 'grammy';
import type { Document, Message, Update, UserFromGetMe } from 'grammy/types';
import { downloadFile } from '../download-file.ts';
import type { Attachment, CommandRequest, CommandRouter } from '../../src/commands/types.ts';
import type { Messenger } from '../../src/delivery.ts';
import type { ChatRef } from '../../src/domain.ts';
import { BantinError, ConfigError, InputError, userMessage } from '../../src/errors.ts';
import type { Logger } from '../../src/ports.ts';
import { plainReply, type Reply } from '../../src/reply.ts';
import { checkChannelTarget } from './channel-target.ts';
import { describeError } from './redact.ts';
import { renderTelegram } from './render.ts';
import { createTelegramSender, type ChatCallback } from './send.ts';
import { createSendLimiter, DEFAULT_SEND_LIMITS, type SendLimits } from './send-limiter.ts';
import { startWebhookServer } from './webhook-server.ts';
import { botCanPost, isChatAdmin, langOf, parseCommand, splitChatTarget } from './updates.ts';

/** The update types the bot asks for; Telegram remembers the last list it was given. */
export const ALLOWED_UPDATES = ['message', 'channel_post', 'my_chat_member'] as const;

export interface TelegramWebhookOptions {
  /** Public HTTPS URL given to setWebhook (TELEGRAM_WEBHOOK_URL). */
  readonly url: string;
  /** Checked on every request (X-Telegram-Bot-Api-Secret-Token); 1-256 of A-Z a-z 0-9 _ -. */
  readonly secretToken: string;
  /** Local port of the HTTP server; 0 picks a free one (tests). */
  readonly port: number;
  /** Default "0.0.0.0": a reverse proxy in front terminates HTTPS. */
  readonly host?: string;
  /** Path served locally; default the path of `url`. */
  readonly path?: string;
}

export interface TelegramBotOptions {
  readonly token: string;
  /** Bot API root without a trailing slash. Default the official https://api.telegram.org. */
  readonly apiRoot?: string;
  readonly router: CommandRouter;
  readonly logger: Logger;
  /** The bot was removed, blocked or lost its rights in a chat: pause its subscriptions. */
  readonly onChatUnavailable: ChatCallback;
  /** The bot was added back or promoted: resume them. */
  readonly onChatAvailable: (chat: ChatRef) => void | Promise<void>;
  /** Send spacing; default Telegram's published limits (DEFAULT_SEND_LIMITS). */
  readonly limits?: SendLimits;
  /** 429 retries per reply part; default 5. */
  readonly maxRetryAttempts?: number;
  /** Longest retry_after a reply waits for; default 60 s. */
  readonly maxDelaySeconds?: number;
  /** Long-poll timeout; default 30 s (Telegram holds the request open that long). */
  readonly pollTimeoutSeconds?: number;
  /** Serve a webhook instead of long polling. */
  readonly webhook?: TelegramWebhookOptions;
  /** Polling stopped on its own (409: another instance; 401: token revoked). Default: log it. */
  readonly onFatalError?: (message: string) => void;
}

export interface TelegramBot {
  /** Checks the token, registers the commands (vi + en), then polls or serves the webhook. */
  start(): Promise<{ readonly username: string; readonly webhookPort: number | null }>;
  /** Stops polling/serving and waits for updates in progress. A stopped bot cannot restart. */
  stop(): Promise<void>;
  readonly messenger: Messenger;
}

/** `{ key: value }`, or nothing when the value is undefined (exactOptionalPropertyTypes). */
const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

/** Turns a getMe failure into a one-line, token-free reason. */
function startError(error: unknown, token: string, apiRoot: string): BantinError {
  if (error instanceof GrammyError && error.error_code === 401) {
    return new ConfigError('Telegram rejected the bot token (401 Unauthorized)');
  }
  if (error instanceof GrammyError) {
    return new BantinError(`Telegram refused to start the bot (${error.error_code}: ${error.description})`);
  }
  return new BantinError(
    `Could not reach the Telegram Bot API at ${apiRoot}: ${describeError(error, token)}`,
  );
}

export function createTelegramBot(options: TelegramBotOptions): TelegramBot {
  const { token, router, logger } = options;
  const apiRoot = options.apiRoot ?? 'https://api.telegram.org';
  const bot = new Bot(token, { client: { apiRoot } });
  const abort = new AbortController();
  // Every send waiting in the limiter listens on this one signal: thousands during a fan-out.
  setMaxListeners(0, abort.signal);
  const sender = createTelegramSender({
    api: bot.api,
    limiter: createSendLimiter(options.limits ?? DEFAULT_SEND_LIMITS),
    logger,
    token,
    onChatUnavailable: options.onChatUnavailable,
    signal: abort.signal,
    ...(options.maxRetryAttempts !== undefined ? { maxRetryAttempts: options.maxRetryAttempts } : {}),
    ...(options.maxDelaySeconds !== undefined ? { maxDelaySeconds: options.maxDelaySeconds } : {}),
  });
  const chatQueues = new Map<number, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let me: UserFromGetMe | null = null;
  let polling: Promise<void> | null = null;
  let server: Server | null = null;

  const describe = (e: unknown) => describeError(e, token);
  const fatal = options.onFatalError ?? ((message: string) => logger.error({ message }, 'telegram stopped'));

  async function answer(request: CommandRequest, replyTo: string, log: Logger): Promise<void> {
    let reply: Reply;
    try {
      reply = await router.handle(request);
    } catch (e) {
      log.error({ err: describe(e), command: request.name }, 'router failed');
      reply = plainReply(userMessage(e), true);
    }
    const results = await sender.sendParts(replyTo, renderTelegram(reply));
    if (reply.file === undefined || results.some((r) => r.status !== 'sent')) return;
    await sender.sendFile(replyTo, reply.file);
  }

  /**
   * The document sent with the command (caption "/feeds import"), or the one the command
   * replies to. Downloaded through getFile only when a command reads it.
   */
  function attachmentOf(message: Message): Attachment | undefined {
    const doc: Document | undefined = message.document ?? message.reply_to_message?.document;
    if (doc === undefined) return undefined;
    const name = doc.file_name ?? 'file';
    return {
      name,
      size: doc.file_size ?? null,
      read: async (maxBytes) => {
        if (doc.file_size !== undefined && doc.file_size > maxBytes) {
          throw new InputError(`${name} is larger than ${String(maxBytes / 1_000_000)} MB.`);
        }
        let path: string | undefined;
        try {
          path = (await bot.api.getFile(doc.file_id)).file_path;
        } catch (e) {
          throw new BantinError(`Telegram did not hand over ${name}: ${describe(e)}`);
        }
        if (path === undefined) throw new BantinError(`Telegram did not hand over ${name}.`);
        return downloadFile(`${apiRoot}/file/bot${token}/${path}`, { maxBytes });
      },
    };
  }

  async function onCommand(message: Message, isChannelPost: boolean, log: Logger): Promise<void> {
    // A command may also be the caption of a file ("/feeds import" on an OPML document).
    const commandText = message.text ?? message.caption;
    if (!me || commandText === undefined) return;
    const parsed = parseCommand(commandText, me.username);
    if (!parsed) return;
    const chat = message.chat;
    const from = isChannelPost ? undefined : message.from;
    const anonymousAdmin = message.sender_chat?.id === chat.id;
    const userLang = langOf(from?.language_code);
    const user =
      from && !anonymousAdmin
        ? { id: String(from.id), name: from.username ? `@${from.username}` : from.first_name }
        : null;
    let managed: Promise<boolean> | null = null;
    const canManage = (): Promise<boolean> => {
      if (chat.type === 'private' || isChannelPost || anonymousAdmin) return Promise.resolve(true);
      if (message.sender_chat || !from) return Promise.resolve(false);
      managed ??= bot.api.getChatMember(chat.id, from.id).then(isChatAdmin, (e: unknown) => {
        log.warn({ err: describe(e) }, 'getChatMember failed; treating the sender as not an admin');
        return false;
      });
      return managed;
    };
    const request: CommandRequest = {
      name: parsed.name,
      args: parsed.args,
      chat: { platform: 'telegram', id: String(chat.id) },
      user,
      canManage,
      userLang,
      ...optional('attachment', attachmentOf(message)),
    };
    const info = router.commands.find((c) => c.name === parsed.name);
    const target = chat.type === 'private' && from && info?.managesChat ? splitChatTarget(parsed.args) : null;
    if (target && from) {
      const check = await checkChannelTarget(bot.api, target.target, from.id, me.id, userLang);
      if (!check.ok) {
        await sender.sendParts(String(chat.id), renderTelegram(plainReply(check.message, true)));
        return;
      }
      const forwarded: CommandRequest = {
        ...request,
        args: target.rest,
        chat: { platform: 'telegram', id: String(check.chat.id) },
        canManage: () => Promise.resolve(true),
      };
      log.info({ command: parsed.name, channel: check.chat.id }, 'command for a channel from a private chat');
      await answer(forwarded, String(chat.id), log);
      return;
    }
    await answer(request, String(chat.id), log);
  }

  async function onUpdate(update: Update): Promise<void> {
    const log = logger.child({ updateId: update.update_id });
    if (update.my_chat_member) {
      const { chat, new_chat_member: member } = update.my_chat_member;
      const ref: ChatRef = { platform: 'telegram', id: String(chat.id) };
      log.info({ chatId: chat.id, status: member.status }, 'bot membership changed');
      if (botCanPost(member, chat.type)) await options.onChatAvailable(ref);
      else await options.onChatUnavailable(ref, `bot is ${member.status} in the chat`);
      return;
    }
    if (update.message) await onCommand(update.message, false, log);
    else if (update.channel_post) await onCommand(update.channel_post, true, log);
  }

  /** Updates of one chat run in order; different chats do not wait for each other. */
  function schedule(update: Update): void {
    const chatId =
      update.message?.chat.id ?? update.channel_post?.chat.id ?? update.my_chat_member?.chat.id ?? 0;
    const task = (chatQueues.get(chatId) ?? Promise.resolve())
      .then(() => onUpdate(update))
      .catch((e: unknown) => logger.error({ err: describe(e), updateId: update.update_id }, 'update failed'));
    chatQueues.set(chatId, task);
    inFlight.add(task);
    void task.finally(() => {
      inFlight.delete(task);
      if (chatQueues.get(chatId) === task) chatQueues.delete(chatId);
    });
  }

  bot.use((ctx) => schedule(ctx.update));
  bot.catch((err) => logger.error({ err: describe(err.error) }, 'telegram middleware error'));

  async function registerCommands(): Promise<void> {
    const valid = router.commands.filter((c) => /^[a-z0-9_]{1,32}$/.test(c.name));
    const list = (lang: 'vi' | 'en') =>
      valid.map((c) => ({
        command: c.name,
        description: (c.description[lang] || c.usage || c.name).slice(0, 256),
      }));
    try {
      await bot.api.setMyCommands(list('vi'));
      await bot.api.setMyCommands(list('en'), { language_code: 'en' });
    } catch (e) {
      logger.warn({ err: describe(e) }, 'setMyCommands failed; the command menu may be stale');
    }
  }

  async function startWebhook(webhook: TelegramWebhookOptions): Promise<number> {
    const started = await startWebhookServer(bot, {
      path: webhook.path ?? new URL(webhook.url).pathname,
      secretToken: webhook.secretToken,
      port: webhook.port,
      host: webhook.host ?? '0.0.0.0',
      describe,
      logger,
    });
    server = started.server;
    await bot.api.setWebhook(webhook.url, {
      secret_token: webhook.secretToken,
      allowed_updates: [...ALLOWED_UPDATES],
    });
    return started.port;
  }

  function startPolling(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let started = false;
      polling = bot
        .start({
          allowed_updates: [...ALLOWED_UPDATES],
          timeout: options.pollTimeoutSeconds ?? 30,
          onStart: () => {
            started = true;
            resolve();
          },
        })
        .catch((e: unknown) => {
          const message =
            e instanceof GrammyError && e.error_code === 409
              ? 'Telegram polling stopped: another instance is using this bot token (409 Conflict)'
              : e instanceof GrammyError && e.error_code === 401
                ? 'Telegram rejected the bot token (401 Unauthorized)'
                : `Telegram polling stopped: ${describe(e)}`;
          if (started) fatal(message);
          else reject(new BantinError(message));
        });
    });
  }

  return {
    messenger: {
      platform: 'telegram',
      render: (reply) => renderTelegram(reply),
      sendPart: (chatId, part) => sender.sendPart(chatId, part),
      concurrency: () => sender.concurrency(),
    },
    async start() {
      if (options.webhook && !/^[A-Za-z0-9_-]{1,256}$/.test(options.webhook.secretToken)) {
        throw new ConfigError(
          'The Telegram webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -',
        );
      }
      try {
        me = await bot.api.getMe();
      } catch (e) {
        throw startError(e, token, apiRoot);
      }
      bot.botInfo = me;
      await registerCommands();
      const webhookPort = options.webhook ? await startWebhook(options.webhook) : null;
      if (!options.webhook) await startPolling();
      logger.info(
        { username: `@${me.username}`, mode: options.webhook ? 'webhook' : 'polling' },
        'telegram bot started',
      );
      return { username: me.username, webhookPort };
    },
    async stop() {
      abort.abort();
      if (bot.isRunning())
        await bot.stop().catch((e: unknown) => logger.warn({ err: describe(e) }, 'stop failed'));
      await polling;
      const srv = server;
      if (srv) {
        await new Promise<void>((resolve) => {
          srv.close(() => resolve());
          srv.closeAllConnections();
        });
      }
      await Promise.allSettled([...inFlight]);
    },
  };
}
