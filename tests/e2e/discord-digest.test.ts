/** The real core (router, store, outbox, scheduler) behind the real discord.js client, against the fake Discord. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../adapters/discord/bot.ts';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.ts';
import { startCore, type CoreHarness } from '../helpers/core-harness.ts';
import { saveDrafts } from '../../src/articles/save-drafts.ts';
import { silentLogger } from '../../src/ports.ts';
import { chatKey } from '../../src/domain.ts';
import { aDraft } from '../helpers/builders.ts';

const GUILD = '900';
const NEWS = '901';
const ADMIN = String(1024n | 2048n | 16n);
const MEMBER = String(1024n | 2048n);
const alice = { id: '5', username: 'alice' };

let fake: FakeDiscord;
let core: CoreHarness;
let bot: DiscordBot;

const embedsIn = (channelId: string): Array<Record<string, unknown>> =>
  fake.messagesIn(channelId).flatMap((m) => (m.embeds as Array<Record<string, unknown>> | undefined) ?? []);

beforeAll(async () => {
  fake = await startFakeDiscord();
  fake.addGuild({
    id: GUILD,
    name: 'Tin tức',
    preferred_locale: 'vi',
    channels: [{ id: NEWS, name: 'news' }],
  });
  core = startCore({ now: '2024-06-01T14:00:00.000Z' });
  saveDrafts([aDraft({ title: 'Đà Nẵng khai mạc lễ hội pháo hoa @everyone' })], null, {
    store: core.store,
    extractor: core.extractor,
    logger: silentLogger,
  });
  bot = createDiscordBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    guildId: GUILD,
    router: core.router,
    logger: silentLogger,
    onChatUnavailable: (chat) => core.store.setChatAvailable(chatKey(chat), false),
    onChatAvailable: (chat) => core.store.setChatAvailable(chatKey(chat), true),
  });
  core.messengers.set('discord', bot.messenger);
  await bot.start();
});

afterAll(async () => {
  await bot.stop();
  await fake.close();
  core.close();
});

describe('Discord digests end to end', () => {
  it('refuses /subscribe from a member without Manage Channels', async () => {
    const h = fake.runSlashCommand({
      guildId: GUILD,
      channelId: NEWS,
      user: alice,
      permissions: MEMBER,
      name: 'subscribe',
      options: [{ name: 'schedule', type: 3, value: '0 7 * * *' }],
    });
    const [callback] = await h.waitForResponses(1);
    expect(JSON.stringify(callback?.body)).toContain('Chỉ quản trị viên');
    expect(core.store.listSubscriptions()).toHaveLength(0);
  });

  it('subscribes a channel, answers /digest, and a cron-fired digest lands in the channel', async () => {
    const sub = fake.runSlashCommand({
      guildId: GUILD,
      channelId: NEWS,
      user: alice,
      permissions: ADMIN,
      name: 'subscribe',
      options: [{ name: 'schedule', type: 3, value: '0 7 * * *' }],
    });
    await sub.waitForResponses(1);
    const [subscription] = core.store.listSubscriptions(`discord:${NEWS}`);
    expect(subscription?.schedule).toBe('0 7 * * *');

    const digest = fake.runSlashCommand({
      guildId: GUILD,
      channelId: NEWS,
      user: alice,
      permissions: MEMBER,
      name: 'digest',
    });
    const responses = await digest.waitForResponses(1);
    expect(JSON.stringify(responses.map((r) => r.body))).toContain('pháo hoa');

    // a new story arrives, then the subscription's cron task fires
    core.clock.advance(3_600_000);
    saveDrafts(
      [
        aDraft({
          url: 'https://example.vn/bao-so-3',
          title: 'Bão số 3 đổ bộ Quảng Ninh',
          body: 'Chiều 7/9, bão số 3 (Yagi) đổ bộ vào Quảng Ninh và Hải Phòng với sức gió cấp 14, Ban chỉ đạo quốc gia cho biết.',
          publishedAt: '2024-06-01T22:00:00+07:00',
        }),
      ],
      null,
      { store: core.store, extractor: core.extractor, logger: silentLogger },
    );
    await core.scheduler.trigger(subscription!.id);
    const titles = embedsIn(NEWS).map((e) => e.title);
    expect(titles).toContain('Bão số 3 đổ bộ Quảng Ninh');
    // the story /digest already gave this chat is not sent again
    expect(titles.filter((t) => typeof t === 'string' && t.includes('pháo hoa'))).toHaveLength(0);
    for (const m of fake.messagesIn(NEWS)) expect(m.allowed_mentions).toEqual({ parse: [] });
  });

  it('pauses the subscription of a deleted channel', async () => {
    const [subscription] = core.store.listSubscriptions(`discord:${NEWS}`);
    fake.deleteChannel(NEWS);
    core.clock.advance(3_600_000);
    saveDrafts(
      [
        aDraft({
          url: 'https://example.vn/moi',
          title: 'Tin mới sau khi kênh bị xóa',
          body: 'Sáng 2/6, một sự kiện khác hẳn đã diễn ra tại Huế với nhiều người tham dự và các chi tiết riêng.',
          publishedAt: '2024-06-02T08:00:00+07:00',
        }),
      ],
      null,
      {
        store: core.store,
        extractor: core.extractor,
        logger: silentLogger,
      },
    );
    await core.scheduler.trigger(subscription!.id);
    expect(core.store.listSubscriptions(`discord:${NEWS}`)[0]?.paused).toBe(true);
    expect(core.store.countDeliveries('sent')).toBeGreaterThan(0);
  });
});
