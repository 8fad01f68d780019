import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTelegramBot } from '../../adapters/telegram/bot.ts';
import { renderTelegram } from '../../adapters/telegram/render.ts';
import { silentLogger } from '../../src/ports.ts';
import { plainReply } from '../../src/reply.ts';
import { FAKE_TOKEN } from '../helpers/fake-telegram.ts';
import { aCard, createTestRouter, HEADLINE, longReply, startHarness, type Harness } from './support.ts';

const LAN = { id: 1001, first_name: 'Lan', username: 'lan', language_code: 'vi' };
const TOM = { id: 1002, first_name: 'Tom', language_code: 'en-GB' };
const GROUP = -2001;
const CHANNEL = -1001000003001;
const NO_RIGHTS = -1001000003002;

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A harness with two users, a supergroup and two channels. */
async function world(opts: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  h = await startHarness(opts);
  const { fake } = h;
  fake.addChat({ id: LAN.id, type: 'private', first_name: LAN.first_name });
  fake.addChat({ id: TOM.id, type: 'private', first_name: TOM.first_name });
  fake.addChat({ id: GROUP, type: 'supergroup', title: 'Nhóm đọc tin' });
  fake.addChat({ id: CHANNEL, type: 'channel', title: 'Tin sáng', username: 'tin_sang' });
  fake.addChat({
    id: NO_RIGHTS,
    type: 'channel',
    title: 'Kênh phụ',
    username: 'kenh_phu',
    botStatus: 'administrator',
    botRights: { can_post_messages: false },
  });
  fake.addUser(LAN);
  fake.addUser(TOM);
  fake.setMember(GROUP, LAN.id, 'administrator');
  fake.setMember(GROUP, TOM.id, 'member');
  fake.setMember(CHANNEL, LAN.id, 'creator');
  fake.setMember(NO_RIGHTS, TOM.id, 'administrator', { can_post_messages: true });
  return h;
}

describe('Telegram bot against the fake Bot API', () => {
  it('starts long polling with the right update types and registers commands in vi and en', async () => {
    const { fake, router } = await world();
    const poll = await fake.waitFor(() => fake.callsOf('getUpdates')[0]);
    expect(poll.params.allowed_updates).toEqual(['message', 'channel_post', 'my_chat_member']);
    expect(fake.commands('')).toEqual(
      router.commands.map((c) => ({ command: c.name, description: c.description.vi })),
    );
    expect(fake.commands('en')).toEqual(
      router.commands.map((c) => ({ command: c.name, description: c.description.en })),
    );
  });

  it('answers /summary in a private chat', async () => {
    const { fake, router } = await world();
    fake.sendUserMessage({ chatId: LAN.id, from: LAN, text: '/summary 42' });
    const [message] = await fake.waitFor(
      () => fake.sentMessages(LAN.id).length === 1 && fake.sentMessages(LAN.id),
    );
    const request = router.requests[0]!;
    expect(request).toMatchObject({
      name: 'summary',
      args: '42',
      chat: { platform: 'telegram', id: '1001' },
      user: { id: '1001', name: '@lan' },
      userLang: 'vi',
    });
    await expect(request.canManage()).resolves.toBe(true);
    expect(message!.text.startsWith('Tin số 42: Hà Nội công bố kế hoạch mới\nAi: UBND TP Hà Nội')).toBe(true);
    expect(message!.entities).toContainEqual({
      type: 'text_link',
      offset: 0,
      length: 'Tin số 42: Hà Nội công bố kế hoạch mới'.length,
      url: 'https://vnexpress.net/tin-42.html',
    });
    // The reply asked for a preview, so the part does not turn it off.
    expect(message!.link_preview_options).toBeUndefined();
  });

  it('answers /summary@botname in a group and ignores commands for another bot', async () => {
    const { fake, router } = await world();
    fake.sendUserMessage({ chatId: GROUP, from: TOM, text: '/summary@other_bot 1' });
    fake.sendUserMessage({ chatId: GROUP, from: TOM, text: '/summary@bantin_test_bot 2' });
    await fake.waitFor(() => fake.sentMessages(GROUP).length === 1);
    expect(router.requests.map((r) => [r.name, r.args, r.chat.id, r.userLang])).toEqual([
      ['summary', '2', String(GROUP), 'en'],
    ]);
  });

  it('answers a command posted in a channel (channel_post, no user, may manage)', async () => {
    const { fake, router } = await world();
    fake.postInChannel(CHANNEL, '/subscribe 0 7 * * *');
    const [message] = await fake.waitFor(
      () => fake.sentMessages(CHANNEL).length === 1 && fake.sentMessages(CHANNEL),
    );
    expect(router.requests[0]).toMatchObject({
      name: 'subscribe',
      user: null,
      chat: { id: String(CHANNEL) },
    });
    expect(router.manageAnswers).toEqual([true]);
    expect(message!.text).toBe(`Đã đăng ký ${CHANNEL}: 0 7 * * *`);
  });

  it('lets a channel admin subscribe the channel from a private chat', async () => {
    const { fake, router } = await world();
    fake.sendUserMessage({ chatId: LAN.id, from: LAN, text: '/subscribe @tin_sang 0 7 * * *' });
    const [message] = await fake.waitFor(
      () => fake.sentMessages(LAN.id).length === 1 && fake.sentMessages(LAN.id),
    );
    expect(router.requests[0]).toMatchObject({
      chat: { platform: 'telegram', id: String(CHANNEL) },
      args: '0 7 * * *',
    });
    expect(router.manageAnswers).toEqual([true]);
    expect(message!.text).toBe(`Đã đăng ký ${CHANNEL}: 0 7 * * *`);
    expect(fake.sentMessages(CHANNEL)).toEqual([]);
  });

  it('refuses, without calling the router, a non-admin, a channel where the bot cannot post, and an unknown channel', async () => {
    const { fake, router } = await world();
    fake.sendUserMessage({ chatId: TOM.id, from: TOM, text: '/subscribe @tin_sang 0 7 * * *' });
    fake.sendUserMessage({ chatId: TOM.id, from: TOM, text: '/subscribe @kenh_phu 0 7 * * *' });
    fake.sendUserMessage({ chatId: TOM.id, from: TOM, text: '/subscribe @khong_co_kenh 0 7 * * *' });
    fake.sendUserMessage({ chatId: LAN.id, from: LAN, text: `/subscribe ${NO_RIGHTS} 0 7 * * *` });
    await fake.waitFor(
      () => fake.sentMessages(TOM.id).length === 3 && fake.sentMessages(LAN.id).length === 1,
    );
    expect(fake.sentMessages(TOM.id).map((m) => m.text)).toEqual([
      'You are not an administrator of @tin_sang',
      'Add the bot to @kenh_phu as an administrator with permission to post messages',
      '@khong_co_kenh not found: add the bot to the channel first',
    ]);
    expect(fake.sentMessages(LAN.id)[0]!.text).toBe('Bạn không phải là quản trị viên của @kenh_phu');
    expect(router.requests).toEqual([]);
  });

  it('asks getChatMember in a group: an admin may manage, a member may not, an anonymous admin may', async () => {
    const { fake, router } = await world();
    fake.sendUserMessage({ chatId: GROUP, from: TOM, text: '/subscribe 0 7 * * *' });
    fake.sendUserMessage({ chatId: GROUP, from: LAN, text: '/subscribe 0 8 * * *' });
    fake.sendUserMessage({ chatId: GROUP, asChat: true, text: '/subscribe 0 9 * * *' });
    await fake.waitFor(() => fake.sentMessages(GROUP).length === 3);
    expect(router.manageAnswers).toEqual([false, true, true]);
    expect(fake.sentMessages(GROUP)[0]!.text).toBe('Chỉ quản trị viên mới được đăng ký.');
    expect(fake.callsOf('getChatMember').map((c) => Number(c.params.user_id))).toEqual([TOM.id, LAN.id]);
    expect(router.requests[2]!.user).toBeNull();
  });

  it('delivers a 9,000-character reply as ordered parts of at most 4096 units with valid entities', async () => {
    const { fake } = await world();
    const expected = renderTelegram(longReply());
    expect(expected.reduce((n, p) => n + p.text.length, 0)).toBeGreaterThan(9000);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    fake.sendUserMessage({ chatId: LAN.id, from: LAN, text: '/long' });
    const sent = await fake.waitFor(
      () => fake.sentMessages(LAN.id).length === expected.length && fake.sentMessages(LAN.id),
    );
    // The fake answers 400 to an over-long text or a bad entity, so arriving means valid.
    expect(sent.map((m) => m.text)).toEqual(expected.map((p) => p.text));
    expect(sent.every((m) => m.text.length <= 4096)).toBe(true);
    expect(sent.every((m) => JSON.stringify(m.link_preview_options) === '{"is_disabled":true}')).toBe(true);
    expect(fake.calls.filter((c) => c.method === 'sendMessage' && c.status !== 200)).toEqual([]);
  });

  it('shows a headline with <b>, &, * and _ exactly as written', async () => {
    const { fake } = await world();
    fake.sendUserMessage({ chatId: LAN.id, from: LAN, text: '/headline' });
    const [message] = await fake.waitFor(
      () => fake.sentMessages(LAN.id).length === 1 && fake.sentMessages(LAN.id),
    );
    expect(message!.text.split('\n')[0]).toBe(HEADLINE);
    expect(message!.entities).toContainEqual({ type: 'bold', offset: 0, length: HEADLINE.length });
  });

  it('survives a 429 storm: every part once, in order', async () => {
    const { fake } = await world();
    const expected = renderTelegram(longReply()).map((p) => p.text);
    fake.failNext('sendMessage', { status: 429, retry_after: 1 });
    fake.failNext('sendMessage', { status: 429, retry_after: 1, after: 1 });
    fake.failNext('sendMessage', { status: 429, retry_after: 1, after: 1 });
    fake.sendUserMessage({ chatId: LAN.id, from: LAN, text: '/long' });
    await fake.waitFor(() => fake.sentMessages(LAN.id).length === expected.length, { timeout: 15_000 });
    expect(fake.sentMessages(LAN.id).map((m) => m.text)).toEqual(expected);
    // Each of the first three parts is refused once, then sent once.
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(fake.callsOf('sendMessage').map((c) => c.status)).toEqual([
      ...[429, 200, 429, 200, 429, 200],
      ...expected.slice(3).map(() => 200),
    ]);
  });

  it('maps send failures to delivery results and reports unavailable chats', async () => {
    const { fake, bot, unavailable } = await world();
    const [part] = bot.messenger.render(plainReply('Bản tin'));
    await expect(bot.messenger.sendPart(String(LAN.id), part)).resolves.toMatchObject({ status: 'sent' });
    fake.failNext('sendMessage', { status: 429, retry_after: 1 });
    await expect(bot.messenger.sendPart(String(LAN.id), part)).resolves.toEqual({
      status: 'rate-limited',
      retryAfterMs: 1000,
    });
    fake.failNext('sendMessage', { status: 500 });
    await expect(bot.messenger.sendPart(String(LAN.id), part)).resolves.toMatchObject({
      status: 'transient',
    });
    fake.failNext('sendMessage', { status: 400, description: 'Bad Request: message is too long' });
    await expect(bot.messenger.sendPart(String(LAN.id), part)).resolves.toMatchObject({ status: 'rejected' });
    await expect(bot.messenger.sendPart(String(LAN.id), { text: 1 })).resolves.toMatchObject({
      status: 'rejected',
    });
    expect(unavailable).toEqual([]);

    fake.blockChat(LAN.id);
    await expect(bot.messenger.sendPart(String(LAN.id), part)).resolves.toEqual({
      status: 'chat-unavailable',
      reason: 'Forbidden: bot was blocked by the user',
    });
    fake.blockChat(CHANNEL);
    await expect(bot.messenger.sendPart(String(CHANNEL), part)).resolves.toMatchObject({
      status: 'chat-unavailable',
    });
    await expect(bot.messenger.sendPart('-1001000999999', part)).resolves.toMatchObject({
      status: 'chat-unavailable',
    });
    expect(unavailable.map((u) => [u.chat.id, u.reason])).toEqual([
      ['1001', 'Forbidden: bot was blocked by the user'],
      [String(CHANNEL), 'Forbidden: bot is not a member of the channel chat'],
      ['-1001000999999', 'Bad Request: chat not found'],
    ]);
  });

  it('resends as plain text, once, when Telegram refuses the entities', async () => {
    const { fake, bot } = await world();
    const [part] = bot.messenger.render({ blocks: [aCard(5)] });
    fake.failNext('sendMessage', {
      status: 400,
      description: "Bad Request: can't parse entities: Wrong HTTP URL",
    });
    await expect(bot.messenger.sendPart(String(LAN.id), part)).resolves.toMatchObject({ status: 'sent' });
    expect(fake.sentMessages(LAN.id).map((m) => [m.text, m.entities])).toEqual([
      [(part as { text: string }).text, []],
    ]);
  });

  it('pauses and resumes on my_chat_member', async () => {
    const { fake, unavailable, available } = await world();
    fake.setBotMembership(CHANNEL, 'left');
    fake.setBotMembership(CHANNEL, 'administrator', { can_post_messages: true });
    fake.setBotMembership(LAN.id, 'kicked');
    fake.setBotMembership(GROUP, 'restricted', { can_send_messages: false });
    await vi.waitFor(() => expect(unavailable.length + available.length).toBe(4));
    expect(unavailable.map((u) => u.chat.id)).toEqual([String(CHANNEL), String(LAN.id), String(GROUP)]);
    expect(available).toEqual([{ platform: 'telegram', id: String(CHANNEL) }]);
  });

  it('answers with an error reply when the router throws, and keeps working', async () => {
    const { fake } = await world();
    fake.sendUserMessage({ chatId: LAN.id, from: LAN, text: '/boom' });
    fake.sendUserMessage({ chatId: LAN.id, from: LAN, text: '/summary' });
    const sent = await fake.waitFor(
      () => fake.sentMessages(LAN.id).length === 2 && fake.sentMessages(LAN.id),
    );
    expect(sent[0]!.text).toBe('Something went wrong on our side.');
    expect(sent[1]!.text).toContain('Tin số 42');
  });
});

describe('Telegram bot start-up failures', () => {
  it('rejects a wrong token with one line that does not contain it', async () => {
    h = await startHarness({ start: false });
    const token = '999999:WRONG-secret-token-value';
    const bot = createTelegramBot({
      token,
      apiRoot: h.fake.apiRoot,
      router: createTestRouter(),
      logger: silentLogger,
      onChatUnavailable: () => undefined,
      onChatAvailable: () => undefined,
    });
    const error = await bot.start().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe('Telegram rejected the bot token (401 Unauthorized)');
    await bot.stop();
  });

  it('says where it could not connect, without the token', async () => {
    const bot = createTelegramBot({
      token: FAKE_TOKEN,
      apiRoot: 'http://127.0.0.1:1',
      router: createTestRouter(),
      logger: silentLogger,
      onChatUnavailable: () => undefined,
      onChatAvailable: () => undefined,
    });
    const error = await bot.start().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^Could not reach the Telegram Bot API at http:\/\/127\.0\.0\.1:1: /);
    expect(error?.message).not.toContain(FAKE_TOKEN);
    expect(error?.message).not.toContain('\n');
    const result = await bot.messenger.sendPart('1', renderTelegram(plainReply('x'))[0]);
    expect(result.status).toBe('transient');
    expect(JSON.stringify(result)).not.toContain(FAKE_TOKEN);
    await bot.stop();
  });

  it('reports a second instance polling with the same token (409)', async () => {
    const fatal: string[] = [];
    h = await startHarness({ bot: { onFatalError: (m) => fatal.push(m) } });
    const { fake } = h;
    await fake.waitFor(() => fake.callsOf('getUpdates').length > 0);
    const second = createTelegramBot({
      token: FAKE_TOKEN,
      apiRoot: fake.apiRoot,
      router: createTestRouter(),
      logger: silentLogger,
      onChatUnavailable: () => undefined,
      onChatAvailable: () => undefined,
    });
    // As on the real API, the newer poller wins and the older one's pending request gets 409.
    await second.start();
    await vi.waitFor(() => {
      expect(fatal).toEqual([
        'Telegram polling stopped: another instance is using this bot token (409 Conflict)',
      ]);
    });
    await second.stop();
  });
});

describe('Telegram bot under the fake rate limit', () => {
  it('delivers a multi-part reply in order, once each, when the fake enforces a per-chat limit', async () => {
    const { fake } = await world({
      bot: {
        limits: {
          global: { max: 30, windowMs: 1000 },
          perChatIntervalMs: 250,
          group: { max: 20, windowMs: 60_000 },
        },
      },
    });
    fake.setRateLimit({ perSecond: 30, perChatPerSecond: 5 });
    const expected = renderTelegram(longReply()).map((p) => p.text);
    fake.sendUserMessage({ chatId: LAN.id, from: LAN, text: '/long' });
    await fake.waitFor(() => fake.sentMessages(LAN.id).length === expected.length, { timeout: 15_000 });
    expect(fake.sentMessages(LAN.id).map((m) => m.text)).toEqual(expected);
  });
});

describe('Telegram bot shutdown', () => {
  it('stops at once while a reply waits out a long retry_after', async () => {
    const { fake } = await world({ bot: { maxDelaySeconds: 600 } });
    fake.failNext('sendMessage', { status: 429, retry_after: 300 });
    fake.sendUserMessage({ chatId: LAN.id, from: LAN, text: '/summary' });
    await fake.waitFor(() => fake.callsOf('sendMessage').some((c) => c.status === 429));
    // Without the abort this would wait 300 s and the test would time out.
    await h!.close();
    h = null;
    expect(fake.sentMessages(LAN.id)).toEqual([]);
  });
});
