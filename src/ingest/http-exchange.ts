import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { FetchError } from '../errors.ts';
import type { FetchedResource } from '../ports.ts';

/**
 * One HTTP(S) exchange for the safe fetcher: connects to an address that was already checked,
 * never follows redirects itself, and reads the body under a byte limit. Split from
 * safe-fetch.ts, which owns the policy (addresses, redirects, time).
 */

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** One DNS answer. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 && n % (1024 * 1024) === 0
    ? `${n / (1024 * 1024)} MB`
    : n >= 1024 * 1024
      ? `${(n / (1024 * 1024)).toFixed(1)} MB`
      : `${Math.ceil(n / 1024)} KB`;

export const formatSeconds = (ms: number): string =>
  ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;

/** A lookup for net.connect that answers with the address already checked: no second query. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [pinned]);
    } else {
      callback(null, pinned.address, pinned.family);
    }
  };
}

export interface RequestSettings {
  readonly accept: string;
  readonly userAgent: string;
  readonly maxBytes: number;
  readonly signal: AbortSignal;
}

export type Outcome =
  | { readonly redirectTo: string; readonly status: number }
  | { readonly redirectTo?: undefined; readonly resource: FetchedResource };

function flattenHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function decompressor(encoding: string | undefined): Transform | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

/** One HTTP exchange with the pinned address; reads the body under the size limit. */
export function requestOnce(target: URL, pinned: ResolvedAddress, s: RequestSettings): Promise<Outcome> {
  const url = target.href;
  return new Promise<Outcome>((resolvePromise, reject) => {
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      s.signal.removeEventListener('abort', onAbort);
      request.destroy();
      reject(error instanceof Error ? error : new FetchError(`cannot fetch: ${url}`, url));
    };
    const onAbort = (): void => fail(s.signal.reason);
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(
      {
        protocol: target.protocol,
        // The host name stays the name, so Host and SNI are right; the pinned lookup makes the
        // socket go to the checked address.
        host: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port === '' ? undefined : Number(target.port),
        path: `${target.pathname}${target.search}`,
        method: 'GET',
        agent: false,
        lookup: pinnedLookup(pinned),
        headers: {
          accept: s.accept,
          'accept-encoding': 'gzip, deflate, br',
          'user-agent': s.userAgent,
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (REDIRECTS.has(status) && location !== undefined) {
          settled = true;
          response.destroy();
          s.signal.removeEventListener('abort', onAbort);
          resolvePromise({ redirectTo: location, status });
          return;
        }
        if (status >= 400) {
          const text = response.statusMessage ?? http.STATUS_CODES[status] ?? '';
          fail(new FetchError(`HTTP ${status}${text ? ` ${text}` : ''}: ${url}`, url, status));
          return;
        }
        const tooBig = (): FetchError =>
          new FetchError(`the page is larger than ${formatBytes(s.maxBytes)}: ${url}`, url, status);
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > s.maxBytes) {
          fail(tooBig());
          return;
        }
        const inflate = decompressor(response.headers['content-encoding']);
        const body: Readable = inflate ? response.pipe(inflate) : response;
        if (inflate) {
          inflate.on('error', (cause) =>
            fail(new FetchError(`the body is corrupt: ${url}`, url, status, { cause })),
          );
        }
        const chunks: Buffer[] = [];
        let size = 0;
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > s.maxBytes) {
            fail(tooBig());
            return;
          }
          chunks.push(chunk);
        });
        body.on('end', () => {
          if (settled) return;
          settled = true;
          s.signal.removeEventListener('abort', onAbort);
          resolvePromise({
            resource: {
              url,
              status,
              contentType: response.headers['content-type'] ?? null,
              headers: flattenHeaders(response.headers),
              body: Buffer.concat(chunks),
            },
          });
        });
        response.on('error', (cause) =>
          fail(new FetchError(`the connection broke: ${url}`, url, status, { cause })),
        );
      },
    );
    request.on('error', (cause) => {
      fail(new FetchError(`cannot connect: ${url}`, url, undefined, { cause }));
    });
    if (s.signal.aborted) {
      fail(s.signal.reason);
      return;
    }
    s.signal.addEventListener('abort', onAbort, { once: true });
    request.end();
  });
}
