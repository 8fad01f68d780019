/** `npm start` with platform tokens: the composition root wires the real adapters to the core. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_TOKEN, startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.ts';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.ts';
import { runInProcess, startInProcess } from '../helpers/run-bantin.ts';

let telegram: FakeTelegram;
let discord: FakeDiscord;
let dir: string;
const LAN = { id: 31, first_name: 'Lan' };

beforeAll(async () => {
  telegram = await startFakeTelegram();
  telegram.addChat({ id: LAN.id, type: 'private', first_name: 'Lan' });
  discord = await startFakeDiscord();
  discord.addGuild({ id: '77', name: 'Tin', channels: [{ id: '78', name: 'news' }] });
  dir = mkdtempSync(join(tmpdir(), 'bantin-main-'));
});
afterAll(async () => {
  await telegram.close();
  await discord.close();
  rmSync(dir, { recursive: true, force: true });
});

const baseEnv = (name: string): Record<string, string> => ({
  DATABASE_PATH: join(dir, `${name}.db`),
  FEEDS: 'http://127.0.0.1:9/none.rss',
});

describe('npm start with tokens', () => {
  it('runs Telegram and Discord in one process over the same core', async () => {
    const bot = await startInProcess({
      env: {
        ...baseEnv('both'),
        TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        DISCORD_BOT_TOKEN: discord.token,
        DISCORD_API_ROOT: discord.apiRoot,
        DISCORD_GUILD_ID: '77',
      },
    });
    await telegram.waitFor(() => telegram.callsOf('getUpdates').length > 0, { timeout: 20_000 });
    await discord.waitFor(() => discord.commands.get('77'), 20_000);
    telegram.sendUserMessage({ chatId: LAN.id, from: LAN, text: '/summary' });
    const [reply] = await telegram.waitFor(
      () => telegram.sentMessages(LAN.id).length > 0 && telegram.sentMessages(LAN.id),
      { timeout: 20_000 },
    );
    expect(reply?.text).toContain('Văn phòng Trung ương Đảng triển khai nhiệm vụ công tác năm 2021');
    const h = discord.runSlashCommand({
      guildId: '77',
      channelId: '78',
      user: { id: '9', username: 'an' },
      permissions: '3072',
      name: 'latest',
    });
    const responses = await h.waitForResponses(1);
    expect(JSON.stringify(responses.map((r) => r.body))).toContain('Văn phòng Trung ương Đảng');
    const { code, stderr } = await bot.stop();
    expect(code).toBe(0);
    expect(stderr).toContain('@');
    expect(stderr).toContain('discord.com/oauth2/authorize');
    expect(stderr).not.toContain(FAKE_TOKEN);
    expect(stderr).not.toContain(discord.token);
  }, 60_000);

  it('fails start-up with one line, without the token, when Telegram rejects it', async () => {
    const token = '999999:WRONG-token-that-must-not-be-printed';
    const r = await runInProcess([], {
      env: { ...baseEnv('wrong-tg'), TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: telegram.apiRoot },
    });
    expect(r.code).toBe(1);
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('bantin:'));
    expect(lines).toEqual(['bantin: Telegram rejected the bot token (401 Unauthorized)']);
    expect(r.stderr + r.stdout).not.toContain(token);
  }, 30_000);

  it('fails start-up with one line, without the token, when Discord rejects it', async () => {
    const token = 'MTIzNDU2.wrong.discord-token-not-to-print';
    const r = await runInProcess([], {
      env: { ...baseEnv('wrong-dc'), DISCORD_BOT_TOKEN: token, DISCORD_API_ROOT: discord.apiRoot },
    });
    expect(r.code).toBe(1);
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('bantin:'));
    expect(lines).toHaveLength(1);
    expect(r.stderr + r.stdout).not.toContain(token);
  }, 30_000);
});
