import { Api, GrammyError, InputFile } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FAKE_TOKEN,
  parseTelegramHtml,
  startFakeTelegram,
  validateEntities,
  type FakeTelegram,
} from '../helpers/fake-telegram.ts';

let fake: FakeTelegram;
beforeEach(async () => {
  fake = await startFakeTelegram();
  fake.addChat({ id: 1, type: 'private', first_name: 'Lan' });
  fake.addChat({ id: -1001000000001, type: 'channel', title: 'Tin', username: 'tin_sang' });
});
afterEach(async () => {
  await fake.close();
});

/** A raw Bot API call, the way any HTTP client would make it. */
async function call(
  method: string,
  body: unknown = {},
  token = FAKE_TOKEN,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
const description = async (method: string, body: unknown) => (await call(method, body)).json.description;

describe('fake Telegram: protocol', () => {
  it('answers 401 to a wrong token and 404 to an unknown method', async () => {
    expect(await call('getMe', {}, '1:nope')).toEqual({
      status: 401,
      json: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    expect((await call('sendTelepathy')).status).toBe(404);
    expect((await call('getMe')).json).toMatchObject({
      ok: true,
      result: { is_bot: true, username: 'bantin_test_bot' },
    });
  });

  it('long-polls: waits for an update, confirms by offset, honours limit and allowed_updates', async () => {
    const pending = call('getUpdates', { timeout: 20, allowed_updates: ['message', 'channel_post'] });
    await fake.waitFor(() => fake.callsOf('getUpdates').length === 1);
    const id = fake.sendUserMessage({ chatId: 1, from: { id: 1 }, text: '/start' });
    const first = (await pending).json.result as Array<Record<string, unknown>>;
    expect(first.map((u) => u.update_id)).toEqual([id]);
    expect(first[0]!.message).toMatchObject({
      text: '/start',
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    });

    // Not confirmed yet: delivered again. Then my_chat_member is filtered out by allowed_updates.
    const id2 = fake.postInChannel(-1001000000001, 'a');
    const id3 = fake.postInChannel(-1001000000001, 'b');
    fake.setBotMembership(-1001000000001, 'left');
    expect(((await call('getUpdates', { limit: 2 })).json.result as unknown[]).length).toBe(2);
    const rest = (await call('getUpdates', { offset: id + 1 })).json.result as Array<Record<string, unknown>>;
    expect(rest.map((u) => u.update_id)).toEqual([id2, id3]);
    // The bot left the channel above: it no longer sees its posts.
    expect(fake.postInChannel(-1001000000001, 'c')).toBeNull();
    expect((await call('getUpdates', { offset: id3! + 1 })).json.result).toEqual([]);
  });

  it('ends the older poller with 409 when a second one polls, and refuses polling while a webhook is set', async () => {
    const older = call('getUpdates', { timeout: 20 });
    await fake.waitFor(() => fake.callsOf('getUpdates').length === 1);
    const newer = call('getUpdates', { timeout: 20 });
    expect(await older).toEqual({
      status: 409,
      json: {
        ok: false,
        error_code: 409,
        description:
          'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      },
    });
    fake.sendUserMessage({ chatId: 1, from: { id: 1 }, text: 'hi' });
    expect(((await newer).json.result as unknown[]).length).toBe(1);
    expect((await call('setWebhook', { url: 'https://bot.example.com/hook' })).status).toBe(200);
    expect((await call('getUpdates')).status).toBe(409);
    expect((await call('setWebhook', { url: 'http://insecure.example.com' })).status).toBe(400);
  });

  it('ends a pending long poll on close()', async () => {
    const pending = call('getUpdates', { timeout: 50 });
    await fake.waitFor(() => fake.callsOf('getUpdates').length === 1);
    await fake.close();
    expect((await pending).json).toEqual({ ok: true, result: [] });
    fake = await startFakeTelegram();
  });

  it('sendMessage: chat, emptiness, the 4096 limit after entity parsing', async () => {
    expect(await description('sendMessage', { chat_id: 99, text: 'x' })).toBe('Bad Request: chat not found');
    expect(await description('sendMessage', { chat_id: 1, text: '  ' })).toBe(
      'Bad Request: message text is empty',
    );
    expect((await call('sendMessage', { chat_id: 1, text: 'a'.repeat(4096) })).status).toBe(200);
    expect(await description('sendMessage', { chat_id: 1, text: 'a'.repeat(4097) })).toBe(
      'Bad Request: message is too long',
    );
    // 4096 characters of text inside tags is fine: the limit counts the parsed text.
    expect(
      (
        await call('sendMessage', {
          chat_id: 1,
          text: `<b>${'a'.repeat(4090)}</b>&amp;12345`,
          parse_mode: 'HTML',
        })
      ).status,
    ).toBe(200);
    // Emoji are two UTF-16 units each: 2049 of them are 4098 units.
    expect(await description('sendMessage', { chat_id: 1, text: '😀'.repeat(2049) })).toBe(
      'Bad Request: message is too long',
    );
    expect(await description('sendMessage', { chat_id: '@tin_sang', text: 'ok' })).toBeUndefined();
    expect(fake.sentMessages(-1001000000001).map((m) => m.text)).toEqual(['ok']);
  });

  it('validates HTML parse mode', async () => {
    const html = (text: string) => description('sendMessage', { chat_id: 1, text, parse_mode: 'HTML' });
    expect(await html('<b>bold <i>both</i></b> &lt;b&gt; &amp; &quot; &#39;')).toBeUndefined();
    expect(fake.sentMessages(1)[0]).toMatchObject({
      text: `bold both <b> & " '`,
      entities: [
        { type: 'bold', offset: 0, length: 9 },
        { type: 'italic', offset: 5, length: 4 },
      ],
    });
    expect(await html('<script>x</script>')).toMatch(
      /^Bad Request: can't parse entities: Unsupported start tag "script"/,
    );
    expect(await html('<b>open')).toMatch(/^Bad Request: can't parse entities: Can't find end tag/);
    expect(await html('<b>x</i>')).toMatch(/^Bad Request: can't parse entities: Unexpected end tag/);
    expect(await html('AT&T')).toMatch(/^Bad Request: can't parse entities: Unsupported HTML entity/);
    expect(await html('&nbsp;')).toMatch(/can't parse entities/);
    expect(await html('<span>x</span>')).toMatch(/can't parse entities/);
    expect(await html('<a>x</a>')).toMatch(/can't parse entities/);
    expect(
      await html('<span class="tg-spoiler">s</span><a href="https://a.vn/?a=1&amp;b=2">l</a>'),
    ).toBeUndefined();
    expect(fake.sentMessages(1)[1]!.entities).toEqual([
      { type: 'spoiler', offset: 0, length: 1 },
      { type: 'text_link', offset: 1, length: 1, url: 'https://a.vn/?a=1&b=2' },
    ]);
    expect(parseTelegramHtml('<pre><code class="language-ts">x</code></pre>')).toEqual({
      text: 'x',
      entities: [{ type: 'pre', offset: 0, length: 1, language: 'ts' }],
    });
  });

  it('validates entities in UTF-16 units', async () => {
    const text = 'Tin 😀 nóng';
    expect(validateEntities(text, [{ type: 'bold', offset: 6, length: 5 }])).toBeNull();
    expect(validateEntities(text, [{ type: 'bold', offset: 6, length: 6 }])).toMatch(/outside the text/);
    expect(validateEntities(text, [{ type: 'bold', offset: 5, length: 1 }])).toMatch(/surrogate/);
    expect(validateEntities(text, [{ type: 'shout', offset: 0, length: 1 }])).toMatch(/unsupported type/);
    expect(validateEntities(text, [{ type: 'text_link', offset: 0, length: 1 }])).toMatch(/url/);
    expect(validateEntities(text, [{ type: 'bold', offset: 0, length: 0 }])).toMatch(/outside/);
    expect(
      await description('sendMessage', {
        chat_id: 1,
        text,
        entities: [{ type: 'bold', offset: 9, length: 5 }],
      }),
    ).toMatch(/^Bad Request: can't parse entities: /);
  });

  it('reads urlencoded and grammY-style multipart bodies', async () => {
    const form = new URLSearchParams({
      chat_id: '1',
      text: 'xin chào',
      entities: JSON.stringify([{ type: 'bold', offset: 0, length: 3 }]),
    });
    const r1 = await fetch(`${fake.apiRoot}/bot${FAKE_TOKEN}/sendMessage`, { method: 'POST', body: form });
    expect(r1.status).toBe(200);
    const boundary = 'grammy0123';
    const body = [
      `--${boundary}\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n1\r\n`,
      `--${boundary}\r\ncontent-disposition:form-data;name="text"\r\n\r\nẢnh đây\r\n`,
      `--${boundary}\r\ncontent-disposition:form-data;name="photo";filename=a.png\r\ncontent-type:application/octet-stream\r\n\r\n\u0089PNG\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const r2 = await fetch(`${fake.apiRoot}/bot${FAKE_TOKEN}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(r2.status).toBe(200);
    expect(fake.sentMessages(1).map((m) => m.text)).toEqual(['xin chào', 'Ảnh đây']);
    expect(fake.sentMessages(1)[0]!.entities).toEqual([{ type: 'bold', offset: 0, length: 3 }]);
  });

  it('injects failures, blocked chats and a rate limit, as grammY sees them', async () => {
    const api = new Api(FAKE_TOKEN, { apiRoot: fake.apiRoot });
    fake.failNext('sendMessage', { status: 429, retry_after: 1 });
    const e = await api.sendMessage(1, 'x').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(GrammyError);
    expect((e as GrammyError).parameters.retry_after).toBe(1);
    expect((e as GrammyError).description).toBe('Too Many Requests: retry after 1');
    await api.sendMessage(1, 'x');
    fake.blockChat(1);
    await expect(api.sendMessage(1, 'x')).rejects.toMatchObject({
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    fake.setBotMembership(-1001000000001, 'kicked');
    await expect(api.sendMessage('@tin_sang', 'x')).rejects.toMatchObject({
      description: 'Forbidden: bot is not a member of the channel chat',
    });
    fake.addChat({ id: 2, type: 'private', first_name: 'Tom' });
    fake.setRateLimit({ perSecond: 30, perChatPerSecond: 1 });
    await api.sendMessage(2, 'một');
    await expect(api.sendMessage(2, 'hai')).rejects.toMatchObject({
      error_code: 429,
      parameters: { retry_after: 1 },
    });
  });

  it('serves getChat, getChatMember, getChatAdministrators and commands per language', async () => {
    const api = new Api(FAKE_TOKEN, { apiRoot: fake.apiRoot });
    fake.setMember(-1001000000001, 7, 'creator');
    fake.setMember(-1001000000001, 8, 'administrator', { can_post_messages: false });
    await expect(api.getChat('@TIN_SANG')).resolves.toMatchObject({ id: -1001000000001, type: 'channel' });
    await expect(api.getChat('@nope')).rejects.toMatchObject({ description: 'Bad Request: chat not found' });
    await expect(api.getChatMember('@tin_sang', 7)).resolves.toMatchObject({ status: 'creator' });
    await expect(api.getChatMember(-1001000000001, 8)).resolves.toMatchObject({
      status: 'administrator',
      can_post_messages: false,
    });
    await expect(api.getChatMember(-1001000000001, 9)).resolves.toMatchObject({ status: 'left' });
    const admins = await api.getChatAdministrators(-1001000000001);
    expect(admins.map((m) => m.user.id).sort()).toEqual([7, 8, fake.botUser.id].sort());
    await api.setMyCommands([{ command: 'tom_tat', description: 'Tóm tắt' }]);
    await api.setMyCommands([{ command: 'tom_tat', description: 'Summary' }], { language_code: 'en' });
    await expect(api.getMyCommands({ language_code: 'en' })).resolves.toEqual([
      { command: 'tom_tat', description: 'Summary' },
    ]);
    await expect(api.getMyCommands()).resolves.toEqual([{ command: 'tom_tat', description: 'Tóm tắt' }]);
    await expect(api.setMyCommands([{ command: 'Bad-Name', description: 'x' }])).rejects.toMatchObject({
      error_code: 400,
    });
  });
});

describe('fake Telegram: the per-group rate limit', () => {
  const GROUP = -2001;
  const CHANNEL = -1001000000001;
  /** The fake's rate-limit clock: each step below is set by hand, no sleeping. */
  let t = 0;
  let api: Api;
  const opml = () => new InputFile(Buffer.from('<opml version="2.0"/>'), 'feeds.opml');

  beforeEach(async () => {
    await fake.close();
    t = 0;
    fake = await startFakeTelegram({ now: () => t });
    fake.addChat({ id: 1, type: 'private', first_name: 'Lan' });
    fake.addChat({ id: GROUP, type: 'supergroup', title: 'Nhóm đọc tin' });
    fake.addChat({ id: CHANNEL, type: 'channel', title: 'Tin', username: 'tin_sang' });
    // Per-chat and global limits far off, so only the group limit can refuse.
    fake.setRateLimit({
      perSecond: 30,
      perChatPerSecond: 30,
      retryAfter: 2,
      perGroup: { max: 3, windowMs: 5000 },
    });
    api = new Api(FAKE_TOKEN, { apiRoot: fake.apiRoot });
  });

  it('answers 429 to the (max+1)th send to a group in the window, messages and documents alike, then lets it through', async () => {
    await api.sendMessage(GROUP, 'một');
    t = 1000; // a document needs a second since the chat's last send
    await api.sendDocument(GROUP, opml());
    t = 2000;
    await api.sendMessage(GROUP, 'ba');
    t = 3000;
    expect(await call('sendMessage', { chat_id: GROUP, text: 'bốn' })).toEqual({
      status: 429,
      json: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 2',
        parameters: { retry_after: 2 },
      },
    });
    await expect(api.sendDocument(GROUP, opml())).rejects.toMatchObject({
      error_code: 429,
      description: 'Too Many Requests: retry after 2',
      parameters: { retry_after: 2 },
    });
    t = 4999;
    await expect(api.sendMessage(GROUP, 'bốn')).rejects.toMatchObject({ error_code: 429 });
    // The send at 0 leaves the window; the refused ones never counted.
    t = 5000;
    await api.sendMessage(GROUP, 'bốn');
    t = 5999; // still 1000, 2000 and 5000 in the window: it slides, it does not reset
    await expect(api.sendMessage(GROUP, 'năm')).rejects.toMatchObject({ error_code: 429 });
    t = 6000;
    await api.sendDocument(GROUP, opml());
    expect(fake.sentMessages(GROUP).map((m) => m.text)).toEqual(['một', 'ba', 'bốn']);
    expect(fake.sentDocuments(GROUP)).toHaveLength(2);
  });

  it('counts each group or channel on its own and leaves private chats to the per-chat limit', async () => {
    for (let i = 1; i <= 10; i++) await api.sendMessage(1, `tin ${String(i)}`);
    expect(fake.sentMessages(1)).toHaveLength(10);
    for (const text of ['a', 'b', 'c']) await api.sendMessage('@tin_sang', text);
    await expect(api.sendMessage(CHANNEL, 'd')).rejects.toMatchObject({
      error_code: 429,
      parameters: { retry_after: 2 },
    });
    await api.sendMessage(GROUP, 'nhóm khác, giới hạn riêng');
    // Without perGroup, the group limit is off.
    fake.setRateLimit({ perSecond: 30, perChatPerSecond: 30 });
    await api.sendMessage(CHANNEL, 'd');
    expect(fake.sentMessages(CHANNEL).map((m) => m.text)).toEqual(['a', 'b', 'c', 'd']);
  });
});
