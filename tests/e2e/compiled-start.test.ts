/**
 * `npm start` runs the compiled bot (scripts/build.ts -> dist/main.js), not the sources the other
 * tests run: its data must still be found — the migrations, the bundled JSON gazetteers and the
 * example article — and the terminal chat must answer a pipe and exit 0.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildBot, DIST_DIR, STALE_CHUNK_MS } from '../../scripts/build.ts';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bantin-compiled-'));
  await buildBot();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCompiled(stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Started from another folder: nothing may depend on the working directory.
    const child = spawn(process.execPath, [join(DIST_DIR, 'main.js')], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_PATH: join(dir, 'bantin.db'),
        FEEDS: 'http://127.0.0.1:9/none.rss',
        LOG_LEVEL: 'warn',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('the compiled bot (npm start)', () => {
  test('migrates a new database, imports the example and answers /summary from a pipe', async () => {
    const r = await runCompiled('/summary\n');
    // Only the unreachable feed's warning: no error, no failed start-up line.
    expect(r.stderr).not.toMatch(/ERROR|Error:|^bantin:/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Văn phòng Trung ương Đảng triển khai nhiệm vụ công tác năm 2021');
    // The extractor's gazetteer (bundled JSON) found the places.
    expect(r.stdout).toMatch(/Ở đâu:.*Hà Nội/);
  });
});

describe('the build', () => {
  test('removes chunks no build wrote for a day, and keeps newer ones and its own', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bantin-dist-'));
    try {
      const old = join(out, 'bot-OLD00000.js');
      const recent = join(out, 'bot-RECENT00.js');
      for (const f of [old, recent]) writeFileSync(f, 'export {};\n');
      const now = Date.now();
      const twoDaysAgo = (now - 2 * STALE_CHUNK_MS) / 1000;
      utimesSync(old, twoDaysAgo, twoDaysAgo);
      await buildBot(out, now);
      const files = readdirSync(out);
      expect(files).not.toContain('bot-OLD00000.js');
      expect(files).toContain('bot-RECENT00.js');
      expect(files).toContain('main.js');
      // The build's own chunks stay, however old the clock says they are.
      await buildBot(out, now + 2 * STALE_CHUNK_MS);
      const own = readdirSync(out).filter((f) => /-[A-Z0-9]{8}\.js$/u.test(f) && f !== 'bot-RECENT00.js');
      expect(own.length).toBeGreaterThan(0);
      expect(readdirSync(out)).not.toContain('bot-RECENT00.js');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
