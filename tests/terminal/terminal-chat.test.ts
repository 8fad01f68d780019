import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBantin } from '../helpers/run-bantin.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { writeFileSync } from 'node:fs';
import { parseCommandLine, terminalCommand } from '../../adapters/terminal/terminal-chat.ts';
import { renderPlain } from '../../adapters/terminal/render.ts';

let dir: string;
let server: FixtureServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bantin-terminal-'));
  server = await startFixtureServer({
    '/rss': { file: 'feeds/vnexpress-thoi-su.rss', headers: { 'content-type': 'application/rss+xml' } },
    // a feed that never answers: it must not hold up start-up, commands or exit
    '/hang': { delayMs: 60_000, body: '' },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the terminal chat, as `printf ... | npm start` runs it', () => {
  it('creates the database, imports the example, answers every line and exits 0 at end of input', async () => {
    const db = join(dir, 'sub', 'bantin.db');
    const r = await runBantin([], {
      env: {
        DATABASE_PATH: db,
        FEEDS: `${server.url('/hang')},${server.url('/rss')}`,
        ALLOW_PRIVATE_NETWORK: 'true',
      },
      stdin: '/summary 1\n/search ha noi\nhello\n/nope\n/feeds export\n',
    });
    expect(r.code).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(r.stdout).toContain('Type /help');
    expect(r.stdout).toContain('Văn phòng Trung ương Đảng triển khai nhiệm vụ công tác năm 2021');
    expect(r.stdout).toMatch(/Ai:\s+Văn phòng Trung ương Đảng, Trần Quốc Vượng/);
    expect(r.stdout).toMatch(/Khi nào:\s+Chiều 30\/12 \(30\/12\/2020\)/);
    expect(r.stdout).toContain('«Hà» «Nội»');
    expect(r.stdout).toContain('Commands start with /');
    expect(r.stdout).toContain('Không có lệnh /nope');
    expect(r.stdout).toContain('--- bantin-feeds.opml ---');
    expect(r.stdout).toContain(`xmlUrl="${server.url('/rss')}"`);
  });

  it('prints a summary for `printf "/summary\\n" | npm start` with no configuration at all', async () => {
    const r = await runBantin([], { env: { DATABASE_PATH: join(dir, 'plain.db') }, stdin: '/summary\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Ai:.*\n.*Việc gì:.*\n.*Khi nào:.*\n.*Ở đâu:/);
  });

  it('refuses a bad configuration with one line naming every problem', async () => {
    const r = await runBantin([], {
      env: { DATABASE_PATH: join(dir, 'x.db'), DEFAULT_TIMEZONE: 'Mars/Base', FEED_POLL_INTERVAL: 'soon' },
    });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DEFAULT_TIMEZONE');
    expect(lines[0]).toContain('FEED_POLL_INTERVAL');
  });
});

describe('files in the terminal chat', () => {
  it('turns `/feeds import <path>` into an attachment read from disk, within the size limit', async () => {
    const path = join(dir, 'mine.opml');
    writeFileSync(path, '<opml version="2.0"><body/></opml>');
    const command = terminalCommand({ name: 'feeds', args: `import ${path}` });
    expect(command.args).toBe('import');
    expect(command.attachment?.name).toBe('mine.opml');
    expect(Buffer.from((await command.attachment?.read(1000)) ?? []).toString()).toContain('<opml');
    await expect(command.attachment?.read(10)).rejects.toThrow(/larger than/);
    const missing = terminalCommand({ name: 'feeds', args: `import ${join(dir, 'nope.opml')}` });
    await expect(missing.attachment?.read(1000)).rejects.toThrow(/Cannot read/);
    expect(terminalCommand({ name: 'feeds', args: 'list' })).toEqual({ name: 'feeds', args: 'list' });
  });
});

describe('terminal rendering', () => {
  it('parses commands, with or without @botname', () => {
    expect(parseCommandLine('/Summary@bantin_bot  da nang ')).toEqual({ name: 'summary', args: 'da nang' });
    expect(parseCommandLine('hello')).toBeNull();
  });

  it('strips control characters that would move the cursor', () => {
    const out = renderPlain({ blocks: [{ kind: 'heading', text: 'a\u001b[2Jb\u0007c' }] });
    expect(out).toBe('== a[2Jbc ==');
  });
});
