import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BlockedAddressError, FetchError, InputError } from '../../src/errors.ts';
import { createSafeFetcher, type Resolver } from '../../src/ingest/safe-fetch.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A resolver that answers from a table and records what it was asked. */
function fakeResolver(table: Record<string, string[]>): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = (hostname: string) => {
    asked.push(hostname);
    const answers = table[hostname];
    if (!answers) return Promise.reject(new Error(`ENOTFOUND ${hostname}`));
    return Promise.resolve(
      answers.map((address) => ({ address, family: address.includes(':') ? (6 as const) : (4 as const) })),
    );
  };
  return Object.assign(resolve, { asked });
}

async function rejection(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FetchError || e instanceof InputError) return e as FetchError;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('safe fetch: ordinary fetching (loopback allowed)', () => {
  it('returns status, content type, headers and body, sending a user agent', async () => {
    server = await startFixtureServer({
      '/feed.rss': { body: '<rss/>', headers: { 'content-type': 'application/rss+xml; charset=utf-8' } },
    });
    const fetcher = createSafeFetcher({ allowPrivateNetwork: true, userAgent: 'bantin-test' });
    const res = await fetcher.fetch(server.url('/feed.rss'));
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(res.body.toString()).toBe('<rss/>');
    expect(res.url).toBe(server.url('/feed.rss'));
    expect(server.requests[0]?.headers['user-agent']).toBe('bantin-test');
  });

  it('decompresses gzip bodies', async () => {
    server = await startFixtureServer({
      '/z': { body: gzipSync(Buffer.from('Hà Nội '.repeat(100))), headers: { 'content-encoding': 'gzip' } },
    });
    const res = await createSafeFetcher({ allowPrivateNetwork: true }).fetch(server.url('/z'));
    expect(res.body.toString()).toBe('Hà Nội '.repeat(100));
  });

  it('follows redirects (relative and absolute) and reports the final URL', async () => {
    server = await startFixtureServer({
      '/a': { redirect: '/b', status: 301 },
      '/b': () => ({ redirect: server!.url('/c'), status: 307 }),
      '/c': { body: 'done' },
    });
    const res = await createSafeFetcher({ allowPrivateNetwork: true }).fetch(server.url('/a'));
    expect(res.body.toString()).toBe('done');
    expect(res.url).toBe(server.url('/c'));
    expect(server.requests.map((r) => r.path)).toEqual(['/a', '/b', '/c']);
  });

  it('stops after maxRedirects with a one-line message', async () => {
    const routes: Record<string, { redirect: string }> = {};
    for (let i = 0; i < 10; i++) routes[`/r${i}`] = { redirect: `/r${i + 1}` };
    server = await startFixtureServer(routes);
    const err = await rejection(
      createSafeFetcher({ allowPrivateNetwork: true, maxRedirects: 5 }).fetch(server.url('/r0')),
    );
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toBe(`more than 5 redirects: ${server.url('/r0')}`);
    expect(server.requests).toHaveLength(6); // the first request plus 5 redirects followed
  });

  it('turns 404 and 500 into FetchError with the status', async () => {
    server = await startFixtureServer({ '/boom': { status: 500, body: 'oops' } });
    const fetcher = createSafeFetcher({ allowPrivateNetwork: true });
    const notFound = await rejection(fetcher.fetch(server.url('/missing')));
    expect(notFound).toBeInstanceOf(FetchError);
    expect(notFound.status).toBe(404);
    expect(notFound.message).toBe(`HTTP 404 Not Found: ${server.url('/missing')}`);
    const boom = await rejection(fetcher.fetch(server.url('/boom')));
    expect(boom.status).toBe(500);
    expect(boom.message).toMatch(/^HTTP 500 Internal Server Error: http:\/\/127\.0\.0\.1/);
  });

  it('refuses a body announced larger than maxBytes without reading it', async () => {
    server = await startFixtureServer({
      '/big': {
        stream: { chunk: Buffer.alloc(1024 * 1024, 120), count: 6 },
        headers: { 'content-length': String(6 * 1024 * 1024) },
      },
    });
    const err = await rejection(createSafeFetcher({ allowPrivateNetwork: true }).fetch(server.url('/big')));
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toBe(`the page is larger than 5 MB: ${server.url('/big')}`);
    expect(await server.requests[0]!.done).toBe('aborted');
    expect(server.requests[0]!.bytesSent).toBeLessThan(6 * 1024 * 1024);
  });

  it('aborts an endless body once it passes maxBytes; the server does not send the rest', async () => {
    server = await startFixtureServer({ '/endless': { stream: { chunk: 'x'.repeat(64 * 1024) } } });
    const err = await rejection(
      createSafeFetcher({ allowPrivateNetwork: true }).fetch(server.url('/endless')),
    );
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toMatch(/^the page is larger than 5 MB: /);
    expect(await server.requests[0]!.done).toBe('aborted');
    // The stream is endless: 'aborted' means bantin hung up; it read at most the limit plus buffers.
    expect(server.requests[0]!.bytesSent).toBeLessThan(64 * 1024 * 1024);
  });

  it('counts the limit after decompression (a small gzip bomb is refused)', async () => {
    server = await startFixtureServer({
      '/bomb': { body: gzipSync(Buffer.alloc(2 * 1024 * 1024)), headers: { 'content-encoding': 'gzip' } },
    });
    const err = await rejection(
      createSafeFetcher({ allowPrivateNetwork: true, maxBytes: 1024 * 1024 }).fetch(server.url('/bomb')),
    );
    expect(err.message).toMatch(/^the page is larger than 1 MB: /);
  });

  it('gives up when the server does not answer in time', async () => {
    server = await startFixtureServer({ '/slow': { delayMs: 60_000, body: 'late' } });
    const err = await rejection(
      createSafeFetcher({ allowPrivateNetwork: true, timeoutMs: 100 }).fetch(server.url('/slow')),
    );
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toBe(`no answer within 100 ms: ${server.url('/slow')}`);
  });

  it('keeps a hanging DNS lookup inside the time limit', async () => {
    const never: Resolver = () => new Promise(() => undefined);
    const err = await rejection(
      createSafeFetcher({ resolve: never, timeoutMs: 50 }).fetch('https://slow-dns.example/'),
    );
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toBe('no answer within 50 ms: https://slow-dns.example/');
  });

  it('refuses other schemes and bad URLs as input errors', async () => {
    const fetcher = createSafeFetcher();
    expect(await rejection(fetcher.fetch('file:///etc/passwd'))).toBeInstanceOf(InputError);
    expect(await rejection(fetcher.fetch('ftp://example.com/x'))).toBeInstanceOf(InputError);
    expect((await rejection(fetcher.fetch('not a url'))).message).toBe('not a valid URL: not a url');
  });

  it('refuses a redirect to a non-http scheme', async () => {
    server = await startFixtureServer({ '/r': { redirect: 'file:///etc/passwd' } });
    const err = await rejection(createSafeFetcher({ allowPrivateNetwork: true }).fetch(server.url('/r')));
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toBe('only http and https URLs can be fetched: file:///etc/passwd');
  });

  it('reports an unknown host', async () => {
    const err = await rejection(
      createSafeFetcher({ resolve: fakeResolver({}) }).fetch('https://no-such-host.test/x'),
    );
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toBe('cannot find the host: https://no-such-host.test/x');
  });
});

describe('safe fetch: server-side request forgery', () => {
  it('refuses a literal loopback URL and the server receives no request', async () => {
    server = await startFixtureServer({ '/secret': { body: 'admin' } });
    const err = await rejection(createSafeFetcher().fetch(server.url('/secret')));
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect(err.message).toBe(`that address is not reachable from bantin: ${server.url('/secret')}`);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://2130706433/', // 127.0.0.1 as one number: the URL parser normalises it
    'http://0x7f.0.0.1/',
    'http://10.1.2.3:8080/',
    'http://0.0.0.0/',
  ])('refuses %s', async (url) => {
    expect(await rejection(createSafeFetcher().fetch(url))).toBeInstanceOf(BlockedAddressError);
  });

  it('refuses a host name that resolves to a private address', async () => {
    const resolve = fakeResolver({ 'intranet.example': ['192.168.0.10'] });
    const err = await rejection(createSafeFetcher({ resolve }).fetch('https://intranet.example/'));
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect(resolve.asked).toEqual(['intranet.example']);
  });

  it('refuses a host when any of its addresses is private', async () => {
    const resolve = fakeResolver({ 'mixed.example': ['93.184.216.34', '127.0.0.1'] });
    expect(await rejection(createSafeFetcher({ resolve }).fetch('http://mixed.example/'))).toBeInstanceOf(
      BlockedAddressError,
    );
  });

  it('connects to the checked address without a second lookup, keeping the Host header', async () => {
    server = await startFixtureServer({ '/news': { body: 'ok' } });
    const resolve = fakeResolver({ 'news.example': ['127.0.0.1'] });
    const fetcher = createSafeFetcher({ resolve, allowAddresses: ['127.0.0.1'] });
    const res = await fetcher.fetch(`http://news.example:${server.port}/news`);
    expect(res.body.toString()).toBe('ok');
    expect(resolve.asked).toEqual(['news.example']);
    expect(server.requests[0]?.headers.host).toBe(`news.example:${server.port}`);
  });

  it('refuses a redirect from an allowed host to a private address', async () => {
    server = await startFixtureServer({
      '/go': { redirect: 'http://metadata.internal/latest/meta-data/' },
      '/go-literal': { redirect: 'http://192.168.1.1/admin' },
    });
    const resolve = fakeResolver({ 'news.example': ['127.0.0.1'], 'metadata.internal': ['169.254.169.254'] });
    // 127.0.0.1 stands in for a public news site here; everything else keeps the policy.
    const fetcher = createSafeFetcher({ resolve, allowAddresses: ['127.0.0.1'] });
    const err = await rejection(fetcher.fetch(`http://news.example:${server.port}/go`));
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect(err.message).toBe(
      'that address is not reachable from bantin: http://metadata.internal/latest/meta-data/',
    );
    const literal = await rejection(fetcher.fetch(`http://news.example:${server.port}/go-literal`));
    expect(literal).toBeInstanceOf(BlockedAddressError);
    expect(server.requests.map((r) => r.path)).toEqual(['/go', '/go-literal']);
  });

  it('allows the same redirect into the private network when allowPrivateNetwork is true', async () => {
    server = await startFixtureServer({
      '/go': () => ({ redirect: `http://internal.example:${server!.port}/feed` }),
      '/feed': { body: 'internal feed' },
    });
    const resolve = fakeResolver({ 'internal.example': ['127.0.0.1'] });
    const res = await createSafeFetcher({ resolve, allowPrivateNetwork: true }).fetch(server.url('/go'));
    expect(res.body.toString()).toBe('internal feed');
    expect(res.url).toBe(`http://internal.example:${server.port}/feed`);
  });
});
