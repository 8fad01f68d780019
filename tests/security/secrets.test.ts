/**
 * Bot tokens never reach a log line, a reply or a delivery result — also not URL-encoded, and
 * also not when a client library's error message embeds the API URL (grammY's does).
 *
 * src/main.ts does not start the Telegram/Discord adapters yet (the lead wires them), so this
 * drives the real pieces main.ts will compose: createLogger (the scrubbing sink, on a captured
 * stream) and the adapters' factories with the real grammY and discord.js clients against the
 * fake servers: a good token, a wrong one (401) and a closed port. The in-process `run` is also
 * covered for what it does today (CLI and config errors with tokens set).
 */
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordBot } from '../../adapters/discord/bot.ts';
import { createTelegramBot } from '../../adapters/telegram/bot.ts';
import type { CommandInfo, CommandRouter } from '../../src/commands/types.ts';
import { createLogger } from '../../src/logger.ts';
import type { Logger } from '../../src/ports.ts';
import { paragraph, text } from '../../src/reply.ts';
import { startFakeDiscord } from '../helpers/fake-discord.ts';
import { startFakeTelegram } from '../helpers/fake-telegram.ts';
import { runInProcess } from '../helpers/run-bantin.ts';

/** Real-looking tokens: Telegram's "<bot id>:<35 chars>", Discord's "<b64 id>.<ts>.<hmac>". */
const TG_TOKEN = '7123456789:AAHk3x_Qz9-Lm2Np4Rs6Tu8Vw0Yx1Za3Bc5';
const DC_TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0Mw.GkX2aB.q1W2e3R4t5Y6u7I8o9P0a1S2d3F4g5H6j7K8l9';
const WRONG_TG = '7123456789:AAH-wrong-token-000000000000000000';
const WRONG_DC = 'MTE5ODc2NTQzMjEwOTg3NjU0Mw.GkX2aB.wrongwrongwrongwrongwrongwrongwrongwrong';

/** Every form a token could leak in: whole, URL-encoded, and its secret half alone. */
const leakForms = (token: string): string[] => {
  const secretHalf = token.includes(':') ? token.split(':')[1]! : token.split('.').at(-1)!;
  return [token, encodeURIComponent(token), secretHalf, Buffer.from(token).toString('base64')];
};
const ALL_FORMS = [TG_TOKEN, DC_TOKEN, WRONG_TG, WRONG_DC].flatMap(leakForms);

function expectNoToken(haystack: string, where: string): void {
  for (const form of ALL_FORMS) expect(haystack.includes(form), `${where} contains ${form}`).toBe(false);
}

/** The production logger on a captured stream, at debug so every line is written. */
function capturedLogger(pretty: boolean): { logger: Logger; output: () => string } {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const logger = createLogger({
    level: 'debug',
    secrets: [TG_TOKEN, DC_TOKEN, WRONG_TG, WRONG_DC],
    pretty,
    destination: stream,
  });
  return { logger, output: () => out };
}

const command = (name: string): CommandInfo => ({
  name,
  description: { vi: `Lệnh ${name}`, en: `The ${name} command` },
  usage: `/${name}`,
  managesChat: false,
  mayBeSlow: false,
  options: [],
});

/**
 * A router whose failures carry the token the way client-library errors do. `encoded` adds the
 * URL-encoded form, which only the Telegram adapter's own redaction catches today (see the
 * known bug below).
 */
const leakyRouterWith = (encoded: boolean): CommandRouter => ({
  commands: [command('summary'), command('boom')],
  handle(request) {
    if (request.name === 'boom') {
      const cause = new Error(
        `request to https://api.telegram.org/bot${TG_TOKEN}/sendMessage failed, Authorization: Bot ${DC_TOKEN}`,
      );
      const path = encoded ? encodeURIComponent(TG_TOKEN) : TG_TOKEN;
      return Promise.reject(new Error(`fetch failed for /bot${path}/getMe`, { cause }));
    }
    return Promise.resolve({ blocks: [paragraph(text(`Tin mới cho ${request.chat.id}`))] });
  },
});
const leakyRouter = leakyRouterWith(true);

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const noop = (): void => undefined;

describe('createLogger scrubs secrets from every line', () => {
  it.each([false, true])(
    'pretty=%s: in messages, error messages, causes, nested fields and URLs',
    (pretty) => {
      const { logger, output } = capturedLogger(pretty);
      const err = new Error(`GET https://api.telegram.org/bot${TG_TOKEN}/getMe failed`, {
        cause: new Error(DC_TOKEN),
      });
      logger.error({ err }, `failed with ${TG_TOKEN}`);
      logger.warn({ url: `https://x/bot${TG_TOKEN}/a`, nested: { deep: [DC_TOKEN] } }, 'warn');
      logger.child({ token: TG_TOKEN }).info('child bindings');
      logger.info(`plain string ${DC_TOKEN}`);
      expect(output()).toContain('[redacted]');
      expectNoToken(output(), 'log');
    },
  );

  // Known bug, reported to the lead: only the literal token is scrubbed, so an error that
  // carries it URL-encoded ("7123456789%3AAAH...", as URLs built from it do) reaches the log
  // through any adapter that logs raw errors (Discord's interaction.ts does). Flip to `it` once
  // createLogger also scrubs encodeURIComponent(secret).
  it('also scrubs the URL-encoded form of a secret', () => {
    const { logger, output } = capturedLogger(false);
    logger.error({ err: new Error(`GET /bot${encodeURIComponent(TG_TOKEN)}/getMe failed`) }, 'x');
    expectNoToken(output(), 'log');
  });
});

describe('Telegram adapter with real-looking tokens', () => {
  it('keeps the token out of logs and replies when a command fails with the token in its error', async () => {
    const fake = await startFakeTelegram({ tokens: [TG_TOKEN] });
    const { logger, output } = capturedLogger(false);
    const bot = createTelegramBot({
      token: TG_TOKEN,
      apiRoot: fake.apiRoot,
      router: leakyRouter,
      logger,
      onChatUnavailable: noop,
      onChatAvailable: noop,
    });
    try {
      await bot.start();
      fake.addChat({ id: 501, type: 'private', first_name: 'An' });
      fake.sendUserMessage({ chatId: 501, from: { id: 501, first_name: 'An' }, text: '/boom' });
      fake.sendUserMessage({ chatId: 501, from: { id: 501, first_name: 'An' }, text: '/summary' });
      const sent = await fake.waitFor(() =>
        fake.sentMessages(501).length >= 2 ? fake.sentMessages(501) : null,
      );
      expect(sent[0]?.text).not.toBe('');
      expectNoToken(JSON.stringify(sent), 'replies');
      expectNoToken(JSON.stringify(fake.calls.map((c) => c.params)), 'request parameters');
      // A digest part to a blocked chat: the delivery result is stored in the outbox.
      fake.blockChat(501);
      const result = await bot.messenger.sendPart(
        '501',
        bot.messenger.render({ blocks: [paragraph(text('x'))] })[0],
      );
      expect(result.status).not.toBe('sent');
      expectNoToken(JSON.stringify(result), 'delivery result');
    } finally {
      await bot.stop();
      await fake.close();
    }
    expect(output()).toContain('router');
    expectNoToken(output(), 'log');
  });

  it('a wrong token (401) fails start in one line without the token', async () => {
    const fake = await startFakeTelegram({ tokens: [TG_TOKEN] });
    const { logger, output } = capturedLogger(true);
    const bot = createTelegramBot({
      token: WRONG_TG,
      apiRoot: fake.apiRoot,
      router: leakyRouter,
      logger,
      onChatUnavailable: noop,
      onChatAvailable: noop,
    });
    try {
      const error = await bot.start().then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/401/);
      expect(error?.message).not.toMatch(/\n/);
      expectNoToken(
        `${error?.message ?? ''} ${String(error?.stack)} ${JSON.stringify(error)}`,
        'start error',
      );
    } finally {
      await bot.stop().catch(noop);
      await fake.close();
    }
    expectNoToken(output(), 'log');
  });

  it('an unreachable API (closed port) fails start and sends without the token', async () => {
    const apiRoot = `http://127.0.0.1:${await closedPort()}`;
    const { logger, output } = capturedLogger(false);
    const bot = createTelegramBot({
      token: TG_TOKEN,
      apiRoot,
      router: leakyRouter,
      logger,
      onChatUnavailable: noop,
      onChatAvailable: noop,
      maxRetryAttempts: 0,
    });
    try {
      const error = await bot.start().then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error).not.toBeNull();
      expectNoToken(`${error?.message ?? ''} ${String(error?.stack)}`, 'start error');
      const result = await bot.messenger.sendPart(
        '501',
        bot.messenger.render({ blocks: [paragraph(text('x'))] })[0],
      );
      expect(result.status).toBe('transient');
      expectNoToken(JSON.stringify(result), 'delivery result');
    } finally {
      await bot.stop().catch(noop);
    }
    expectNoToken(output(), 'log');
  });
});

describe('Discord adapter with real-looking tokens', () => {
  it('keeps the token out of logs and replies when a slash command fails with the token in its error', async () => {
    const fake = await startFakeDiscord({ token: DC_TOKEN });
    fake.addGuild({ id: '100', name: 'Tin tức', channels: [{ id: '200', name: 'news' }] });
    const { logger, output } = capturedLogger(false);
    const bot = createDiscordBot({
      token: DC_TOKEN,
      apiRoot: fake.apiRoot,
      guildId: '100',
      router: leakyRouterWith(false),
      logger,
      onChatUnavailable: noop,
      onChatAvailable: noop,
    });
    try {
      await bot.start();
      const boom = fake.runSlashCommand({
        guildId: '100',
        channelId: '200',
        user: { id: '7001', username: 'an' },
        name: 'boom',
      });
      const ok = fake.runSlashCommand({
        guildId: '100',
        channelId: '200',
        user: { id: '7001', username: 'an' },
        name: 'summary',
      });
      await boom.waitForResponses(1);
      await ok.waitForResponses(1);
      const result = await bot.messenger.sendPart(
        '999',
        bot.messenger.render({ blocks: [paragraph(text('x'))] })[0],
      );
      expect(result.status).not.toBe('sent');
      expectNoToken(JSON.stringify(result), 'delivery result');
      expectNoToken(
        JSON.stringify(fake.requests.map((r) => ({ path: r.path, query: r.query, body: r.body }))),
        'requests',
      );
    } finally {
      await bot.stop();
      await fake.close();
    }
    expect(output()).toContain('router threw');
    expectNoToken(output(), 'log');
  });

  it('a wrong token fails start in one line without the token', async () => {
    const fake = await startFakeDiscord({ token: DC_TOKEN });
    const { logger, output } = capturedLogger(true);
    const bot = createDiscordBot({
      token: WRONG_DC,
      apiRoot: fake.apiRoot,
      router: leakyRouter,
      logger,
      onChatUnavailable: noop,
      onChatAvailable: noop,
    });
    try {
      const error = await bot.start().then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error).not.toBeNull();
      expect(error?.message).not.toMatch(/\n/);
      expectNoToken(`${error?.message ?? ''} ${String(error?.stack)}`, 'start error');
    } finally {
      await bot.stop().catch(noop);
      await fake.close();
    }
    expectNoToken(output(), 'log');
  });

  it('an unreachable API (closed port) fails start and sends without the token', async () => {
    const apiRoot = `http://127.0.0.1:${await closedPort()}/api`;
    const { logger, output } = capturedLogger(false);
    const bot = createDiscordBot({
      token: DC_TOKEN,
      apiRoot,
      router: leakyRouter,
      logger,
      onChatUnavailable: noop,
      onChatAvailable: noop,
    });
    try {
      const error = await bot.start().then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error).not.toBeNull();
      expectNoToken(`${error?.message ?? ''} ${String(error?.stack)}`, 'start error');
      const result = await bot.messenger.sendPart(
        '200',
        bot.messenger.render({ blocks: [paragraph(text('x'))] })[0],
      );
      expect(result.status).toBe('transient');
      expectNoToken(JSON.stringify(result), 'delivery result');
    } finally {
      await bot.stop().catch(noop);
    }
    expectNoToken(output(), 'log');
  });
});

describe('bantin run in-process with tokens in the environment', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bantin-secrets-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a CLI command at debug level logs no token', async () => {
    const r = await runInProcess(['search', 'ha noi'], {
      env: {
        DATABASE_PATH: join(dir, 'a.db'),
        TELEGRAM_BOT_TOKEN: TG_TOKEN,
        DISCORD_BOT_TOKEN: DC_TOKEN,
        LOG_LEVEL: 'debug',
      },
    });
    expect(r.code).not.toBeNull();
    expectNoToken(r.stdout + r.stderr, 'run output');
  });

  it('a configuration error names the problems, never the token values', async () => {
    const r = await runInProcess(['search', 'x'], {
      env: {
        DATABASE_PATH: join(dir, 'b.db'),
        TELEGRAM_BOT_TOKEN: TG_TOKEN,
        DISCORD_BOT_TOKEN: DC_TOKEN,
        TELEGRAM_API_ROOT: `not a url ${TG_TOKEN}`,
        DISCORD_API_ROOT: `ftp://${DC_TOKEN}`,
        LOG_LEVEL: 'debug',
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/TELEGRAM_API_ROOT/);
    expectNoToken(r.stdout + r.stderr, 'run output');
  });
});
