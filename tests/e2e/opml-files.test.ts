/**
 * OPML as files over both platforms with the real core: an administrator sends a file to
 * `/feeds import` (Telegram: a document with the command as caption, or a reply to one; Discord:
 * the file option) and gets the feeds added; `/feeds export` answers with a file.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readOpmlFeeds } from '../../src/feeds/opml.ts';
import { startCore, type CoreHarness } from '../helpers/core-harness.ts';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.ts';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startPlatformBots, type PlatformBots } from '../helpers/platform-bots.ts';

const GROUP = -4001;
const LAN = { id: 41, first_name: 'Lan', language_code: 'vi' }; // administrator
const TOM = { id: 42, first_name: 'Tom', language_code: 'vi' }; // member
const GUILD = '700';
const TEXT = '701';
const MANAGER = String(1024n | 2048n | 16n);
const MEMBER = String(1024n | 2048n);

let tg: FakeTelegram;
let dc: FakeDiscord;
let feeds: FixtureServer;
let core: CoreHarness;
let bots: PlatformBots;

const opml = (...urls: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Tin</title></head><body>${urls
    .map((u) => `<outline type="rss" text="Tin" xmlUrl="${u}"/>`)
    .join('')}</body></opml>`;

/** Waits for the bot's next text answer in the group after a message was sent there. */
async function telegramAnswer(send: () => void): Promise<string> {
  const before = tg.sentMessages(GROUP).length;
  send();
  await tg.waitFor(() => tg.sentMessages(GROUP).length > before, { timeout: 15_000 });
  return tg
    .sentMessages(GROUP)
    .slice(before)
    .map((m) => m.text)
    .join('\n');
}

beforeAll(async () => {
  const rss = { file: 'feeds/vnexpress-thoi-su.rss', headers: { 'content-type': 'application/rss+xml' } };
  feeds = await startFixtureServer({ '/a.rss': rss, '/b.rss': rss, '/c.rss': rss });
  tg = await startFakeTelegram();
  tg.addChat({ id: GROUP, type: 'supergroup', title: 'Nhóm' });
  tg.setMember(GROUP, LAN.id, 'administrator');
  tg.setMember(GROUP, TOM.id, 'member');
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

beforeEach(() => {
  for (const f of core.store.listFeeds()) core.store.removeFeed(f.id);
});

describe('Telegram', () => {
  it('imports the feeds of a document sent with the caption /feeds import', async () => {
    const answer = await telegramAnswer(() =>
      tg.sendUserMessage({
        chatId: GROUP,
        from: LAN,
        text: '/feeds import',
        document: { fileName: 'tin.opml', content: opml(feeds.url('/a.rss'), feeds.url('/b.rss')) },
      }),
    );
    expect(answer).toContain('Đã đọc 2 nguồn từ tin.opml: thêm 2, đã có 0.');
    expect(core.store.listFeeds().map((f) => f.url)).toEqual([feeds.url('/a.rss'), feeds.url('/b.rss')]);
    // The file came through getFile and the file download route.
    expect(tg.callsOf('getFile')).toHaveLength(1);
  });

  it('imports from a document the command replies to', async () => {
    tg.sendUserMessage({
      chatId: GROUP,
      from: LAN,
      text: 'danh sách nguồn của tôi',
      document: { fileName: 'list.opml', content: opml(feeds.url('/c.rss')) },
    });
    const fileMessage = tg.lastMessageId(GROUP);
    const answer = await telegramAnswer(() =>
      tg.sendUserMessage({ chatId: GROUP, from: LAN, text: '/feeds import', replyTo: fileMessage }),
    );
    expect(answer).toContain('thêm 1');
    expect(core.store.listFeeds().map((f) => f.url)).toEqual([feeds.url('/c.rss')]);
  });

  it('refuses a member without downloading the file', async () => {
    const getFiles = tg.callsOf('getFile').length;
    const answer = await telegramAnswer(() =>
      tg.sendUserMessage({
        chatId: GROUP,
        from: TOM,
        text: '/feeds import',
        document: { fileName: 'x.opml', content: opml(feeds.url('/a.rss')) },
      }),
    );
    expect(answer).toMatch(/quản trị viên/);
    expect(tg.callsOf('getFile')).toHaveLength(getFiles);
    expect(core.store.listFeeds()).toHaveLength(0);
  });

  it('answers a photo or a broken file with one line and adds nothing', async () => {
    const answer = await telegramAnswer(() =>
      tg.sendUserMessage({
        chatId: GROUP,
        from: LAN,
        text: '/feeds import',
        document: { fileName: 'anh.jpg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x80, 0x81, 0x82]) },
      }),
    );
    expect(answer).toBe('Tệp anh.jpg không phải tệp OPML hợp lệ.');
    expect(core.store.listFeeds()).toHaveLength(0);
  });

  it('sends /feeds export as an .opml document after its text', async () => {
    core.store.addFeed(feeds.url('/a.rss'), null);
    await telegramAnswer(() => tg.sendUserMessage({ chatId: GROUP, from: TOM, text: '/feeds export' }));
    await tg.waitFor(() => tg.sentDocuments(GROUP).length > 0);
    const [doc] = tg.sentDocuments(GROUP);
    expect(doc?.file_name).toBe('bantin-feeds.opml');
    expect(readOpmlFeeds(doc?.content.toString('utf8') ?? '').map((f) => f.url)).toEqual([
      feeds.url('/a.rss'),
    ]);
  });
});

describe('Telegram under a 429', () => {
  it('waits out a 429 on the document and sends it once', async () => {
    core.store.addFeed(feeds.url('/c.rss'), null);
    const before = tg.sentDocuments(GROUP).length;
    tg.failNext('sendDocument', { status: 429, retry_after: 1 });
    await telegramAnswer(() => tg.sendUserMessage({ chatId: GROUP, from: TOM, text: '/feeds export' }));
    await tg.waitFor(() => tg.sentDocuments(GROUP).length > before, { timeout: 15_000 });
    expect(tg.callsOf('sendDocument').filter((c) => c.status === 429).length).toBeGreaterThan(0);
    expect(tg.sentDocuments(GROUP)).toHaveLength(before + 1);
  });
});

describe('Discord', () => {
  const run = (
    permissions: string,
    options: unknown[],
    attachments?: Parameters<FakeDiscord['runSlashCommand']>[0]['attachments'],
  ) =>
    dc.runSlashCommand({
      guildId: GUILD,
      channelId: TEXT,
      user: { id: '51', username: 'an' },
      permissions,
      name: 'feeds',
      options,
      ...(attachments === undefined ? {} : { attachments }),
    });
  const answered = async (h: ReturnType<typeof run>): Promise<string> =>
    dc.waitFor(() => {
      const bodies = h.responses().map((r) => JSON.stringify(r.body));
      return bodies.some((b) => /"(content|embeds)"/.test(b)) && bodies.join('\n');
    }, 15_000);

  it('imports the feeds of the file option, for a member with Manage Channels', async () => {
    const h = run(
      MANAGER,
      [
        { name: 'action', type: 3, value: 'import' },
        { name: 'file', type: 11, value: '9001' },
      ],
      [{ id: '9001', filename: 'tin.opml', content: opml(feeds.url('/a.rss'), feeds.url('/b.rss')) }],
    );
    expect(await answered(h)).toContain('thêm 2');
    expect(core.store.listFeeds().map((f) => f.url)).toEqual([feeds.url('/a.rss'), feeds.url('/b.rss')]);
  });

  it('refuses a member without Manage Channels and adds nothing', async () => {
    const h = run(
      MEMBER,
      [
        { name: 'action', type: 3, value: 'import' },
        { name: 'file', type: 11, value: '9002' },
      ],
      [{ id: '9002', filename: 'tin.opml', content: opml(feeds.url('/a.rss')) }],
    );
    expect(await answered(h)).toMatch(/quản trị viên/);
    expect(core.store.listFeeds()).toHaveLength(0);
  });

  it('answers /feeds export with the .opml file attached', async () => {
    core.store.addFeed(feeds.url('/b.rss'), null);
    const uploads = dc.uploads.length;
    const h = run(MEMBER, [{ name: 'action', type: 3, value: 'export' }]);
    await answered(h);
    await dc.waitFor(() => dc.uploads.length > uploads, 15_000);
    const file = dc.uploads[dc.uploads.length - 1];
    expect(file?.filename).toBe('bantin-feeds.opml');
    expect(readOpmlFeeds(file?.content.toString('utf8') ?? '').map((f) => f.url)).toEqual([
      feeds.url('/b.rss'),
    ]);
  });

  it('registers the file option as a Discord attachment option', () => {
    const registered = [...dc.commands.values()].flat() as Array<{
      name: string;
      options?: Array<{ name: string; type: number }>;
    }>;
    const feedsCommand = registered.find((c) => c.name === 'feeds');
    expect(feedsCommand?.options?.find((o) => o.name === 'file')?.type).toBe(11);
  });
});
