/**
 * One slash command: interaction → CommandRequest → router → Reply → interaction response.
 * Discord allows 3 s before the first response; slow commands (and any that overrun
 * `deferAfterMs`) are deferred, then the original response is edited.
 */
import {
  MessageFlags,
  PermissionFlagsBits,
  PermissionsBitField,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Attachment, CommandRequest, CommandRouter } from '../../src/commands/types.ts';
import type { ChatRef, Lang } from '../../src/domain.ts';
import { BantinError, InputError, userMessage } from '../../src/errors.ts';
import type { Logger } from '../../src/ports.ts';
import { plainReply, type Reply } from '../../src/reply.ts';
import { downloadFile } from '../download-file.ts';
import { CHANNEL_OPTION, assembleArgs } from './commands.ts';
import {
  renderDiscord,
  type DiscordEmbed,
  type DiscordEmbedField,
  type DiscordMessagePart,
} from './render.ts';

/** What handleSlashCommand needs from the bot. */
export interface InteractionDeps {
  readonly router: CommandRouter;
  readonly logger: Logger;
  /** Defers a command not marked mayBeSlow once it runs this long; default 2000 ms (limit is 3 s). */
  readonly deferAfterMs: number;
  /**
   * The member's permissions in each resolved channel option, as Discord computed them (taken
   * from the raw gateway payload: discord.js drops them). Keyed by `${interactionId}:${channelId}`.
   */
  readonly resolvedChannelPermissions: ReadonlyMap<string, string>;
  readonly onChatAvailable: (chat: ChatRef) => void | Promise<void>;
  /** Hosts an attachment may be downloaded from: Discord's CDN (and a test fake's). */
  readonly attachmentHosts: ReadonlySet<string>;
}

/** Discord's CDN hosts for message and interaction attachments. */
export const DISCORD_CDN_HOSTS: readonly string[] = ['cdn.discordapp.com', 'media.discordapp.net'];

/** The file of the command's attachment option, downloaded only when the core reads it. */
function attachmentOf(i: ChatInputCommandInteraction, deps: InteractionDeps): Attachment | undefined {
  const option = deps.router.commands
    .find((c) => c.name === i.commandName)
    ?.options.find((o) => o.type === 'attachment');
  const file = option === undefined ? null : i.options.getAttachment(option.name, false);
  if (file === null) return undefined;
  return {
    name: file.name,
    size: file.size,
    read: (maxBytes) => {
      // The URL comes from the gateway payload; still, bantin only fetches from Discord itself.
      if (!deps.attachmentHosts.has(new URL(file.url).host))
        return Promise.reject(new BantinError(`${file.name} is not on Discord's file server.`));
      if (file.size > maxBytes)
        return Promise.reject(
          new InputError(`${file.name} is larger than ${String(maxBytes / 1_000_000)} MB.`),
        );
      return downloadFile(file.url, { maxBytes });
    },
  };
}

/** Discord locales are "vi", "en-US", "en-GB"...: Vietnamese if the user's or the server's is. */
export function langFromLocales(locale: string | null, guildLocale: string | null): Lang {
  return locale?.startsWith('vi') === true || guildLocale?.startsWith('vi') === true ? 'vi' : 'en';
}

function toRequest(i: ChatInputCommandInteraction, deps: InteractionDeps): CommandRequest {
  const info = deps.router.commands.find((c) => c.name === i.commandName);
  const subcommand = i.options.getSubcommand(false);
  const rawOptions = subcommand === null ? i.options.data : (i.options.data[0]?.options ?? []);
  const values = new Map<string, string | number | boolean>();
  for (const o of rawOptions) if (o.value !== undefined) values.set(o.name, o.value);
  const target = i.options.getChannel(CHANNEL_OPTION, false)?.id ?? i.channelId;
  const inGuild = i.inGuild();
  const memberPermissions = i.memberPermissions;
  const targetPermissions = deps.resolvedChannelPermissions.get(`${i.id}:${target}`);
  const attachment = attachmentOf(i, deps);
  return {
    ...(attachment === undefined ? {} : { attachment }),
    name: i.commandName,
    args: assembleArgs(info, subcommand, values),
    chat: { platform: 'discord', id: target },
    user: { id: i.user.id, name: i.user.globalName ?? i.user.username },
    userLang: langFromLocales(i.locale, i.guildLocale),
    // Checked again here because server admins can override default_member_permissions.
    canManage: () => {
      if (!inGuild) return Promise.resolve(true);
      const perms =
        targetPermissions !== undefined && target !== i.channelId
          ? new PermissionsBitField(BigInt(targetPermissions))
          : memberPermissions;
      return Promise.resolve(perms?.has(PermissionFlagsBits.ManageChannels) ?? false);
    },
  };
}

/** discord.js edit options from a rendered part (its embeds are plain API JSON). */
interface EditOptions {
  content?: string;
  embeds?: Array<DiscordEmbed & { fields: DiscordEmbedField[] }>;
  allowedMentions: { parse: [] };
  flags?: Array<'SuppressEmbeds'>;
  files?: Array<{ attachment: Buffer; name: string }>;
}

const toEdit = (part: DiscordMessagePart): EditOptions => ({
  ...(part.content === undefined ? {} : { content: part.content }),
  ...(part.embeds === undefined ? {} : { embeds: part.embeds.map((e) => ({ ...e, fields: [...e.fields] })) }),
  allowedMentions: { parse: [] },
  ...(((part.flags ?? 0) & MessageFlags.SuppressEmbeds) !== 0 ? { flags: ['SuppressEmbeds' as const] } : {}),
});

/** Reply options: an ephemeral flag can only be set on the first response or a follow-up. */
const toReply = (
  part: DiscordMessagePart,
  ephemeral: boolean,
): Omit<EditOptions, 'flags'> & { flags?: Array<'SuppressEmbeds' | 'Ephemeral'> } => {
  const { flags = [], ...rest } = toEdit(part);
  const all: Array<'SuppressEmbeds' | 'Ephemeral'> = ephemeral ? [...flags, 'Ephemeral'] : flags;
  return { ...rest, ...(all.length === 0 ? {} : { flags: all }) };
};

async function runRouter(router: CommandRouter, request: CommandRequest, log: Logger): Promise<Reply> {
  try {
    return await router.handle(request);
  } catch (err) {
    // The router catches its own errors; this is the edge of last resort.
    log.error({ err }, 'router threw');
    return plainReply(userMessage(err), true);
  }
}

/**
 * Handles one chat-input interaction end to end. A router failure becomes an ephemeral error
 * reply; a Discord failure (expired token, network) rejects, and the caller logs it.
 */
export async function handleSlashCommand(
  i: ChatInputCommandInteraction,
  deps: InteractionDeps,
): Promise<void> {
  const log = deps.logger.child({
    interaction: i.id,
    command: i.commandName,
    guild: i.guildId,
    channel: i.channelId,
  });
  const info = deps.router.commands.find((c) => c.name === i.commandName);
  if (i.appPermissions.has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages])) {
    // Not awaited: the 3-second response window is for the command, not for bookkeeping.
    void Promise.resolve()
      .then(() => deps.onChatAvailable({ platform: 'discord', id: i.channelId }))
      .catch((err: unknown) => log.error({ err }, 'onChatAvailable failed'));
  }
  const request = toRequest(i, deps);
  log.debug({ args: request.args, chat: request.chat }, 'slash command');
  const pending = runRouter(deps.router, request, log);
  let deferred = false;
  if (info?.mayBeSlow === true) {
    await i.deferReply();
    deferred = true;
  } else {
    let timer: NodeJS.Timeout | undefined;
    const overran = await Promise.race([
      pending.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), deps.deferAfterMs))),
    ]);
    clearTimeout(timer);
    if (overran) {
      await i.deferReply();
      deferred = true;
    }
  }
  const reply = await pending;
  const ephemeral = reply.isError === true;
  const parts = renderDiscord(reply);
  if (parts.length === 0) parts.push({ content: '—', allowed_mentions: { parse: [] } });
  const [first, ...rest] = parts as [DiscordMessagePart, ...DiscordMessagePart[]];
  // A reply's file (an OPML export) rides on its first message.
  const files =
    reply.file === undefined
      ? {}
      : { files: [{ attachment: Buffer.from(reply.file.content), name: reply.file.name }] };
  if (!deferred) await i.reply({ ...toReply(first, ephemeral), ...files });
  else if (ephemeral) {
    // A deferred response is already public; an error should only be seen by the asker.
    await i.deleteReply();
    await i.followUp({ ...toReply(first, true), ...files });
  } else await i.editReply({ ...toEdit(first), ...files });
  for (const part of rest) await i.followUp(toReply(part, ephemeral));
  log.info({ parts: parts.length, deferred, error: ephemeral }, 'slash command answered');
}
