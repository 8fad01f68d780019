/** The real core (router, store, outbox, scheduler) behind the real grammY client, against the fake Bot API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramBot, type TelegramBot } from '../../adapters/telegram/bot.ts';
import { FAKE_TOKEN, startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.ts';
import { NO_LIMITS } from '../telegram/support.ts';
import { startCore, type CoreHarness } from '../helpers/core-harness.ts';
import { saveDrafts } from '../../src/articles/save-drafts.ts';
import { silentLogger } from '../../src/ports.ts';
import { chatKey } from '../../src/domain.ts';
import { aDraft } from '../helpers/builders.ts';

const CHANNEL = -1001234;
const OTHER_CHANNEL = -1005678;
const GROUP = -2001;
const LAN = { id: 11, first_name: 'Lan', language_code: 'vi' };
const TOM = { id: 12, first_name: 'Tom', language_code: 'en' };

let fake: FakeTelegram;
let core: CoreHarness;
let bot: TelegramBot;

const save = (title: string, url: string, publishedAt: string): void => {
  saveDrafts(
    [
      aDraft({
        title,
        url,
        publishedAt,
        body: `${title}. Sáng nay, sự việc diễn ra tại Hà Nội với nhiều chi tiết riêng của bài ${url}.`,
      }),
    ],
    null,
    { store: core.store, extractor: core.extractor, logger: silentLogger },
  );
};

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.addChat({
    id: CHANNEL,
    type: 'channel',
    title: 'Tin sáng',
    username: 'tin_sang',
    botStatus: 'administrator',
    botRights: { can_post_messages: true },
  });
  fake.addChat({
    id: OTHER_CHANNEL,
    type: 'channel',
    title: 'Kênh khác',
    username: 'kenh_khac',
    botStatus: 'administrator',
    botRights: { can_post_messages: true },
  });
  fake.addChat({ id: GROUP, type: 'supergroup', title: 'Nhóm' });
  fake.addChat({ id: LAN.id, type: 'private', first_name: LAN.first_name });
  fake.addChat({ id: TOM.id, type: 'private', first_name: TOM.first_name });
  fake.addUser(LAN);
  fake.addUser(TOM);
  fake.setMember(OTHER_CHANNEL, LAN.id, 'administrator');
  fake.setMember(OTHER_CHANNEL, TOM.id, 'member');
  fake.setMember(GROUP, LAN.id, 'administrator');
  fake.setMember(GROUP, TOM.id, 'member');
  core = startCore({ now: '2024-06-01T14:00:00.000Z' });
  save('Giá <b>vàng</b> & USD *tăng* _mạnh_', 'https://example.vn/vang', '2024-06-01T20:00:00+07:00');
  bot = createTelegramBot({
    token: FAKE_TOKEN,
    apiRoot: fake.apiRoot,
    router: core.router,
    logger: silentLogger,
    limits: NO_LIMITS,
    onChatUnavailable: (chat) => core.store.setChatAvailable(chatKey(chat), false),
    onChatAvailable: (chat) => {
      core.store.setChatAvailable(chatKey(chat), true);
      void core.outbox.drain();
    },
  });
  core.messengers.set('telegram', bot.messenger);
  await bot.start();
});

afterAll(async () => {
  await bot.stop();
  await fake.close();
  core.close();
});

describe('Telegram with the real core', () => {
  it('answers /summary in a private chat with the four lines, the headline as written', async () => {
    fake.sendUserMessage({ chatId: LAN.id, from: LAN, text: '/summary' });
    const [reply] = await fake.waitFor(
      () => fake.sentMessages(LAN.id).length > 0 && fake.sentMessages(LAN.id),
    );
    expect(reply?.text).toContain('Giá <b>vàng</b> & USD *tăng* _mạnh_');
    expect(reply?.text).toMatch(/Ai: .*\nViệc gì: .*\nKhi nào: .*\nỞ đâu: /);
  });

  it('subscribes a channel from inside it; /digest and a cron-fired digest land there', async () => {
    fake.postInChannel(CHANNEL, '/subscribe 0 7 * * *');
    await fake.waitFor(() => fake.sentMessages(CHANNEL).length === 1);
    const [sub] = core.store.listSubscriptions(`telegram:${String(CHANNEL)}`);
    expect(sub?.schedule).toBe('0 7 * * *');

    fake.postInChannel(CHANNEL, '/digest');
    await fake.waitFor(() => fake.sentMessages(CHANNEL).some((m) => m.text.includes('Bản tin')));
    expect(fake.sentMessages(CHANNEL).at(-1)?.text).toContain('Giá <b>vàng</b>');

    core.clock.advance(3_600_000);
    save('Bão số 3 đổ bộ Quảng Ninh', 'https://example.vn/bao', '2024-06-01T22:30:00+07:00');
    const before = fake.sentMessages(CHANNEL).length;
    await core.scheduler.trigger(sub!.id);
    const digest = fake.sentMessages(CHANNEL).slice(before);
    expect(digest.map((m) => m.text).join('\n')).toContain('Bão số 3 đổ bộ Quảng Ninh');
    expect(digest.map((m) => m.text).join('\n')).not.toContain('Giá <b>vàng</b>'); // never twice
    expect(digest[0]?.link_preview_options).toEqual({ is_disabled: true });
  });

  it('lets a channel admin subscribe it from a private chat, and refuses a non-admin', async () => {
    fake.sendUserMessage({ chatId: TOM.id, from: TOM, text: '/subscribe @kenh_khac daily 7:00' });
    await fake.waitFor(() => fake.sentMessages(TOM.id).length === 1);
    expect(core.store.listSubscriptions(`telegram:${String(OTHER_CHANNEL)}`)).toHaveLength(0);
    fake.sendUserMessage({ chatId: LAN.id, from: LAN, text: '/subscribe @kenh_khac daily 7:00' });
    await fake.waitFor(() => core.store.listSubscriptions(`telegram:${String(OTHER_CHANNEL)}`).length === 1);
  });

  it('refuses a group member, lets a group admin', async () => {
    fake.sendUserMessage({ chatId: GROUP, from: TOM, text: '/subscribe hourly' });
    await fake.waitFor(() => fake.sentMessages(GROUP).length === 1);
    expect(fake.sentMessages(GROUP)[0]?.text).toMatch(/quản trị viên|administrators/);
    fake.sendUserMessage({ chatId: GROUP, from: LAN, text: '/subscribe hourly' });
    await fake.waitFor(() => core.store.listSubscriptions(`telegram:${String(GROUP)}`).length === 1);
  });

  it('pauses the subscription when the bot is blocked, and resumes when it is added back', async () => {
    const [sub] = core.store.listSubscriptions(`telegram:${String(CHANNEL)}`);
    fake.blockChat(CHANNEL);
    core.clock.advance(3_600_000);
    save('Hà Nội khánh thành cầu mới', 'https://example.vn/cau', '2024-06-01T23:30:00+07:00');
    await core.scheduler.trigger(sub!.id);
    expect(core.store.listSubscriptions(`telegram:${String(CHANNEL)}`)[0]?.paused).toBe(true);
    const before = fake.sentMessages(CHANNEL).length;
    fake.setBotMembership(CHANNEL, 'administrator', { can_post_messages: true });
    await fake.waitFor(
      () => core.store.listSubscriptions(`telegram:${String(CHANNEL)}`)[0]?.paused === false,
    );
    // the part that was refused is delivered now, once
    await fake.waitFor(() => fake.sentMessages(CHANNEL).length > before);
    expect(
      fake
        .sentMessages(CHANNEL)
        .slice(before)
        .map((m) => m.text)
        .join('\n'),
    ).toContain('Hà Nội khánh thành cầu mới');
  });
});
