/** Pure helpers that read Telegram updates: command text, language, membership rights. */
import type { Chat, ChatMember } from 'grammy/types';
import type { Lang } from '../../src/domain.ts';

export interface ParsedCommand {
  /** Lower-case, without slash or @botname. */
  readonly name: string;
  readonly args: string;
}

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?=\s|$)([\s\S]*)$/;

/**
 * Reads "/cmd args" or "/cmd@botname args". Returns null for non-commands and for commands
 * addressed to another bot (in groups several bots see the same "/start@otherbot").
 */
export function parseCommand(text: string, botUsername: string): ParsedCommand | null {
  const m = COMMAND.exec(text.trimStart());
  if (!m) return null;
  const [, name = '', target, rest = ''] = m;
  if (target !== undefined && target.toLowerCase() !== botUsername.toLowerCase()) return null;
  return { name: name.toLowerCase(), args: rest.trim() };
}

/** Telegram's `language_code` is an IETF tag; anything English → 'en', everything else 'vi'. */
export const langOf = (languageCode: string | undefined): Lang =>
  languageCode?.toLowerCase().startsWith('en') === true ? 'en' : 'vi';

/** Whether a member may change the chat's settings: its creator or an administrator. */
export const isChatAdmin = (member: ChatMember): boolean =>
  member.status === 'creator' || member.status === 'administrator';

/**
 * Whether the bot can post in the chat with this membership. In a channel only the creator or an
 * administrator with can_post_messages may post; elsewhere any non-restricted member may.
 */
export function botCanPost(member: ChatMember, chatType: Chat['type']): boolean {
  switch (member.status) {
    case 'creator':
      return true;
    case 'administrator':
      return chatType !== 'channel' || member.can_post_messages === true;
    case 'member':
      return chatType !== 'channel';
    case 'restricted':
      return member.is_member && member.can_send_messages;
    default:
      return false;
  }
}

/** "@name" when the chat has a public username, else its title, else its id. */
export function chatDisplayName(chat: Chat): string {
  if ('username' in chat && chat.username) return `@${chat.username}`;
  if ('title' in chat && chat.title) return chat.title;
  return String(chat.id);
}

/** A channel/group target at the start of the args: "@name" or a "-100…" id, and the rest. */
export function splitChatTarget(args: string): { target: string; rest: string } | null {
  const m = /^(@[A-Za-z][A-Za-z0-9_]{3,31}|-100\d{5,})(?=\s|$)\s*([\s\S]*)$/.exec(args);
  return m ? { target: m[1] ?? '', rest: (m[2] ?? '').trim() } : null;
}
