/**
 * Who may change what, over both platforms with the real core: for every state-changing command,
 * a member is refused and nothing changes, an administrator is let through; reads are open to all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.ts';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startPlatformBots, type PlatformBots } from '../helpers/platform-bots.ts';
import { startCore, type CoreHarness } from '../helpers/core-harness.ts';

const GROUP = -3001;
const CHANNEL = -1003002;
const LAN = { id: 21, first_name: 'Lan', language_code: 'vi' }; // administrator
const TOM = { id: 22, first_name: 'Tom', language_code: 'vi' }; // member
const GUILD = '600';
const TEXT = '601';
const MEMBER = String(1024n | 2048n);
const MANAGER = String(1024n | 2048n | 16n);
const REFUSED = /quản trị viên|administrator/i;

let tg: FakeTelegram;
let dc: FakeDiscord;
let feeds: FixtureServer;
let core: CoreHarness;
let bots: PlatformBots;

/** [label, text command, Discord name, Discord options]: every command that changes chat state. */
const writes = (): Array<[string, string, string, Array<{ name: string; type: number; value: string }>]> => [
  ['subscribe', '/subscribe 0 7 * * *', 'subscribe', [{ name: 'schedule', type: 3, value: '0 7 * * *' }]],
  ['unsubscribe', '/unsubscribe', 'unsubscribe', []],
  [
    'feeds add',
    `/feeds add ${feeds.url('/rss')}`,
    'feeds',
    [
      { name: 'action', type: 3, value: 'add' },
      { name: 'value', type: 3, value: feeds.url('/rss') },
    ],
  ],
  [
    'feeds remove',
    '/feeds remove 999',
    'feeds',
    [
      { name: 'action', type: 3, value: 'remove' },
      { name: 'value', type: 3, value: '999' },
    ],
  ],
  ['settings', '/settings lang en', 'settings', [{ name: 'lang', type: 3, value: 'en' }]],
];
const reads: Array<[string, string, Array<{ name: string; type: number; value: string }>]> = [
  ['/summary', 'summary', []],
  ['/latest 2', 'latest', [{ name: 'count', type: 4, value: '2' }]],
  ['/search dang', 'search', [{ name: 'query', type: 3, value: 'dang' }]],
  ['/help', 'help', []],
];

const state = (): string =>
  JSON.stringify([
    core.store.listSubscriptions(),
    core.store.listFeeds().length,
    core.db.prepare('SELECT * FROM chats').all(),
  ]);

/** Sends a Telegram message and returns the text of the bot's answer in `replyChat`. */
const telegramSays = async (
  chatId: number,
  from: typeof LAN,
  text: string,
  replyChat = chatId,
): Promise<string> => {
  const before = tg.sentMessages(replyChat).length;
  tg.sendUserMessage({ chatId, from, text });
  await tg.waitFor(() => tg.sentMessages(replyChat).length > before, { timeout: 15_000 });
  return tg
    .sentMessages(replyChat)
    .slice(before)
    .map((m) => m.text)
    .join('\n');
};

const discordSays = async (permissions: string, name: string, options: unknown[]): Promise<string> => {
  const h = dc.runSlashCommand({
    guildId: GUILD,
    channelId: TEXT,
    user: { id: '31', username: 'an' },
    permissions,
    name,
    options,
  });
  // A slow command is deferred first (type 5); its answer comes as an edit or a follow-up.
  const answered = (): string | false => {
    const bodies = h.responses().map((r) => JSON.stringify(r.body));
    return bodies.some((b) => /"(content|embeds)"/.test(b)) && bodies.join('\n');
  };
  return dc.waitFor(answered, 15_000);
};

beforeAll(async () => {
  feeds = await startFixtureServer({
    '/rss': { file: 'feeds/vnexpress-thoi-su.rss', headers: { 'content-type': 'application/rss+xml' } },
  });
  tg = await startFakeTelegram();
  tg.addChat({ id: GROUP, type: 'supergroup', title: 'Nhóm' });
  tg.addChat({
    id: CHANNEL,
    type: 'channel',
    title: 'Kênh',
    username: 'kenh_tin',
    botStatus: 'administrator',
    botRights: { can_post_messages: true },
  });
  for (const u of [LAN, TOM]) {
    tg.addChat({ id: u.id, type: 'private', first_name: u.first_name });
    tg.addUser(u);
  }
  tg.setMember(GROUP, LAN.id, 'administrator');
  tg.setMember(GROUP, TOM.id, 'member');
  tg.setMember(CHANNEL, LAN.id, 'administrator');
  tg.setMember(CHANNEL, TOM.id, 'member');
  dc = await startFakeDiscord();
  dc.addGuild({ id: GUILD, name: 'Tin', preferred_locale: 'vi', channels: [{ id: TEXT, name: 'news' }] });
  core = startCore();
  bots = await startPlatformBots(core.router, { telegram: tg, discord: dc, guildId: GUILD });
});

afterAll(async () => {
  await bots.stop();
  await tg.close();
  await dc.close();
  await feeds.close();
  core.close();
});

describe('state-changing commands', () => {
  it('Telegram group: a member is refused and nothing changes; an administrator is let through', async () => {
    for (const [label, text] of writes()) {
      const before = state();
      expect(await telegramSays(GROUP, TOM, text), `member: ${label}`).toMatch(REFUSED);
      expect(state(), label).toBe(before);
      expect(await telegramSays(GROUP, LAN, text), `admin: ${label}`).not.toMatch(REFUSED);
    }
  });

  it('Telegram channel from a private chat: only its administrators', async () => {
    for (const [label, text] of writes()) {
      const targeted = text.replace(/^(\/\w+)/, '$1 @kenh_tin');
      const before = state();
      expect(await telegramSays(TOM.id, TOM, targeted), `member: ${label}`).toMatch(REFUSED);
      expect(state(), label).toBe(before);
      expect(await telegramSays(LAN.id, LAN, targeted), `admin: ${label}`).not.toMatch(REFUSED);
    }
  });

  it('Discord: without Manage Channels refused and nothing changes; with it let through', async () => {
    for (const [label, , name, options] of writes()) {
      const before = state();
      expect(await discordSays(MEMBER, name, options), `member: ${label}`).toMatch(REFUSED);
      expect(state(), label).toBe(before);
      expect(await discordSays(MANAGER, name, options), `manager: ${label}`).not.toMatch(REFUSED);
    }
  });
});

describe('reads are open to everyone', () => {
  it.each(reads)('%s', async (text, name, options) => {
    expect(await telegramSays(GROUP, TOM, text)).not.toMatch(REFUSED);
    expect(await discordSays(MEMBER, name, options)).not.toMatch(REFUSED);
  });
});
