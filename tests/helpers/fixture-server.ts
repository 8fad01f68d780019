/**
 * A loopback HTTP server for tests: serves fixture files or bytes with a chosen status,
 * headers, delay, redirect, or an endless/huge streamed body, and records every request.
 *
 *   const server = await startFixtureServer({
 *     '/feed.rss': { file: 'feeds/vnexpress.rss', headers: { 'content-type': 'application/rss+xml' } },
 *     '/old': { redirect: '/feed.rss' },
 *     '/slow': { delayMs: 5_000, body: 'late' },
 *     '/huge': { stream: { chunk: 'x'.repeat(65_536) } },           // endless until the client hangs up
 *   });
 *   await fetcher.fetch(server.url('/feed.rss'));
 *   server.requests; // [{ method: 'GET', path: '/feed.rss', headers, bytesSent, done }]
 *   await server.close();
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** tests/fixtures, where `file` paths are resolved from. */
export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

export interface FixtureRoute {
  /** Default 200, or 302 with `redirect`. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** A file under tests/fixtures (read on each request). */
  readonly file?: string;
  /** Location of a redirect (relative or absolute). */
  readonly redirect?: string;
  /** Wait this long before answering (the timer is cleared by close()). */
  readonly delayMs?: number;
  /** Stream `chunk` `count` times (default: endlessly, until the client hangs up). */
  readonly stream?: { readonly chunk: string | Buffer; readonly count?: number };
}

export type FixtureRoutes = Readonly<
  Record<string, FixtureRoute | ((req: http.IncomingMessage) => FixtureRoute)>
>;

export interface RecordedRequest {
  readonly method: string;
  /** Path with query string, as received. */
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  /** Body bytes written so far (grows while a stream runs). */
  bytesSent: number;
  /** 'finished' when the whole response was sent, 'aborted' when the client hung up first. */
  readonly done: Promise<'finished' | 'aborted'>;
}

export interface FixtureServer {
  /** Absolute URL on this server, e.g. url('/feed.rss') -> "http://127.0.0.1:41234/feed.rss". */
  url(pathname: string): string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1, port 0. Unknown paths answer 404. */
export async function startFixtureServer(routes: FixtureRoutes): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    let settle: (v: 'finished' | 'aborted') => void = () => undefined;
    const done = new Promise<'finished' | 'aborted'>((r) => (settle = r));
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      bytesSent: 0,
      done,
    };
    requests.push(record);
    res.on('finish', () => settle('finished'));
    res.on('close', () => settle(res.writableFinished ? 'finished' : 'aborted'));

    const pathname = new URL(record.path, 'http://x').pathname;
    const entry = routes[pathname] ?? routes[record.path];
    const route: FixtureRoute =
      entry === undefined
        ? { status: 404, body: 'not found' }
        : typeof entry === 'function'
          ? entry(req)
          : entry;

    const answer = (): void => {
      const headers: Record<string, string> = { ...route.headers };
      if (route.redirect !== undefined) headers.location = route.redirect;
      res.writeHead(route.status ?? (route.redirect !== undefined ? 302 : 200), headers);
      if (route.stream) {
        const chunk = Buffer.from(route.stream.chunk);
        let left = route.stream.count ?? Infinity;
        const pump = (): void => {
          while (left > 0 && !res.destroyed) {
            left--;
            record.bytesSent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          if (left <= 0 && !res.destroyed) res.end();
        };
        pump();
        return;
      }
      const body =
        route.file !== undefined
          ? readFileSync(path.join(FIXTURES_DIR, route.file))
          : Buffer.from(route.body ?? '');
      record.bytesSent = body.length;
      res.end(body);
    };

    if (route.delayMs !== undefined && route.delayMs > 0) {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) answer();
      }, route.delayMs);
      timers.add(t);
    } else {
      answer();
    }
  });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    port,
    requests,
    url: (pathname) => `http://127.0.0.1:${port}${pathname.startsWith('/') ? '' : '/'}${pathname}`,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
