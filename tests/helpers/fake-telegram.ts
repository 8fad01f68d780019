/**
 * A fake Telegram Bot API server on 127.0.0.1:0 for tests that run the real grammY client.
 * It is written to the protocol (long polling, 401/404/409/400/403/429, the 4096 limit, HTML and
 * entity validation), records every call and lets a test inject updates and failures. What it
 * does not model is listed in the Telegram adapter's report; error wording is close, not exact.
 * Longer than the house ~300 lines on purpose: one self-contained protocol twin is easier to
 * trust than a folder of pieces.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_TOKEN = '123456:TEST-fake-token-0123456789abcdef';
export const GROUP_ANONYMOUS_BOT = {
  id: 1087968824,
  is_bot: true,
  first_name: 'Group',
  username: 'GroupAnonymousBot',
};

type Json = Record<string, unknown>;
export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';
export interface FakeChat {
  readonly id: number;
  readonly type: ChatType;
  readonly title?: string;
  readonly username?: string;
  readonly first_name?: string;
}
export interface FakeUser {
  readonly id: number;
  readonly first_name?: string;
  readonly username?: string;
  readonly language_code?: string;
}
/** One request, recorded on arrival; status and response stay null while a long poll is open. */
export interface RecordedCall {
  readonly method: string;
  readonly token: string;
  readonly params: Json;
  status: number | null;
  response: Json | null;
}
export interface Failure {
  readonly status: 400 | 403 | 429 | 500;
  readonly description?: string;
  readonly retry_after?: number;
  /** Let this many further calls of the method succeed before this failure hits. Default 0. */
  readonly after?: number;
}
export interface SentMessage {
  readonly message_id: number;
  readonly chat_id: number;
  readonly text: string;
  readonly entities: readonly Json[];
  readonly link_preview_options?: unknown;
}
/** A document the bot sent (sendDocument), with the uploaded bytes. */
export interface SentDocument {
  readonly message_id: number;
  readonly chat_id: number;
  readonly file_name: string;
  readonly content: Buffer;
  readonly caption?: string;
}
/** A file a user attaches to a message (`document`). */
export interface FakeDocument {
  readonly fileName: string;
  readonly content: string | Buffer;
  readonly mimeType?: string;
}
export interface FakeTelegramOptions {
  readonly tokens?: readonly string[];
  readonly botUsername?: string;
  /** Milliseconds clock of the rate-limit windows; default Date.now. Lets a test step past a window without sleeping. */
  readonly now?: () => number;
}
/** The rate-limit mode (setRateLimit): sends over any of these limits answer 429. */
export interface FakeRateLimit {
  /** Sends across all chats in any 1 s. */
  readonly perSecond: number;
  /** A sendMessage is refused once this many sends reached its chat in the last 1 s; a sendDocument after one. */
  readonly perChatPerSecond: number;
  /** The `retry_after` of the 429, in seconds. Default 1. */
  readonly retryAfter?: number;
  /**
   * Sends to one group, supergroup or channel per `windowMs`, private chats not counted: Telegram's
   * "about 20 messages per minute" to a group. Off when absent; tests scale it down (4 per 1500 ms).
   */
  readonly perGroup?: { readonly max: number; readonly windowMs: number };
}

const MAX_TEXT = 4096;
/** Bots may download files up to 20 MB through getFile. */
const MAX_DOWNLOAD = 20 * 1024 * 1024;
const DEFAULT_UPDATES = [
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'my_chat_member',
];
const JSON_KEYS = new Set([
  'entities',
  'allowed_updates',
  'commands',
  'link_preview_options',
  'reply_markup',
  'scope',
  'reply_parameters',
]);
const ENTITY_TYPES = new Set([
  'mention',
  'hashtag',
  'cashtag',
  'bot_command',
  'url',
  'email',
  'phone_number',
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'spoiler',
  'blockquote',
  'expandable_blockquote',
  'code',
  'pre',
  'text_link',
  'text_mention',
  'custom_emoji',
]);
const HTML_TAGS: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  span: 'spoiler',
  'tg-spoiler': 'spoiler',
  a: 'text_link',
  'tg-emoji': 'custom_emoji',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
};
const HTML_NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface Reply {
  status: number;
  body: Json;
}
const ok = (result: unknown): Reply => ({ status: 200, body: { ok: true, result } });
const fail = (status: number, description: string, parameters?: Json): Reply => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});

/** Parses Telegram's HTML parse mode into text + entities, or says why it cannot. */
export function parseTelegramHtml(src: string): { text: string; entities: Json[] } | { error: string } {
  let text = '';
  const entities: Json[] = [];
  const stack: Array<{ name: string; start: number; attrs: Record<string, string> }> = [];
  const at = (i: number) => `at byte offset ${Buffer.byteLength(src.slice(0, i))}`;
  for (let i = 0; i < src.length;) {
    const c = src[i];
    if (c === '<') {
      const end = src.indexOf('>', i);
      if (end < 0) return { error: `Unclosed start tag ${at(i)}` };
      const raw = src.slice(i + 1, end);
      if (raw.startsWith('/')) {
        const name = raw.slice(1).trim().toLowerCase();
        const open = stack.pop();
        if (!open || open.name !== name) return { error: `Unexpected end tag ${at(i)}` };
        const length = text.length - open.start;
        const type = HTML_TAGS[name] ?? name;
        const parentPre = stack.at(-1)?.name === 'pre';
        const lang = /^language-(.+)$/.exec(open.attrs.class ?? '')?.[1];
        if (name === 'code' && parentPre) {
          if (lang) stack.at(-1)!.attrs.language = lang;
        } else if (length > 0) {
          const e: Json = { type, offset: open.start, length };
          if (name === 'a') e.url = open.attrs.href;
          if (name === 'pre' && open.attrs.language) e.language = open.attrs.language;
          if (name === 'tg-emoji') e.custom_emoji_id = open.attrs['emoji-id'];
          if (name === 'blockquote' && 'expandable' in open.attrs) e.type = 'expandable_blockquote';
          entities.push(e);
        }
      } else {
        const name = (/^[a-zA-Z-]+/.exec(raw)?.[0] ?? '').toLowerCase();
        if (!(name in HTML_TAGS)) return { error: `Unsupported start tag "${name}" ${at(i)}` };
        const attrs: Record<string, string> = {};
        for (const m of raw
          .slice(name.length)
          .matchAll(/([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g)) {
          attrs[m[1]!.toLowerCase()] = decodeHtml(m[2] ?? m[3] ?? m[4] ?? '');
        }
        if (name === 'span' && attrs.class !== 'tg-spoiler')
          return { error: `Tag "span" must have class "tg-spoiler" ${at(i)}` };
        if (name === 'a' && !attrs.href) return { error: `Tag "a" must have attribute "href" ${at(i)}` };
        if (name === 'tg-emoji' && !attrs['emoji-id'])
          return { error: `Tag "tg-emoji" must have attribute "emoji-id" ${at(i)}` };
        stack.push({ name, start: text.length, attrs });
      }
      i = end + 1;
    } else if (c === '&') {
      const m = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(src.slice(i, i + 12));
      if (!m) return { error: `Unsupported HTML entity ${at(i)}` };
      text += decodeHtml(m[0]);
      i += m[0].length;
    } else {
      text += c ?? '';
      i += 1;
    }
  }
  const open = stack.pop();
  if (open) return { error: `Can't find end tag corresponding to start tag "${open.name}"` };
  entities.sort((a, b) => (a.offset as number) - (b.offset as number));
  return { text, entities };
}

function decodeHtml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (HTML_NAMED[e] ?? ''),
  );
}

/** Checks `entities` the way the Bot API does: known types, integer offsets inside the text (UTF-16 units). */
export function validateEntities(text: string, entities: unknown): string | null {
  if (!Array.isArray(entities)) return 'entities must be an array';
  const isLow = (i: number) => /[\uDC00-\uDFFF]/.test(text[i] ?? '');
  for (const [n, e] of (entities as Json[]).entries()) {
    const { type, offset, length } = e;
    if (typeof type !== 'string' || !ENTITY_TYPES.has(type))
      return `entity ${n}: unsupported type ${String(type)}`;
    if (!Number.isInteger(offset) || !Number.isInteger(length))
      return `entity ${n}: offset and length must be integers`;
    const o = offset as number,
      l = length as number;
    if (o < 0 || l <= 0 || o + l > text.length)
      return `entity ${n} (${o}+${l}) is outside the text of ${text.length} UTF-16 units`;
    if (isLow(o) || isLow(o + l)) return `entity ${n} splits a surrogate pair`;
    if (type === 'text_link' && !(typeof e.url === 'string' && /^(https?|tg):\/\/\S+$/.test(e.url)))
      return `entity ${n}: text_link needs a valid url`;
    if (type === 'custom_emoji' && typeof e.custom_emoji_id !== 'string')
      return `entity ${n}: custom_emoji needs custom_emoji_id`;
  }
  return null;
}

/** The filename each uploaded part was sent with. */
const uploadNames = new WeakMap<Buffer, string>();
/** The filename a file part of a multipart body (parseMultipart) was sent with. */
export const uploadedFileName = (part: Buffer): string | undefined => uploadNames.get(part);

/** Reads a multipart body leniently: grammY writes `name="x";filename=a.png` (no space, unquoted). */
export function parseMultipart(body: Buffer, contentType: string): Json {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const out: Json = {};
  if (!boundary) return out;
  const sep = `--${boundary[1] ?? boundary[2] ?? ''}`;
  for (const chunk of body.toString('latin1').split(sep).slice(1)) {
    if (chunk.startsWith('--')) break;
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = chunk.slice(0, headerEnd);
    const name = /name\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(
      headers.replace(/filename\s*=\s*("[^"]*"|[^;\s]+)/gi, ''),
    );
    const key = name?.[1] ?? name?.[2];
    if (!key) continue;
    const value = Buffer.from(chunk.slice(headerEnd + 4).replace(/\r\n$/, ''), 'latin1');
    const filename = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(headers);
    if (filename)
      uploadNames.set(value, Buffer.from(filename[1] ?? filename[2] ?? '', 'latin1').toString('utf8'));
    out[key] = filename ? value : value.toString('utf8');
  }
  return out;
}

async function readParams(req: IncomingMessage, url: URL): Promise<Json | string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  let raw: Json = Object.fromEntries(url.searchParams);
  if (body.length > 0) {
    if (type.includes('application/json')) {
      try {
        raw = { ...raw, ...(JSON.parse(body.toString('utf8')) as Json) };
      } catch {
        return "Bad Request: can't parse JSON body";
      }
    } else if (type.includes('multipart/form-data')) raw = { ...raw, ...parseMultipart(body, type) };
    else raw = { ...raw, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) };
  }
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string' && JSON_KEYS.has(k)) {
      try {
        raw[k] = JSON.parse(v);
      } catch {
        return `Bad Request: can't parse ${k} JSON object`;
      }
    }
  }
  return raw;
}

const num = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : undefined;

function memberObject(status: MemberStatus, user: Json, rights: Json = {}): Json {
  switch (status) {
    case 'creator':
      return { status, user, is_anonymous: false };
    case 'administrator':
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: false,
        can_manage_video_chats: false,
        can_restrict_members: false,
        can_promote_members: false,
        can_change_info: false,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        ...rights,
      };
    case 'restricted':
      return { status, user, is_member: true, can_send_messages: false, until_date: 0, ...rights };
    case 'kicked':
      return { status, user, until_date: 0 };
    default:
      return { status, user };
  }
}

export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;

/** Starts the fake on 127.0.0.1:0. `apiRoot` goes to grammY's `client.apiRoot`. */
export async function startFakeTelegram(options: FakeTelegramOptions = {}) {
  const tokens = new Set(options.tokens ?? [FAKE_TOKEN]);
  const botUser = {
    id: 123456,
    is_bot: true,
    first_name: 'Bantin',
    username: options.botUsername ?? 'bantin_test_bot',
  };
  const chats = new Map<number, FakeChat>();
  const members = new Map<number, Map<number, Json>>();
  const users = new Map<number, Json>([[botUser.id, botUser]]);
  const blocked = new Set<number>();
  const failures = new Map<string, Failure[]>();
  const commands = new Map<string, unknown>();
  const calls: RecordedCall[] = [];
  const sent: SentMessage[] = [];
  const documents: SentDocument[] = [];
  const files = new Map<string, { content: Buffer; path: string }>();
  /** User messages by `${chatId}:${messageId}`, so a later message can reply to one. */
  const userMessages = new Map<string, Json>();
  const watchers = new Set<() => void>();
  const messageIds = new Map<number, number>();
  let queue: Json[] = [];
  let nextUpdateId = 1;
  let allowed: readonly string[] = DEFAULT_UPDATES;
  let webhook: Json | null = null;
  let poller: { limit: number; finish: (r: Reply) => void } | null = null;
  let rateLimit: FakeRateLimit | null = null;
  const clock = options.now ?? Date.now;
  /** Accepted sends of the last second, oldest first. */
  const sendTimes: Array<{ at: number; chat: number }> = [];
  /** Accepted sends to each group-like chat within its group window, oldest first. */
  const groupSendTimes = new Map<number, number[]>();

  const skipped = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  const takeFailure = (method: string): Failure | undefined => {
    const next = failures.get(method)?.[0];
    if (!next) return undefined;
    const passed = skipped.get(method) ?? 0;
    if (passed < (next.after ?? 0)) {
      skipped.set(method, passed + 1);
      return undefined;
    }
    skipped.delete(method);
    return failures.get(method)?.shift();
  };
  const notify = () => {
    for (const w of [...watchers]) w();
  };
  const userOf = (id: number): Json => users.get(id) ?? { id, is_bot: false, first_name: `User ${id}` };
  const chatOf = (ref: unknown): FakeChat | undefined => {
    const id = num(ref);
    if (id !== undefined) return chats.get(id);
    if (typeof ref === 'string' && ref.startsWith('@')) {
      const name = ref.slice(1).toLowerCase();
      return [...chats.values()].find((c) => c.username?.toLowerCase() === name);
    }
    return undefined;
  };
  const memberOf = (chatId: number, userId: number): Json =>
    members.get(chatId)?.get(userId) ?? memberObject('left', userOf(userId));
  const deliverable = () => queue.filter((u) => Object.keys(u).some((k) => allowed.includes(k)));
  const enqueue = (update: Json): number => {
    const id = nextUpdateId++;
    queue.push({ update_id: id, ...update });
    if (poller) {
      const ready = deliverable();
      if (ready.length > 0) {
        poller.finish(ok(ready.slice(0, poller.limit)));
        poller = null;
      }
    }
    notify();
    return id;
  };
  const nextMessageId = (chatId: number) => {
    const id = (messageIds.get(chatId) ?? 0) + 1;
    messageIds.set(chatId, id);
    return id;
  };
  /**
   * The rate-limit mode's check, shared by every send method: null lets the send through (and
   * counts it), else the 429 Telegram answers. Refused sends are not counted. A document keeps to
   * Telegram's published one send per chat per second; perChatPerSecond loosens text messages only.
   */
  const rateLimited = (chat: FakeChat, kind: 'message' | 'document'): Reply | null => {
    if (!rateLimit) return null;
    const perChat = kind === 'document' ? 1 : rateLimit.perChatPerSecond;
    const now = clock();
    while (sendTimes.length > 0 && sendTimes[0]!.at <= now - 1000) sendTimes.shift();
    const inChat = sendTimes.filter((s) => s.chat === chat.id).length;
    const group = chat.type === 'private' ? undefined : rateLimit.perGroup;
    const inGroup = group
      ? (groupSendTimes.get(chat.id) ?? []).filter((at) => at > now - group.windowMs)
      : [];
    if (
      sendTimes.length >= rateLimit.perSecond ||
      inChat >= perChat ||
      (group !== undefined && inGroup.length >= group.max)
    ) {
      const retryAfter = rateLimit.retryAfter ?? 1;
      return fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    sendTimes.push({ at: now, chat: chat.id });
    if (group) groupSendTimes.set(chat.id, [...inGroup, now]);
    return null;
  };
  const forbidden = (chat: FakeChat): Reply | null => {
    const botStatus = memberOf(chat.id, botUser.id).status as MemberStatus;
    const gone =
      blocked.has(chat.id) || (chat.type !== 'private' && (botStatus === 'left' || botStatus === 'kicked'));
    if (!gone) return null;
    if (chat.type === 'private') return fail(403, 'Forbidden: bot was blocked by the user');
    if (chat.type === 'channel') return fail(403, 'Forbidden: bot is not a member of the channel chat');
    return fail(
      403,
      `Forbidden: bot was kicked from the ${chat.type === 'group' ? 'group' : 'supergroup'} chat`,
    );
  };

  function getUpdates(p: Json, onClose: (f: () => void) => void): Reply | Promise<Reply> {
    if (webhook)
      return fail(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    if (poller) {
      poller.finish(
        fail(
          409,
          'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
        ),
      );
      poller = null;
    }
    const offset = num(p.offset);
    if (offset !== undefined && offset > 0) queue = queue.filter((u) => (u.update_id as number) >= offset);
    if (Array.isArray(p.allowed_updates))
      allowed = p.allowed_updates.length > 0 ? (p.allowed_updates as string[]) : DEFAULT_UPDATES;
    queue = deliverable();
    const limit = Math.min(100, Math.max(1, num(p.limit) ?? 100));
    const timeout = num(p.timeout) ?? 0;
    if (queue.length > 0 || timeout <= 0) return ok(queue.slice(0, limit));
    return new Promise<Reply>((resolve) => {
      const timer = setTimeout(() => finish(ok([])), timeout * 1000);
      const self = { limit, finish };
      function finish(r: Reply) {
        clearTimeout(timer);
        if (poller === self) poller = null;
        resolve(r);
      }
      poller = self;
      onClose(() => {
        if (poller === self) finish(ok([]));
      });
    });
  }

  function sendMessage(p: Json): Reply {
    const chat = chatOf(p.chat_id);
    if (!chat) return fail(400, 'Bad Request: chat not found');
    const denied = forbidden(chat);
    if (denied) return denied;
    const bot = memberOf(chat.id, botUser.id);
    if (
      chat.type === 'channel' &&
      !(bot.status === 'creator' || (bot.status === 'administrator' && bot.can_post_messages === true))
    )
      return fail(400, 'Bad Request: need administrator rights in the channel chat');
    if (bot.status === 'restricted' && bot.can_send_messages !== true)
      return fail(400, 'Bad Request: not enough rights to send text messages to the chat');
    if (typeof p.text !== 'string') return fail(400, 'Bad Request: message text is empty');
    let text = p.text;
    let entities: Json[] = [];
    if (p.entities !== undefined) {
      const problem = validateEntities(text, p.entities);
      if (problem) return fail(400, `Bad Request: can't parse entities: ${problem}`);
      entities = p.entities as Json[];
    } else if (p.parse_mode === 'HTML') {
      const parsed = parseTelegramHtml(text);
      if ('error' in parsed) return fail(400, `Bad Request: can't parse entities: ${parsed.error}`);
      ({ text, entities } = parsed);
    } else if (p.parse_mode !== undefined) {
      return fail(400, `Bad Request: the fake does not model parse_mode ${JSON.stringify(p.parse_mode)}`);
    }
    if (text.trim() === '') return fail(400, 'Bad Request: message text is empty');
    if (text.length > MAX_TEXT) return fail(400, 'Bad Request: message is too long');
    const limited = rateLimited(chat, 'message');
    if (limited) return limited;
    const message: SentMessage = {
      message_id: nextMessageId(chat.id),
      chat_id: chat.id,
      text,
      entities,
      ...(p.link_preview_options !== undefined ? { link_preview_options: p.link_preview_options } : {}),
    };
    sent.push(message);
    return ok({ ...message, chat, date: Math.floor(Date.now() / 1000), from: botUser, chat_id: undefined });
  }

  /** Shares sendMessage's chat checks and rate limit; the file must be uploaded (multipart). */
  function sendDocument(p: Json): Reply {
    const chat = chatOf(p.chat_id);
    if (!chat) return fail(400, 'Bad Request: chat not found');
    const denied = forbidden(chat);
    if (denied) return denied;
    // grammY sends the bytes as their own part and the field as "attach://<part name>".
    const upload =
      typeof p.document === 'string' && p.document.startsWith('attach://')
        ? p[p.document.slice('attach://'.length)]
        : p.document;
    if (!Buffer.isBuffer(upload)) return fail(400, 'Bad Request: there is no document in the request');
    if (upload.length === 0) return fail(400, 'Bad Request: file must be non-empty');
    const limited = rateLimited(chat, 'document');
    if (limited) return limited;
    const fileName = uploadNames.get(upload) ?? 'document';
    const document: SentDocument = {
      message_id: nextMessageId(chat.id),
      chat_id: chat.id,
      file_name: fileName,
      content: upload,
      ...(typeof p.caption === 'string' ? { caption: p.caption } : {}),
    };
    documents.push(document);
    return ok({
      message_id: document.message_id,
      chat,
      date: Math.floor(Date.now() / 1000),
      from: botUser,
      document: {
        file_id: `sent-${String(documents.length)}`,
        file_unique_id: `s${String(documents.length)}`,
        file_name: fileName,
        file_size: upload.length,
      },
    });
  }

  function handle(method: string, p: Json, onClose: (f: () => void) => void): Reply | Promise<Reply> {
    switch (method) {
      case 'getme':
        return ok({
          ...botUser,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      case 'getupdates':
        return getUpdates(p, onClose);
      case 'deletewebhook':
        webhook = null;
        if (p.drop_pending_updates === true || p.drop_pending_updates === 'true') queue = [];
        return ok(true);
      case 'setwebhook':
        if (typeof p.url !== 'string' || !/^https:\/\/[^/\s]+/.test(p.url))
          return fail(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
        webhook = p;
        if (Array.isArray(p.allowed_updates)) allowed = p.allowed_updates as string[];
        return ok(true);
      case 'getwebhookinfo':
        return ok({
          url: webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: queue.length,
        });
      case 'sendmessage':
        return sendMessage(p);
      case 'senddocument':
        return sendDocument(p);
      case 'getfile': {
        const file = typeof p.file_id === 'string' ? files.get(p.file_id) : undefined;
        if (!file) return fail(400, 'Bad Request: invalid file_id');
        if (file.content.length > MAX_DOWNLOAD) return fail(400, 'Bad Request: file is too big');
        return ok({
          file_id: p.file_id,
          file_unique_id: `u${String(p.file_id)}`,
          file_size: file.content.length,
          file_path: file.path,
        });
      }
      case 'getchat': {
        const chat = chatOf(p.chat_id);
        return chat
          ? ok({ ...chat, accent_color_id: 0, max_reaction_count: 11 })
          : fail(400, 'Bad Request: chat not found');
      }
      case 'getchatmember': {
        const chat = chatOf(p.chat_id);
        const userId = num(p.user_id);
        if (!chat) return fail(400, 'Bad Request: chat not found');
        if (userId === undefined) return fail(400, 'Bad Request: invalid user_id specified');
        if (chat.type === 'channel' && userId !== botUser.id) {
          const denied = forbidden(chat);
          if (denied) return denied;
        }
        return ok(memberOf(chat.id, userId));
      }
      case 'getchatadministrators': {
        const chat = chatOf(p.chat_id);
        if (!chat) return fail(400, 'Bad Request: chat not found');
        return ok(
          [...(members.get(chat.id)?.values() ?? [])].filter(
            (m) => m.status === 'creator' || m.status === 'administrator',
          ),
        );
      }
      case 'setmycommands': {
        const list = p.commands;
        if (!Array.isArray(list) || list.length > 100)
          return fail(400, 'Bad Request: commands must be a list of at most 100');
        for (const c of list as Json[]) {
          if (typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command))
            return fail(400, 'Bad Request: BOT_COMMAND_INVALID');
          if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256)
            return fail(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
        }
        commands.set(typeof p.language_code === 'string' ? p.language_code : '', list);
        return ok(true);
      }
      case 'getmycommands':
        return ok(commands.get(typeof p.language_code === 'string' ? p.language_code : '') ?? []);
      default:
        return fail(404, 'Not Found');
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      const token = decodeURIComponent(download[1] ?? '');
      const file = [...files.values()].find((f) => f.path === download[2]);
      if (!tokens.has(token) || !file) res.writeHead(404).end('Not Found');
      else res.writeHead(200, { 'content-length': String(file.content.length) }).end(file.content);
      return;
    }
    const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const closers: Array<() => void> = [];
    res.on('close', () => closers.forEach((f) => f()));
    const task = (async () => {
      let reply: Reply;
      const token = decodeURIComponent(route?.[1] ?? '');
      const method = route?.[2] ?? '';
      const read = await readParams(req, url).catch(() => 'Bad Request: unreadable body');
      const params: Json = typeof read === 'string' ? {} : read;
      const call: RecordedCall = { method, token, params, status: null, response: null };
      calls.push(call);
      notify();
      if (!route) reply = fail(404, 'Not Found');
      else if (!tokens.has(token)) reply = fail(401, 'Unauthorized');
      else if (typeof read === 'string') reply = fail(400, read);
      else {
        const injected = takeFailure(method.toLowerCase());
        if (injected) {
          const retry = injected.retry_after ?? 1;
          const text =
            injected.description ??
            {
              400: 'Bad Request',
              403: 'Forbidden: bot was blocked by the user',
              429: `Too Many Requests: retry after ${retry}`,
              500: 'Internal Server Error',
            }[injected.status];
          reply = fail(injected.status, text, injected.status === 429 ? { retry_after: retry } : undefined);
        } else reply = await handle(method.toLowerCase(), params, (f) => closers.push(f));
      }
      call.status = reply.status;
      call.response = reply.body;
      if (!res.destroyed)
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
      notify();
    })();
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake = {
    apiRoot: `http://127.0.0.1:${port}`,
    token: [...tokens][0] ?? FAKE_TOKEN,
    botUser,
    calls: calls as readonly RecordedCall[],
    /** Calls of one method, in order. */
    callsOf: (method: string) => calls.filter((c) => c.method.toLowerCase() === method.toLowerCase()),
    /** Messages the bot sent to a chat, in order, as Telegram stored them (HTML already parsed). */
    sentMessages: (chatId: number) => sent.filter((m) => m.chat_id === chatId),
    /** Commands stored by setMyCommands for a language ('' = default). */
    commands: (languageCode = '') => commands.get(languageCode),
    addChat(chat: FakeChat & { botStatus?: MemberStatus; botRights?: Json }): FakeChat {
      const { botStatus, botRights, ...plain } = chat;
      chats.set(plain.id, plain);
      const status = botStatus ?? (plain.type === 'channel' ? 'administrator' : 'member');
      const rights = botRights ?? (plain.type === 'channel' ? { can_post_messages: true } : {});
      if (plain.type !== 'private') fake.setMember(plain.id, botUser.id, status, rights);
      return plain;
    },
    addUser(user: FakeUser): void {
      users.set(user.id, { is_bot: false, first_name: `User ${user.id}`, ...user });
    },
    setMember(chatId: number, userId: number, status: MemberStatus, rights: Json = {}): void {
      const byChat = members.get(chatId) ?? new Map<number, Json>();
      byChat.set(userId, memberObject(status, userOf(userId), rights));
      members.set(chatId, byChat);
    },
    /** A user (or an anonymous group admin with `asChat`) writes in a chat. Returns the update_id. */
    sendUserMessage(m: {
      chatId: number;
      from?: FakeUser;
      text: string;
      asChat?: boolean;
      /** Attach a file: `text` becomes its caption, as in Telegram. */
      document?: FakeDocument;
      /** Reply to an earlier user message of this chat (its message_id). */
      replyTo?: number;
    }): number {
      const chat = chats.get(m.chatId);
      if (!chat) throw new Error(`fake: no chat ${m.chatId}; addChat first`);
      if (m.from) fake.addUser(m.from);
      const from = m.asChat ? GROUP_ANONYMOUS_BOT : m.from ? userOf(m.from.id) : undefined;
      const fields = messageFields(chat, m.text);
      if (m.document) {
        fields.caption = fields.text;
        if (fields.entities !== undefined) fields.caption_entities = fields.entities;
        fields.document = fake.uploadFile(m.document);
        delete fields.text;
        delete fields.entities;
      }
      if (m.replyTo !== undefined) {
        const original = userMessages.get(`${String(chat.id)}:${String(m.replyTo)}`);
        if (!original) throw new Error(`fake: no message ${String(m.replyTo)} in chat ${String(chat.id)}`);
        fields.reply_to_message = original;
      }
      const message = { ...fields, from, ...(m.asChat ? { sender_chat: chat } : {}) };
      userMessages.set(`${String(chat.id)}:${String(fields.message_id)}`, message);
      return enqueue({ message });
    },
    /** Stores a file as Telegram would and returns its Document object (for messages). */
    uploadFile(d: FakeDocument): Json {
      const content = typeof d.content === 'string' ? Buffer.from(d.content, 'utf8') : d.content;
      const id = `file-${String(files.size + 1)}`;
      files.set(id, { content, path: `documents/${id}${/\.[a-z0-9]+$/i.exec(d.fileName)?.[0] ?? ''}` });
      return {
        file_id: id,
        file_unique_id: `u${id}`,
        file_name: d.fileName,
        ...(d.mimeType ? { mime_type: d.mimeType } : {}),
        file_size: content.length,
      };
    },
    /** Documents the bot sent to a chat, in order. */
    sentDocuments: (chatId: number) => documents.filter((d) => d.chat_id === chatId),
    /** The message_id the last sendUserMessage got in that chat (to reply to it). */
    lastMessageId: (chatId: number) => messageIds.get(chatId) ?? 0,
    /** A post in a channel: `channel_post`, chat.type channel, sender_chat, no from. Null when the bot is no admin there. */
    postInChannel(chatId: number, text: string): number | null {
      const chat = chats.get(chatId);
      if (chat?.type !== 'channel') throw new Error(`fake: ${chatId} is not a channel`);
      // Only a bot that administers the channel receives its posts.
      const status = memberOf(chatId, botUser.id).status;
      if (status !== 'administrator' && status !== 'creator') return null;
      return enqueue({ channel_post: { ...messageFields(chat, text), sender_chat: chat } });
    },
    /** Changes the bot's membership and emits `my_chat_member`. */
    setBotMembership(
      chatId: number,
      status: MemberStatus,
      rights: Json = {},
      by: FakeUser = { id: 1, first_name: 'Admin' },
    ): number {
      const chat = chats.get(chatId);
      if (!chat) throw new Error(`fake: no chat ${chatId}`);
      const old = memberOf(chatId, botUser.id);
      fake.setMember(chatId, botUser.id, status, rights);
      blocked.delete(chatId);
      if (status === 'kicked' && chat.type === 'private') blocked.add(chatId);
      return enqueue({
        my_chat_member: {
          chat,
          from: { is_bot: false, first_name: 'Admin', ...by },
          date: Math.floor(Date.now() / 1000),
          old_chat_member: old,
          new_chat_member: memberOf(chatId, botUser.id),
        },
      });
    },
    /** The next call(s) of `method` answer with this failure; call again to queue several. */
    failNext(method: string, failure: Failure): void {
      const list = failures.get(method.toLowerCase()) ?? [];
      list.push(failure);
      failures.set(method.toLowerCase(), list);
    },
    /** Sends to this chat answer 403 from now on (blocked by the user / removed from the chat). */
    blockChat(chatId: number): void {
      blocked.add(chatId);
    },
    /**
     * Rate limit mode: more than `perSecond` sends overall or `perChatPerSecond` per chat in 1 s,
     * or (with `perGroup`) more than `max` to one group or channel per `windowMs` → 429 with
     * `retry_after`. Null turns it off.
     */
    setRateLimit(limit: FakeRateLimit | null): void {
      rateLimit = limit;
    },
    /** Resolves with the first truthy value of `check`, evaluated now and after every call or update. */
    waitFor<T>(check: () => T | undefined | null | false, opts: { timeout?: number } = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const attempt = () => {
          const v = check();
          if (v === undefined || v === null || v === false) return false;
          watchers.delete(attempt);
          clearTimeout(timer);
          resolve(v);
          return true;
        };
        const timer = setTimeout(() => {
          watchers.delete(attempt);
          reject(new Error(`fake-telegram: waitFor timed out after ${opts.timeout ?? 5000} ms`));
        }, opts.timeout ?? 5000);
        if (!attempt()) watchers.add(attempt);
      });
    },
    /** Ends pending long polls (empty result) and stops the server. */
    async close(): Promise<void> {
      poller?.finish(ok([]));
      poller = null;
      await Promise.allSettled([...inFlight]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };

  function messageFields(chat: FakeChat, text: string): Json {
    const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    return {
      message_id: nextMessageId(chat.id),
      date: Math.floor(Date.now() / 1000),
      chat,
      text,
      ...(cmd ? { entities: [{ type: 'bot_command', offset: 0, length: cmd[0].length }] } : {}),
    };
  }

  return fake;
}
