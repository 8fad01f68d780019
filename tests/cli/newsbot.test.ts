import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBantin, runInProcess, REPO_ROOT } from '../helpers/run-bantin.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';

const EXAMPLE = join(REPO_ROOT, 'examples/vietnamplus-van-phong-trung-uong-2021.txt');
let dir: string;
let server: FixtureServer;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bantin-cli-'));
  server = await startFixtureServer({
    '/rss': { file: 'feeds/vnexpress-thoi-su.rss', headers: { 'content-type': 'application/rss+xml' } },
  });
  env = { DATABASE_PATH: join(dir, 'bantin.db'), ALLOW_PRIVATE_NETWORK: 'true' };
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('newsbot summarize --json (the contract other tools rely on)', () => {
  it('prints one JSON object per input, in input order, with exactly the contract keys', async () => {
    const json = join(dir, 'a.json');
    writeFileSync(
      json,
      JSON.stringify({
        title: 'Storm Yagi makes landfall in Quang Ninh',
        body: 'Typhoon Yagi made landfall in Quang Ninh province on Saturday afternoon, the national weather agency said.',
        published: '2024-09-08T10:00:00+07:00',
        url: 'https://example.com/yagi',
        lang: 'en',
      }),
    );
    // the real process, as other tools run it
    const r = await runBantin(['summarize', '--json', EXAMPLE, json], { env });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(lines).toHaveLength(2);
    const [vi, en] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(vi ?? {})).toEqual(['title', 'lang', 'who', 'what', 'when', 'where']);
    expect(vi).toMatchObject({
      title: 'Văn phòng Trung ương Đảng triển khai nhiệm vụ công tác năm 2021',
      lang: 'vi',
    });
    expect(vi?.who).toEqual(expect.arrayContaining(['Văn phòng Trung ương Đảng', 'Trần Quốc Vượng']));
    // a .txt carries no publication date: the year stays unknown rather than guessed
    expect((vi?.when as { text: string }).text).toBe('Chiều 30/12');
    expect(en).toMatchObject({ lang: 'en', title: 'Storm Yagi makes landfall in Quang Ninh' });
  });

  it('reads stdin for "-"', async () => {
    const r = await runInProcess(['summarize', '--json', '-'], { env, stdin: readFileSync(EXAMPLE, 'utf8') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ lang: 'vi' });
  });

  it('reports a bad path in one line on stderr and exits 1 after the other inputs', async () => {
    const r = await runInProcess(['summarize', '--json', join(dir, 'missing.txt'), EXAMPLE], { env });
    expect(r.code).toBe(1);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{')),
    ).toHaveLength(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('missing.txt');
  });
});

describe('newsbot ingest, search, feeds, digest, reextract, backup', () => {
  it('works on one database as a user would', async () => {
    const ingest = await runInProcess(['ingest', server.url('/rss'), EXAMPLE], { env });
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(/\/rss: \d+ new/);
    const again = await runInProcess(['ingest', EXAMPLE], { env });
    expect(again.stdout).toContain('0 new, 0 updated, 1 unchanged');

    const search = await runInProcess(['search', 'van phong trung uong'], { env });
    expect(search.stdout).toContain('Văn phòng Trung ương Đảng');

    const feeds = await runInProcess(['feeds', 'list'], { env });
    expect(feeds.stdout).toContain(server.url('/rss'));
    const opml = join(dir, 'feeds.opml');
    expect((await runInProcess(['feeds', 'export', opml], { env })).code).toBe(0);
    expect(readFileSync(opml, 'utf8')).toContain(`xmlUrl="${server.url('/rss')}"`);

    const digest = await runInProcess(['digest', '--since', '100000d'], { env });
    expect(digest.stdout).toContain('Bản tin');
    expect(digest.stdout).toMatch(/Ai:/);

    const re = await runInProcess(['reextract'], { env });
    expect(re.stdout).toMatch(/re-extracted 0 article/);

    const backup = join(dir, 'copy.db');
    expect((await runInProcess(['backup', backup], { env })).code).toBe(0);
    const fromCopy = await runInProcess(['search', 'van phong'], { env: { ...env, DATABASE_PATH: backup } });
    expect(fromCopy.stdout).toContain('Văn phòng Trung ương Đảng');
  });

  it('explains its usage for an unknown command', async () => {
    const r = await runInProcess(['frobnicate'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: npm run newsbot');
  });
});
