/**
 * "/subscribe @channel 0 7 * * *" from a private chat: checks that the channel exists for the bot,
 * that the user administers it and that the bot may post there, and says exactly what is missing.
 */
import { GrammyError, type Api } from 'grammy';
import type { Chat, ChatMember } from 'grammy/types';
import type { Lang } from '../../src/domain.ts';
import { botCanPost, chatDisplayName, isChatAdmin } from './updates.ts';

export type ChannelCheck =
  { readonly ok: true; readonly chat: Chat } | { readonly ok: false; readonly message: string };

const MESSAGES = {
  notFound: {
    en: (x: string) => `${x} not found: add the bot to the channel first`,
    vi: (x: string) => `Không tìm thấy ${x}: hãy thêm bot vào kênh trước`,
  },
  notAdmin: {
    en: (x: string) => `You are not an administrator of ${x}`,
    vi: (x: string) => `Bạn không phải là quản trị viên của ${x}`,
  },
  botCannotPost: {
    en: (x: string) => `Add the bot to ${x} as an administrator with permission to post messages`,
    vi: (x: string) => `Hãy thêm bot vào ${x} làm quản trị viên có quyền đăng tin nhắn`,
  },
  unknown: {
    en: (x: string) => `Could not check your rights in ${x}; please try again later`,
    vi: (x: string) => `Không kiểm tra được quyền của bạn trong ${x}; hãy thử lại sau`,
  },
} as const;

/** 400 "chat not found" and 403 "not a member" both mean the bot cannot see the chat. */
const cannotSee = (e: unknown): boolean =>
  e instanceof GrammyError && (e.error_code === 400 || e.error_code === 403);

export async function checkChannelTarget(
  api: Api,
  target: string,
  userId: number,
  botId: number,
  lang: Lang,
): Promise<ChannelCheck> {
  const say = (key: keyof typeof MESSAGES, name: string): ChannelCheck => ({
    ok: false,
    message: MESSAGES[key][lang](name),
  });
  let chat: Chat;
  try {
    chat = await api.getChat(target);
  } catch (e) {
    return say(cannotSee(e) ? 'notFound' : 'unknown', target);
  }
  if (chat.type === 'private') return say('notFound', target);
  const name = chatDisplayName(chat);
  const lookup = (id: number): Promise<ChatMember | Error> =>
    api.getChatMember(chat.id, id).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  const [user, bot] = await Promise.all([lookup(userId), lookup(botId)]);
  // The user's status decides first when it is known: a non-admin learns nothing about the bot.
  if (!(user instanceof Error) && !isChatAdmin(user)) return say('notAdmin', name);
  if (bot instanceof Error) return say(cannotSee(bot) ? 'botCannotPost' : 'unknown', name);
  if (!botCanPost(bot, chat.type) || (chat.type === 'channel' && !isChatAdmin(bot))) {
    return say('botCannotPost', name);
  }
  if (user instanceof Error) return say(cannotSee(user) ? 'notAdmin' : 'unknown', name);
  return { ok: true, chat };
}
