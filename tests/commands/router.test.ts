import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startCore, type CoreHarness } from '../helpers/core-harness.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { saveDrafts } from '../../src/articles/save-drafts.ts';
import { parseTextArticle } from '../../src/ingest/text-input.ts';
import { silentLogger } from '../../src/ports.ts';

const example = parseTextArticle(
  readFileSync(new URL('../../examples/vietnamplus-van-phong-trung-uong-2021.txt', import.meta.url), 'utf8'),
);

let core: CoreHarness;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer({
    '/rss': {
      file: 'feeds/vnexpress-thoi-su.rss',
      headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
    },
    '/not-a-feed': {
      body: '<html><body><p>Hello</p></body></html>',
      headers: { 'content-type': 'text/html' },
    },
    '/gone': { status: 404, body: 'nope' },
  });
});
afterAll(() => server.close());
beforeEach(() => {
  core = startCore();
  saveDrafts(
    [
      {
        ...example,
        lang: 'vi',
        publishedAt: '2020-12-31T08:00:00+07:00',
        url: null,
        guid: null,
        source: 'Vietnam+',
      },
    ],
    null,
    { store: core.store, extractor: core.extractor, logger: silentLogger },
  );
});
afterEach(() => core.close());

describe('/help and unknown commands', () => {
  it('lists every command with a help line, in the chat language', async () => {
    const help = await core.say('/help');
    for (const c of [
      '/summary',
      '/latest',
      '/search',
      '/subscribe',
      '/unsubscribe',
      '/digest',
      '/feeds',
      '/settings',
    ]) {
      expect(help).toContain(c);
    }
    expect(help).toContain('Danh sách lệnh');
  });

  it('answers an unknown command with one line pointing to /help', async () => {
    const reply = await core.ask('/frobnicate');
    expect(reply.isError).toBe(true);
    expect(await core.say('/frobnicate')).toBe('Không có lệnh /frobnicate. Gõ /help để xem các lệnh.');
  });
});

describe('/summary', () => {
  it('with no argument shows the newest stories with who/what/when/where when nothing is 24 h new', async () => {
    const out = await core.say('/summary');
    expect(out).toContain('Văn phòng Trung ương Đảng triển khai nhiệm vụ công tác năm 2021');
    expect(out).toMatch(/Ai:\s+.*Trần Quốc Vượng/);
    expect(out).toMatch(/Khi nào:\s+Chiều 30\/12 \(30\/12\/2020\)/);
    expect(out).toMatch(/Ở đâu:/);
  });

  it('uses English labels after /settings lang en', async () => {
    expect(await core.say('/settings lang en')).toContain('Language: en');
    const out = await core.say('/summary 1');
    expect(out).toMatch(/Who:.*\n.*What:.*\n.*When:.*\n.*Where:/);
  });

  it('finds the best search match for words, and says so when nothing matches', async () => {
    expect(await core.say('/summary van phong trung uong')).toContain('Trần Quốc Vượng');
    expect(await core.say('/summary xyzzy plugh')).toContain('Không tìm thấy');
    expect(await core.say('/summary 999')).toBe('Không có bài số 999.');
  });

  it('fetches and summarises a URL', async () => {
    const out = await core.say(`/summary ${server.url('/rss')}`);
    expect(out).toMatch(/Ai:/);
    expect(core.store.countArticles()).toBeGreaterThan(1);
  });

  it('gives a one-line error for a 404 page', async () => {
    const out = await core.say(`/summary ${server.url('/gone')}`);
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toContain('404');
  });
});

describe('/latest and /search', () => {
  it('validates the count', async () => {
    expect(await core.say('/latest 0')).toContain('1–20');
    expect(await core.say('/latest abc')).toContain('1–20');
    expect(await core.say('/latest 1')).toContain('#1 Văn phòng Trung ương Đảng');
  });

  it('searches without accents and shows the original text', async () => {
    const out = await core.say('/search Da Nang');
    expect(out).toContain('«Đà» «Nẵng»');
    expect(await core.say('/search')).toContain('Cách dùng');
  });
});

describe('/subscribe, /unsubscribe, /digest', () => {
  it('accepts a cron or a preset and shows the next delivery in the chat time zone', async () => {
    expect(await core.say('/subscribe 0 7 * * *')).toContain('Lần gửi tới: 07:00 03/06/2024');
    expect(await core.say('/subscribe daily 19:30')).toContain('30 19 * * *');
    const list = await core.say('/subscribe');
    expect(list).toContain('#1 · 0 7 * * *');
    expect(list).toContain('#2 · 30 19 * * *');
    expect(await core.say('/unsubscribe 1')).toContain('Đã hủy 1');
    expect(core.store.listSubscriptions('telegram:42')).toHaveLength(1);
  });

  it('refuses a wrong schedule in one line with examples', async () => {
    const out = await core.say('/subscribe 99 * * * *');
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toContain('daily 7:00');
    expect(core.store.listSubscriptions()).toHaveLength(0);
  });

  it('lets only administrators change subscriptions, settings and feeds; anyone may read', async () => {
    const member = { admin: false };
    for (const line of [
      '/subscribe 0 7 * * *',
      '/unsubscribe',
      '/settings lang en',
      `/feeds add ${server.url('/rss')}`,
      '/feeds remove 1',
    ]) {
      expect(await core.say(line, member)).toContain('Chỉ quản trị viên');
    }
    for (const line of [
      '/summary',
      '/latest',
      '/search dang',
      '/help',
      '/feeds list',
      '/subscribe',
      '/settings',
    ]) {
      expect(await core.say(line, member)).not.toContain('Chỉ quản trị viên');
    }
    expect(core.store.listSubscriptions()).toHaveLength(0);
  });

  it('/digest sends the stories the chat has not had, once', async () => {
    core.clock.set('2020-12-31T12:00:00.000Z');
    await core.say('/subscribe 0 7 * * *');
    const first = await core.say('/digest');
    expect(first).toContain('Bản tin 31/12/2020 · 1 tin');
    expect(first).toContain('Văn phòng Trung ương Đảng');
    expect(await core.say('/digest')).toBe('Không có tin mới kể từ bản tin trước.');
  });
});

describe('/feeds', () => {
  it('adds a real feed with its items, lists it, and removes it', async () => {
    expect(await core.say(`/feeds add ${server.url('/rss')}`)).toMatch(/Đã thêm nguồn .* \(\d+ bài\)/);
    expect(await core.say('/feeds list')).toContain(server.url('/rss'));
    const id = core.store.listFeeds()[0]?.id ?? 0;
    expect(await core.say(`/feeds remove ${String(id)}`)).toBe(`Đã xóa nguồn #${String(id)}.`);
  });

  it('refuses what is not a feed, and stores nothing', async () => {
    const out = await core.say(`/feeds add ${server.url('/not-a-feed')}`);
    expect(out.split('\n')).toHaveLength(1);
    expect(core.store.listFeeds()).toHaveLength(0);
  });
});

describe('abuse limits', () => {
  it('allows 5 URL fetches a minute per user, then asks politely to wait', async () => {
    const url = server.url('/gone');
    for (let i = 0; i < 5; i++) expect(await core.say(`/summary ${url}`)).toContain('404');
    expect(await core.say(`/summary ${url}`)).toMatch(/thử lại sau \d+ giây/);
    // other commands and other users are not affected
    expect(await core.say('/latest 1')).toContain('#1');
    core.clock.advance(61_000);
    expect(await core.say(`/summary ${url}`)).toContain('404');
  });

  it('refuses over-long arguments in one line', async () => {
    const out = await core.say(`/search ${'a'.repeat(3000)}`);
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toContain('2000');
  });
});
