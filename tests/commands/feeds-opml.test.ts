import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../src/commands/types.ts';
import { readOpmlFeeds } from '../../src/feeds/opml.ts';
import { startCore, type CoreHarness } from '../helpers/core-harness.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';

let core: CoreHarness;
let server: FixtureServer;

beforeAll(async () => {
  const rss = { file: 'feeds/vnexpress-thoi-su.rss', headers: { 'content-type': 'application/rss+xml' } };
  server = await startFixtureServer({
    '/a.rss': rss,
    '/b.rss': rss,
    '/page': {
      body: '<html><body><p>not a feed</p></body></html>',
      headers: { 'content-type': 'text/html' },
    },
  });
});
afterAll(() => server.close());
beforeEach(() => {
  core = startCore();
});
afterEach(() => core.close());

/** An attachment as an adapter hands it over, recording how much the command asked to read. */
function fileOf(name: string, content: string | Uint8Array, announcedSize?: number | null) {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const reads: number[] = [];
  const attachment: Attachment = {
    name,
    size: announcedSize === undefined ? bytes.length : announcedSize,
    read: (maxBytes) => {
      reads.push(maxBytes);
      return Promise.resolve(bytes.slice(0, maxBytes));
    },
  };
  return { attachment, reads };
}

const opml = (...urls: string[]): string =>
  `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="News">${urls
    .map((u) => `<outline type="rss" text="t" xmlUrl="${u}"/>`)
    .join('')}</outline></body></opml>`;

describe('/feeds export', () => {
  it('sends the feed list as an OPML file another reader can import', async () => {
    await core.say(`/feeds add ${server.url('/a.rss')}`);
    const reply = await core.ask('/feeds export', { admin: false });
    expect(reply.isError).not.toBe(true);
    expect(reply.file?.name).toBe('bantin-feeds.opml');
    expect(readOpmlFeeds(reply.file?.content ?? '').map((f) => f.url)).toEqual([server.url('/a.rss')]);
  });

  it('says there is nothing to export instead of sending an empty file', async () => {
    const reply = await core.ask('/feeds export');
    expect(reply.file).toBeUndefined();
  });
});

describe('/feeds import', () => {
  it('adds every feed of the file, checking each one, and reports what it did', async () => {
    await core.say(`/feeds add ${server.url('/a.rss')}`);
    const { attachment } = fileOf(
      'mine.opml',
      opml(server.url('/a.rss'), server.url('/b.rss'), server.url('/page')),
    );
    const reply = await core.say('/feeds import', { attachment });
    expect(reply).toContain('Đã đọc 3 nguồn từ mine.opml: thêm 1, đã có 1.');
    expect(reply).toContain(`⚠ ${server.url('/page')}:`);
    expect(
      core.store
        .listFeeds()
        .map((f) => f.url)
        .sort(),
    ).toEqual([server.url('/a.rss'), server.url('/b.rss')]);
    expect(core.store.listFeeds().every((f) => f.addedBy === 'telegram:42')).toBe(true);
  });

  it('is for chat admins only, and reads nothing for anyone else', async () => {
    const { attachment, reads } = fileOf('x.opml', opml(server.url('/b.rss')));
    const reply = await core.ask('/feeds import', { admin: false, attachment });
    expect(reply.isError).toBe(true);
    expect(reads).toEqual([]);
    expect(core.store.listFeeds()).toHaveLength(0);
  });

  it('explains how to attach the file on each platform when none came', async () => {
    expect(await core.say('/feeds import')).toContain('/feeds import');
    expect(await core.say('/feeds import', { chat: { platform: 'discord', id: '1' } })).toContain('file:');
  });

  it('refuses a file announced as too big without downloading it, and reads at most 1 MB', async () => {
    const big = fileOf('big.opml', opml(server.url('/b.rss')), 50_000_000);
    expect(await core.say('/feeds import', { attachment: big.attachment })).toMatch(/quá lớn/);
    expect(big.reads).toEqual([]);
    const small = fileOf('ok.opml', opml(server.url('/b.rss')), null);
    await core.say('/feeds import', { attachment: small.attachment });
    expect(small.reads).toEqual([1_000_000]);
  });

  it('gives one line for a binary, non-OPML or empty file and adds nothing', async () => {
    const cases = [
      fileOf('photo.opml', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x80, 0x81])),
      fileOf('notes.opml', 'just some text, no XML'),
      fileOf('empty.opml', opml()),
    ];
    for (const c of cases) {
      const reply = await core.ask('/feeds import', { attachment: c.attachment });
      expect(reply.isError).toBe(true);
      expect(await core.say('/feeds import', { attachment: c.attachment })).not.toContain('\n');
    }
    expect(core.store.listFeeds()).toHaveLength(0);
  });

  it('fetches at most 40 new URLs of one file, however many are dead links', async () => {
    const dead = Array.from({ length: 60 }, (_, i) => server.url(`/missing-${String(i)}.rss`));
    const { attachment } = fileOf('dead.opml', opml(...dead));
    const reply = await core.say('/feeds import', { attachment });
    expect(reply.match(/⚠/g)).toHaveLength(40);
    expect(reply).toContain('Bỏ qua 20 nguồn');
    expect(core.store.listFeeds()).toHaveLength(0);
  });

  it("stops at the chat's feed quota and says how many it skipped", async () => {
    const urls = Array.from({ length: 22 }, (_, i) => server.url(`/a.rss?n=${String(i)}`));
    const { attachment } = fileOf('many.opml', opml(...urls));
    const reply = await core.say('/feeds import', { attachment });
    expect(reply).toContain('Bỏ qua 2 nguồn');
    expect(core.store.listFeeds()).toHaveLength(20);
  });
});
