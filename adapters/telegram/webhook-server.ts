/**
 * The HTTP side of webhook mode: a node:http server that hands POSTs on one path to grammY's
 * webhookCallback, which checks X-Telegram-Bot-Api-Secret-Token on every request (401 if wrong).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from '../../src/ports.ts';

export interface WebhookServerOptions {
  readonly path: string;
  readonly secretToken: string;
  readonly port: number;
  readonly host: string;
  /** Scrubs error text before logging (the token must never reach the log). */
  readonly describe: (e: unknown) => string;
  readonly logger: Logger;
}

/** Telegram updates are a few KB; anything far bigger is not Telegram. */
const MAX_BODY_BYTES = 1_000_000;

/** Listens and resolves with the server and its port (useful when `port` is 0). */
export async function startWebhookServer(
  bot: Bot,
  options: WebhookServerOptions,
): Promise<{ server: Server; port: number }> {
  const handle = webhookCallback(bot, 'http', { secretToken: options.secretToken, onTimeout: 'return' });
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://local').pathname !== options.path) {
      res.writeHead(404).end();
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      res.writeHead(413).end();
      return;
    }
    handle(req, res).catch((e: unknown) => {
      options.logger.warn({ err: options.describe(e) }, 'bad webhook request');
      if (!res.headersSent) res.writeHead(400).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
