/**
 * The Discord bot: a discord.js client with the Guilds intent only (no privileged intents; slash
 * commands need no message content), slash-command registration on ready, and a REST messenger
 * for digests. The factory starts nothing; `start()` logs in, `stop()` destroys the client.
 */
import { once } from 'node:events';
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, Options, Routes } from 'discord.js';
import type { CommandRouter } from '../../src/commands/types.ts';
import type { Messenger } from '../../src/delivery.ts';
import type { ChatRef } from '../../src/domain.ts';
import { BantinError } from '../../src/errors.ts';
import type { Logger } from '../../src/ports.ts';
import { buildSlashCommands, inviteUrlFor } from './commands.ts';
import { DISCORD_CDN_HOSTS, handleSlashCommand } from './interaction.ts';
import { createDiscordMessenger } from './messenger.ts';

/** What createDiscordBot needs; main.ts reads DISCORD_BOT_TOKEN, DISCORD_API_ROOT, DISCORD_GUILD_ID. */
export interface DiscordBotOptions {
  readonly token: string;
  /** REST root without the version, default "https://discord.com/api"; tests point it at a fake. */
  readonly apiRoot?: string;
  /** Register commands to this guild only (they appear at once: for development); default global. */
  readonly guildId?: string;
  readonly router: CommandRouter;
  readonly logger: Logger;
  /** A channel was deleted or the bot lost access (also on 403/404 while sending): pause it. */
  readonly onChatUnavailable: (chat: ChatRef, reason: string) => void | Promise<void>;
  /** A command arrived in a channel where the bot may post: may resume a paused subscription. Idempotent. */
  readonly onChatAvailable: (chat: ChatRef) => void | Promise<void>;
  /**
   * Register slash commands on start; default true. Shard processes set it false so the one
   * process that schedules digests also registers commands (see SHARDING.md).
   */
  readonly registerCommands?: boolean;
  /** See InteractionDeps.deferAfterMs; default 2000. */
  readonly deferAfterMs?: number;
  /**
   * A channel post facing a longer 429 wait than this returns 'rate-limited' to the outbox instead
   * of holding the send; shorter waits are absorbed by discord.js. Default 60 000 ms.
   */
  readonly maxRateLimitWaitMs?: number;
}

/** A Discord bot the caller starts and stops (tests: stop it before closing the fake). */
export interface DiscordBot {
  /** Logs in, waits for every guild, registers the slash commands. Rejects with one line on a bad token. */
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly messenger: Messenger;
  /** The invite URL, known once start() has resolved (it needs the application id). */
  readonly inviteUrl: string | null;
}

/** One line, never the token (discord.js messages do not contain it, but be certain). */
const oneLine = (e: unknown, token: string): string =>
  (e instanceof Error ? e.message : String(e)).replace(/\n[\s\S]*$/, '').replaceAll(token, '<token>');

/** Keeps only the bot's own member and user once a cache is full. */
const onlySelf = (entry: { id: string; client: Client }): boolean => entry.id === entry.client.user?.id;

/**
 * The discord.js client: the Guilds intent, REST at `apiRoot`, and no caches the adapter never
 * reads. By default discord.js keeps every member and user an interaction brings, every message
 * an edited reply returns (200 per channel), and every guild's emojis and stickers, for as long
 * as the process runs. Slash commands read everything from the interaction payload and sends go
 * over REST, so those caches hold 0 entries. Guilds, channels and roles stay cached as
 * discord.js requires: GuildDelete lists a guild's channels to pause them, and ChannelDelete is
 * only emitted for a cached channel.
 */
export function createDiscordClient(
  options: Pick<DiscordBotOptions, 'apiRoot' | 'maxRateLimitWaitMs'> = {},
): Client {
  const maxWait = options.maxRateLimitWaitMs ?? 60_000;
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: {
      api: options.apiRoot ?? 'https://discord.com/api',
      rejectOnRateLimit: (limit) =>
        limit.method.toUpperCase() === 'POST' &&
        /^\/channels\/[^/]+\/messages$/.test(limit.route) &&
        limit.timeToReset > maxWait,
    },
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits({
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildInviteManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: onlySelf },
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      ThreadMemberManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: onlySelf },
      VoiceStateManager: 0,
    }),
  });
}

/**
 * Builds the client and messenger without connecting. The messenger works before start() and
 * during gateway outages: it only needs REST and the token.
 */
export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { token, router, logger } = options;
  const log = logger.child({ platform: 'discord' });
  const client = createDiscordClient(options);
  // REST works without the gateway: the outbox may send digests before start() or while reconnecting.
  client.rest.setToken(token);
  const resolvedChannelPermissions = new Map<string, string>();
  // A REST root set in the environment (a local proxy or test fake) is trusted like Discord itself.
  const attachmentHosts = new Set([
    ...DISCORD_CDN_HOSTS,
    ...(options.apiRoot === undefined ? [] : [new URL(options.apiRoot).host]),
  ]);
  let inviteUrl: string | null = null;
  let started = false;

  const unavailable = (chat: ChatRef, reason: string): void => {
    void Promise.resolve()
      .then(() => options.onChatUnavailable(chat, reason))
      .catch((err: unknown) => log.error({ err, chat }, 'onChatUnavailable failed'));
  };

  const attachHandlers = (): void => {
    // discord.js drops the member's per-channel permissions Discord sends with channel options.
    client.ws.on(
      GatewayDispatchEvents.InteractionCreate,
      (data: {
        id: string;
        data?: { resolved?: { channels?: Record<string, { permissions?: string }> } };
      }) => {
        for (const [id, ch] of Object.entries(data.data?.resolved?.channels ?? {})) {
          if (typeof ch.permissions === 'string')
            resolvedChannelPermissions.set(`${data.id}:${id}`, ch.permissions);
        }
      },
    );
    const forget = (interactionId: string): void => {
      for (const key of [...resolvedChannelPermissions.keys()]) {
        if (key.startsWith(`${interactionId}:`)) resolvedChannelPermissions.delete(key);
      }
    };
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand()) {
        forget(interaction.id);
        return;
      }
      handleSlashCommand(interaction, {
        router,
        logger: log,
        deferAfterMs: options.deferAfterMs ?? 2000,
        resolvedChannelPermissions,
        onChatAvailable: options.onChatAvailable,
        attachmentHosts,
      })
        .catch((err: unknown) =>
          log.error({ err: oneLine(err, token), interaction: interaction.id }, 'slash command failed'),
        )
        .finally(() => forget(interaction.id));
    });
    client.on(Events.ChannelDelete, (channel) =>
      unavailable({ platform: 'discord', id: channel.id }, 'channel deleted'),
    );
    client.on(Events.GuildDelete, (guild) => {
      // Only a removal (kick, ban, server deleted): an outage emits guildUnavailable instead.
      for (const id of guild.channels.cache.keys())
        unavailable({ platform: 'discord', id }, 'removed from server');
    });
    client.on(Events.Error, (err) => log.error({ err: oneLine(err, token) }, 'discord client error'));
    client.on(Events.ShardDisconnect, (event, shard) =>
      log.warn({ code: event.code, shard }, 'gateway closed for good'),
    );
  };

  return {
    messenger: createDiscordMessenger({
      rest: client.rest,
      logger: log,
      onChatUnavailable: options.onChatUnavailable,
    }),
    get inviteUrl() {
      return inviteUrl;
    },
    async start() {
      if (started) throw new BantinError('Discord bot already started');
      started = true;
      attachHandlers();
      const ready = once(client, Events.ClientReady);
      try {
        await client.login(token);
        await ready;
      } catch (err) {
        await client.destroy();
        throw new BantinError(`Discord login failed: ${oneLine(err, token)}`);
      }
      const applicationId = client.application?.id ?? client.user?.id;
      if (applicationId === undefined)
        throw new BantinError('Discord login failed: no application id in READY');
      const body = buildSlashCommands(router.commands);
      const route =
        options.guildId === undefined
          ? Routes.applicationCommands(applicationId)
          : Routes.applicationGuildCommands(applicationId, options.guildId);
      if (options.registerCommands !== false) {
        try {
          await client.rest.put(route, { body });
        } catch (err) {
          throw new BantinError(`Discord command registration failed: ${oneLine(err, token)}`);
        }
      }
      inviteUrl = inviteUrlFor(applicationId);
      log.info(
        {
          user: client.user?.tag,
          guilds: client.guilds.cache.size,
          commands: body.length,
          scope: options.guildId ?? 'global',
          inviteUrl,
        },
        'discord bot ready; invite it with the URL',
      );
    },
    async stop() {
      await client.destroy();
    },
  };
}
