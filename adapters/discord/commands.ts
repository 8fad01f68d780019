/**
 * The core's CommandInfo list → Discord slash-command registration bodies (pure), and the
 * reverse: a slash command's options → the argument text the core router parses.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandInfo, CommandOption } from '../../src/commands/types.ts';

/**
 * An option with this name targets a channel: registered as a Discord channel picker (text and
 * announcement channels) and it becomes the request's chat instead of part of the argument text.
 */
export const CHANNEL_OPTION = 'channel';

/** Discord caps descriptions at 100 characters. */
const desc = (s: string): string => (s.length <= 100 ? s : `${s.slice(0, 99)}…`);

function optionBody(o: CommandOption): APIApplicationCommandOption {
  const common = {
    name: o.name,
    description: desc(o.description.en),
    description_localizations: {
      vi: desc(o.description.vi),
      'en-US': desc(o.description.en),
      'en-GB': desc(o.description.en),
    },
    required: o.required,
  };
  if (o.name === CHANNEL_OPTION) {
    return {
      ...common,
      type: ApplicationCommandOptionType.Channel,
      channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
    };
  }
  if (o.type === 'attachment') return { ...common, type: ApplicationCommandOptionType.Attachment };
  if (o.type === 'integer') {
    const choices = o.choices
      ?.map((c) => ({ name: c, value: Number.parseInt(c, 10) }))
      .filter((c) => Number.isSafeInteger(c.value));
    return {
      ...common,
      type: ApplicationCommandOptionType.Integer,
      ...(choices === undefined || choices.length === 0 ? {} : { choices }),
    };
  }
  const choices = o.choices?.map((c) => ({ name: c, value: c }));
  return {
    ...common,
    type: ApplicationCommandOptionType.String,
    ...(choices === undefined ? {} : { choices }),
  };
}

/**
 * Commands that get an optional `channel` picker when the core declares none: on Discord an
 * admin subscribes a news channel from anywhere in the server (Telegram has no equivalent).
 */
export const DEFAULT_CHANNEL_COMMANDS: readonly string[] = ['subscribe', 'unsubscribe'];

const CHANNEL_OPTION_INFO: CommandOption = {
  name: CHANNEL_OPTION,
  description: {
    vi: 'Kênh nhận bản tin (mặc định: kênh này)',
    en: 'Channel for the digest (default: this one)',
  },
  type: 'string',
  required: false,
};

const withChannelOption =
  (channelCommands: readonly string[]) =>
  (c: CommandInfo): CommandInfo =>
    channelCommands.includes(c.name) && !c.options.some((o) => o.name === CHANNEL_OPTION)
      ? { ...c, options: [...c.options, CHANNEL_OPTION_INFO] }
      : c;

/**
 * Registration bodies for `PUT applications/:id/commands`. State-changing commands get Manage
 * Channels as their default member permissions (admins can change that per server; the bot
 * checks again on arrival) and are guild-only; read commands also work in DMs with the bot.
 * `channelCommands` get a channel picker (default DEFAULT_CHANNEL_COMMANDS).
 */
export function buildSlashCommands(
  commands: readonly CommandInfo[],
  channelCommands: readonly string[] = DEFAULT_CHANNEL_COMMANDS,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map(withChannelOption(channelCommands)).map((c) => ({
    type: ApplicationCommandType.ChatInput,
    name: c.name,
    description: desc(c.description.en),
    description_localizations: {
      vi: desc(c.description.vi),
      'en-US': desc(c.description.en),
      'en-GB': desc(c.description.en),
    },
    // Discord rejects a required option after an optional one.
    options: [...c.options].sort((a, b) => Number(b.required) - Number(a.required)).map(optionBody),
    default_member_permissions: c.managesChat ? String(PermissionFlagsBits.ManageChannels) : null,
    dm_permission: !c.managesChat,
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: c.managesChat
      ? [InteractionContextType.Guild]
      : [InteractionContextType.Guild, InteractionContextType.BotDM],
  }));
}

/**
 * The argument text the router parses, from option values in the command's declared order:
 * `/latest count:5` → "5", `/feeds action:add url:U` → "add U". A subcommand name (if the
 * command was registered with subcommands) comes first. The channel option and attachments
 * (whose value is a file id; the file reaches the core as the request's attachment) are left out.
 */
export function assembleArgs(
  info: CommandInfo | undefined,
  subcommand: string | null,
  values: ReadonlyMap<string, string | number | boolean>,
): string {
  const declared = info?.options.map((o) => o.name) ?? [...values.keys()];
  const files = new Set(info?.options.filter((o) => o.type === 'attachment').map((o) => o.name));
  const ordered = [...declared, ...[...values.keys()].filter((k) => !declared.includes(k))];
  const words = ordered
    .filter((name) => name !== CHANNEL_OPTION && !files.has(name) && values.has(name))
    .map((name) => String(values.get(name)).trim());
  return [subcommand ?? '', ...words].filter((w) => w !== '').join(' ');
}

/** ViewChannel, SendMessages, EmbedLinks, ReadMessageHistory: all a digest and a reply need. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

/** The OAuth2 URL a server admin opens to add the bot with its slash commands. */
export function inviteUrlFor(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: 'bot applications.commands',
    permissions: String(BOT_PERMISSIONS),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
