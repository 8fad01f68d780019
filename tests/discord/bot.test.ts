/** The real discord.js client, through createDiscordBot, against the fake Discord. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../adapters/discord/bot.ts';
import type { DiscordMessagePart } from '../../adapters/discord/render.ts';
import type { ChatRef } from '../../src/domain.ts';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../helpers/fake-discord.ts';
import { cards, createRecordingLogger, createRecordingRouter, HOSTILE } from './builders.ts';

const GUILD = '100';
const NEWS = '200';
const OTHER = '201';
const MANAGE_CHANNELS = 16n;
const MEMBER = String(1024n | 2048n);
const ADMIN = String(1024n | 2048n | MANAGE_CHANNELS);
const EPHEMERAL = 64;
const alice = { id: '7001', username: 'alice' };

const body = (r: RecordedRequest): Record<string, unknown> => r.body as Record<string, unknown>;
const data = (r: RecordedRequest): Record<string, unknown> => body(r).data as Record<string, unknown>;

describe('Discord bot against the fake Discord', () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;
  const router = createRecordingRouter();
  const logger = createRecordingLogger();
  const unavailable: Array<{ chat: ChatRef; reason: string }> = [];
  const available: ChatRef[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord();
    fake.addGuild({
      id: GUILD,
      name: 'Tin tức',
      preferred_locale: 'vi',
      channels: [
        { id: NEWS, name: 'news' },
        { id: OTHER, name: 'digests' },
        { id: '202', name: 'old' },
        { id: '203', name: 'private' },
        { id: '204', name: 'busy' },
      ],
    });
    bot = createDiscordBot({
      token: fake.token,
      apiRoot: fake.apiRoot,
      guildId: GUILD,
      deferAfterMs: 50,
      router,
      logger,
      onChatUnavailable: (chat, reason) => void unavailable.push({ chat, reason }),
      onChatAvailable: (chat) => void available.push(chat),
    });
    await bot.start();
  });

  afterAll(async () => {
    await bot.stop(); // the client first: a closed fake would make it reconnect
    await fake.close();
  });

  test('logs in over the gateway with the Guilds intent only, after READY and GUILD_CREATE', () => {
    const identify = fake.gatewayReceived.find((p) => p.op === 2);
    expect(identify?.d).toMatchObject({ intents: 1, token: '<redacted>' });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /gateway/bot');
    expect(bot.inviteUrl).toBe(
      `https://discord.com/oauth2/authorize?client_id=${fake.applicationId}&scope=bot+applications.commands&permissions=84992`,
    );
    expect(logger.lines.join('\n')).toContain(bot.inviteUrl!);
  });

  test('registers the slash commands to the dev guild with localizations and permissions', () => {
    const registered = fake.commands.get(GUILD) as Array<Record<string, unknown>>;
    expect(registered.map((c) => c.name)).toEqual(router.commands.map((c) => c.name));
    const byName = new Map(registered.map((c) => [c.name, c]));
    expect(byName.get('summary')).toMatchObject({
      description: 'The summary command',
      description_localizations: { vi: 'Lệnh summary', 'en-US': 'The summary command' },
      default_member_permissions: null,
      dm_permission: true,
      contexts: [0, 1],
      options: [
        {
          name: 'query',
          type: 3,
          required: false,
          description_localizations: { vi: 'Từ khoá, số bài hoặc URL' },
        },
      ],
    });
    expect(byName.get('subscribe')).toMatchObject({
      default_member_permissions: '16',
      dm_permission: false,
      contexts: [0],
    });
    // The adapter adds a channel picker to /subscribe.
    expect((byName.get('subscribe')?.options as unknown[])[1]).toMatchObject({
      name: 'channel',
      type: 7,
      channel_types: [0, 5],
    });
    // Required options first (Discord rejects the other order); choices kept.
    expect((byName.get('feeds')?.options as Array<{ name: string }>).map((o) => o.name)).toEqual([
      'value',
      'action',
    ]);
    expect(byName.get('latest')?.options).toMatchObject([{ name: 'count', type: 4 }]);
    expect(fake.commands.has('global')).toBe(false);
  });

  test('/summary with a query defers, then edits the original response with an embed', async () => {
    const handle = fake.runSlashCommand({
      guildId: GUILD,
      channelId: NEWS,
      user: alice,
      permissions: MEMBER,
      locale: 'en-US',
      name: 'summary',
      options: [{ name: 'query', type: 3, value: 'lũ Hà Nội' }],
    });
    const [callback, edit] = await handle.waitForResponses(2);
    expect(body(callback!)).toEqual({ type: 5, data: { flags: 0 } });
    expect(edit?.method).toBe('PATCH');
    expect(edit?.path).toMatch(/\/messages\/@original$/);
    expect(body(edit!)).toMatchObject({
      embeds: [{ title: 'About lũ Hà Nội' }],
      allowed_mentions: { parse: [] },
    });
    const request = router.requests.at(-1);
    expect(request).toMatchObject({
      name: 'summary',
      args: 'lũ Hà Nội',
      chat: { platform: 'discord', id: NEWS },
      user: { id: alice.id, name: 'alice' },
      userLang: 'vi',
    });
    expect(available).toContainEqual({ platform: 'discord', id: NEWS });
  });

  test('/summary without a query: the error is shown only to the asker', async () => {
    const handle = fake.runSlashCommand({
      name: 'summary',
      channelId: '9000',
      user: alice,
      locale: 'en-GB',
      options: [],
    });
    const responses = await handle.waitForResponses(3);
    expect(responses.map((r) => r.method)).toEqual(['POST', 'DELETE', 'POST']);
    expect(body(responses[2]!)).toMatchObject({
      content: expect.stringContaining('/summary <query>') as unknown,
    });
    expect(Number(body(responses[2]!).flags) & EPHEMERAL).toBe(EPHEMERAL);
    // A DM: no guild, so the user's locale decides, and canManage is not asked.
    expect(router.requests.at(-1)).toMatchObject({ args: '', userLang: 'en', chat: { id: '9000' } });
  });

  test('/latest count:5 reaches the router as "5" and answers at once', async () => {
    const handle = fake.runSlashCommand({
      guildId: GUILD,
      channelId: NEWS,
      user: alice,
      permissions: MEMBER,
      name: 'latest',
      options: [{ name: 'count', type: 4, value: 5 }],
    });
    const [callback] = await handle.waitForResponses(1);
    expect(body(callback!)).toMatchObject({
      type: 4,
      data: { content: '**Latest**', allowed_mentions: { parse: [] } },
    });
    expect((data(callback!).embeds as unknown[]).length).toBe(3);
    expect(router.requests.at(-1)?.args).toBe('5');
  });

  test.each([
    { who: 'a member with Manage Channels', permissions: ADMIN, managed: true, flags: 0 },
    { who: 'a member without it', permissions: MEMBER, managed: false, flags: 64 },
  ])(
    '/subscribe into another channel by $who: canManage is $managed',
    async ({ permissions, managed, flags }) => {
      const handle = fake.runSlashCommand({
        guildId: GUILD,
        channelId: NEWS,
        user: alice,
        permissions,
        name: 'subscribe',
        options: [
          { name: 'schedule', type: 3, value: '0 7 * * *' },
          { name: 'channel', type: 7, value: OTHER },
        ],
      });
      const [callback] = await handle.waitForResponses(1);
      expect(router.requests.at(-1)).toMatchObject({
        name: 'subscribe',
        args: '0 7 * * *',
        chat: { id: OTHER },
        managed,
      });
      expect(Number(data(callback!).flags ?? 0) & EPHEMERAL).toBe(flags);
    },
  );

  test('a command that overruns deferAfterMs is deferred, then its response edited', async () => {
    const release = router.holdNext();
    const handle = fake.runSlashCommand({
      guildId: GUILD,
      channelId: NEWS,
      user: alice,
      permissions: MEMBER,
      name: 'latest',
    });
    const [callback] = await handle.waitForResponses(1);
    expect(body(callback!)).toMatchObject({ type: 5 });
    release();
    const [, edit] = await handle.waitForResponses(2);
    expect(edit?.method).toBe('PATCH');
    expect(body(edit!)).toMatchObject({ content: '**Latest**' });
  });

  test('after a dropped gateway connection the client RESUMEs and commands still work', async () => {
    fake.disconnect(4000);
    await fake.waitFor(() => fake.gatewayReceived.some((p) => p.op === 6));
    const handle = fake.runSlashCommand({
      guildId: GUILD,
      channelId: NEWS,
      user: alice,
      permissions: MEMBER,
      name: 'latest',
      options: [{ name: 'count', type: 4, value: 2 }],
    });
    await handle.waitForResponses(1);
    expect(router.requests.at(-1)?.args).toBe('2');
    expect(fake.gatewayReceived.filter((p) => p.op === 2)).toHaveLength(1);
  });

  test('/feeds action:add value:URL becomes "add URL"', async () => {
    const handle = fake.runSlashCommand({
      guildId: GUILD,
      channelId: NEWS,
      user: alice,
      permissions: ADMIN,
      name: 'feeds',
      options: [
        { name: 'value', type: 3, value: 'https://vnexpress.net/rss' },
        { name: 'action', type: 3, value: 'add' },
      ],
    });
    await handle.waitForResponses(1);
    expect(router.requests.at(-1)).toMatchObject({ args: 'add https://vnexpress.net/rss', managed: true });
  });

  test('an "@everyone" headline pings nobody and its Markdown is escaped, in replies and in sends', async () => {
    const handle = fake.runSlashCommand({
      guildId: GUILD,
      channelId: NEWS,
      user: alice,
      permissions: MEMBER,
      name: 'headline',
    });
    const [callback] = await handle.waitForResponses(1);
    const escaped = '@everyone \\*\\*bold\\*\\* \\_x\\_ \\[link\\](http://a)';
    expect(data(callback!)).toMatchObject({
      content: escaped,
      allowed_mentions: { parse: [] },
      embeds: [{ title: HOSTILE, fields: [{ value: escaped }] }],
    });

    const reply = await router.handle({
      name: 'headline',
      args: '',
      chat: { platform: 'discord', id: NEWS },
      user: null,
      canManage: () => Promise.resolve(false),
    });
    for (const part of bot.messenger.render(reply))
      expect(await bot.messenger.sendPart(NEWS, part)).toMatchObject({ status: 'sent' });
    const posted = fake.requests
      .filter((r) => r.method === 'POST' && r.path === `/channels/${NEWS}/messages`)
      .at(-1);
    expect(body(posted!)).toMatchObject({ content: escaped, allowed_mentions: { parse: [] } });
  });

  test('/digest with 30 cards answers as ordered messages, each accepted by the fake’s limits', async () => {
    const handle = fake.runSlashCommand({
      guildId: GUILD,
      channelId: NEWS,
      user: alice,
      permissions: MEMBER,
      name: 'digest',
    });
    const responses = await handle.waitForResponses(3);
    expect(responses.map((r) => (r.path.endsWith('/callback') ? 'reply' : 'follow-up'))).toEqual([
      'reply',
      'follow-up',
      'follow-up',
    ]);
    const titles = [data(responses[0]!), body(responses[1]!), body(responses[2]!)].flatMap((m) =>
      (m.embeds as Array<{ title: string }>).map((e) => e.title),
    );
    expect(titles).toEqual(cards(30).map((c) => c.title));
    expect(fake.requests.filter((r) => r.path.includes(handle.token) && r.status >= 400)).toEqual([]);
  });

  async function sendAll(
    channel: string,
    parts: readonly unknown[],
    beforeSecond: () => void,
  ): Promise<string[]> {
    const statuses: string[] = [];
    for (const [i, part] of parts.entries()) {
      if (i === 1) beforeSecond();
      statuses.push((await bot.messenger.sendPart(channel, part)).status);
    }
    return statuses;
  }

  test.each([{ scope: 'route' }, { scope: 'global' }])(
    'a $scope 429 during a multi-part digest loses nothing and repeats nothing',
    async ({ scope }) => {
      const channel = scope === 'route' ? OTHER : NEWS;
      const before = fake.messagesIn(channel).length;
      const parts = bot.messenger.render({ blocks: cards(30) }) as DiscordMessagePart[];
      expect(parts).toHaveLength(3);
      const statuses = await sendAll(channel, parts, () =>
        fake.failNext(`POST /channels/${channel}/messages`, {
          status: 429,
          retryAfter: 1,
          global: scope === 'global',
        }),
      );
      expect(statuses).toEqual(['sent', 'sent', 'sent']);
      expect(fake.messagesIn(channel).slice(before)).toEqual(parts);
      expect(
        fake.requests.filter((r) => r.status === 429 && r.path === `/channels/${channel}/messages`),
      ).toHaveLength(1);
      // discord.js waited out Retry-After instead of hammering the fake.
      expect(fake.rateLimitViolations).toEqual([]);
    },
  );

  test('a 429 longer than maxRateLimitWaitMs returns rate-limited to the outbox without waiting or sending', async () => {
    fake.failNext('POST /channels/204/messages', { status: 429, retryAfter: 120 });
    const part = bot.messenger.render({ blocks: cards(1) })[0];
    const result = await bot.messenger.sendPart('204', part);
    expect(result.status).toBe('rate-limited');
    expect(result.status === 'rate-limited' && result.retryAfterMs).toBeGreaterThanOrEqual(120_000);
    expect(fake.messagesIn('204')).toEqual([]);
  });

  test('a deleted channel (404 10003) and a hidden one (403 50001) are chat-unavailable and reported', async () => {
    fake.deleteChannel('202');
    fake.denyChannel('203');
    const part = bot.messenger.render({ blocks: cards(1) })[0];
    expect(await bot.messenger.sendPart('202', part)).toEqual({
      status: 'chat-unavailable',
      reason: expect.stringContaining('10003') as unknown,
    });
    expect(await bot.messenger.sendPart('203', part)).toEqual({
      status: 'chat-unavailable',
      reason: expect.stringContaining('50001') as unknown,
    });
    expect(unavailable.map((u) => u.chat.id)).toEqual(expect.arrayContaining(['202', '203']));
    // The gateway's CHANNEL_DELETE reported the deletion too, before any send.
    expect(unavailable.find((u) => u.chat.id === '202')?.reason).toBe('channel deleted');
  });

  test('a malformed part is rejected, not retried', async () => {
    expect(
      await bot.messenger.sendPart(NEWS, { content: 'x'.repeat(2001), allowed_mentions: { parse: [] } }),
    ).toMatchObject({ status: 'rejected', reason: expect.stringContaining('50035') as unknown });
  });

  test('the token never reaches the log', () => {
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(logger.lines.join('\n')).not.toContain(fake.token);
  });
});

describe('start-up failures', () => {
  test('a bad token rejects start() with one line that does not contain the token', async () => {
    const fake = await startFakeDiscord();
    const secret = 'MTIz.bad-token.secret-part';
    const logger = createRecordingLogger();
    const bot = createDiscordBot({
      token: secret,
      apiRoot: fake.apiRoot,
      router: createRecordingRouter(),
      logger,
      onChatUnavailable: () => undefined,
      onChatAvailable: () => undefined,
    });
    try {
      const error = await bot.start().then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/^Discord login failed: .+$/);
      expect(error?.message).not.toContain(secret);
      expect(error?.message).not.toContain('\n');
      expect(logger.lines.join('\n')).not.toContain(secret);
      expect(fake.requests.find((r) => r.path === '/gateway/bot')?.status).toBe(401);
    } finally {
      await bot.stop();
      await fake.close();
    }
  });
});
