import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockedAddressError, FetchError, InputError } from '../errors.ts';
import type { Fetcher, FetchedResource, FetchOptions } from '../ports.ts';
import { blockedAddressReason, parseIPv4, parseIPv6 } from './address-policy.ts';
import { formatSeconds, requestOnce, type ResolvedAddress } from './http-exchange.ts';

export type { ResolvedAddress } from './http-exchange.ts';

/** Resolves a host name to every address it has (like `dns.lookup(name, { all: true })`). */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface SafeFetcherOptions {
  /**
   * Lift the address check (loopback, private, link-local...). Default false: a stranger's URL
   * must not reach the machine or its network. Self-hosters with an internal feed and the tests
   * (loopback servers) turn it on; every other limit still applies.
   */
  readonly allowPrivateNetwork?: boolean;
  /**
   * Exact addresses allowed even though the policy refuses them, e.g. one internal feed host,
   * without opening the whole private network. Default none.
   */
  readonly allowAddresses?: readonly string[];
  /** Largest body accepted, in bytes (after decompression). Default 5 MB: no news page is bigger. */
  readonly maxBytes?: number;
  /** Time for the whole fetch, redirects and body included. Default 15 s. */
  readonly timeoutMs?: number;
  /** Redirects followed before giving up. Default 5, like most feed readers. */
  readonly maxRedirects?: number;
  /** User-Agent header. Default "bantin/0.1 (+news bot)"; some sites refuse an empty one. */
  readonly userAgent?: string;
  /** DNS lookup; tests inject a fake one. Default node's `dns.lookup` with all addresses. */
  readonly resolve?: Resolver;
}

const DEFAULT_ACCEPT =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8';

const systemResolve: Resolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * Creates bantin's fetcher for user-supplied and feed URLs. The host is resolved here, every
 * address is checked against the SSRF policy, and the connection goes to exactly the checked
 * address (DNS rebinding cannot swap it). Redirects are followed by hand and checked the same
 * way. Errors are FetchError (HTTP status, size, time, redirects, transport),
 * BlockedAddressError (address policy) or InputError (not an http(s) URL); each message is one
 * line naming the URL.
 */
export function createSafeFetcher(options: SafeFetcherOptions = {}): Fetcher {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const userAgent = options.userAgent ?? 'bantin/0.1 (+news bot)';
  const resolve = options.resolve ?? systemResolve;
  const allowPrivate = options.allowPrivateNetwork ?? false;
  const allowList = new Set(options.allowAddresses ?? []);

  const checkAddress = (address: string, url: string): void => {
    if (allowPrivate || allowList.has(address)) return;
    const reason = blockedAddressReason(address);
    if (reason !== null) {
      throw new BlockedAddressError(`that address is not reachable from bantin: ${url}`, url);
    }
  };

  /** Resolves and checks the URL's host; returns the address to connect to. */
  const pickAddress = async (target: URL, url: string): Promise<ResolvedAddress> => {
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (parseIPv4(host)) {
      checkAddress(host, url);
      return { address: host, family: 4 };
    }
    if (parseIPv6(host)) {
      checkAddress(host, url);
      return { address: host, family: 6 };
    }
    let answers: readonly ResolvedAddress[];
    try {
      answers = await resolve(host);
    } catch (cause) {
      throw new FetchError(`cannot find the host: ${url}`, url, undefined, { cause });
    }
    const first = answers[0];
    if (!first) throw new FetchError(`cannot find the host: ${url}`, url);
    // Any bad answer refuses the host: a name that also points inside is not trusted.
    for (const a of answers) checkAddress(a.address, url);
    return first;
  };

  const parseTarget = (url: string, isRedirect: boolean): URL => {
    let target: URL;
    try {
      target = new URL(url);
    } catch (cause) {
      throw new InputError(`not a valid URL: ${url}`, { cause });
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      const message = `only http and https URLs can be fetched: ${url}`;
      if (isRedirect) throw new FetchError(message, url);
      throw new InputError(message);
    }
    return target;
  };

  return {
    async fetch(url: string, fetchOptions: FetchOptions = {}): Promise<FetchedResource> {
      const controller = new AbortController();
      const startUrl = url;
      const timer = setTimeout(() => {
        controller.abort(
          new FetchError(`no answer within ${formatSeconds(timeoutMs)}: ${startUrl}`, startUrl),
        );
      }, timeoutMs);
      const outer = fetchOptions.signal;
      const onOuterAbort = (): void => {
        controller.abort(new FetchError(`the fetch was cancelled: ${startUrl}`, startUrl));
      };
      if (outer?.aborted) onOuterAbort();
      outer?.addEventListener('abort', onOuterAbort, { once: true });
      try {
        let current = parseTarget(url, false);
        for (let hop = 0; ; hop++) {
          // DNS cannot be cancelled; the race keeps a hanging resolver inside the time limit.
          const address = await untilAborted(pickAddress(current, current.href), controller.signal);
          const response = await requestOnce(current, address, {
            accept: fetchOptions.accept ?? DEFAULT_ACCEPT,
            userAgent,
            maxBytes,
            signal: controller.signal,
          });
          if (response.redirectTo !== undefined) {
            if (hop >= maxRedirects) {
              throw new FetchError(
                `more than ${maxRedirects} redirects: ${startUrl}`,
                startUrl,
                response.status,
              );
            }
            let next: string;
            try {
              next = new URL(response.redirectTo, current).href;
            } catch (cause) {
              throw new FetchError(`bad redirect from ${current.href}`, current.href, undefined, {
                cause,
              });
            }
            current = parseTarget(next, true);
            continue;
          }
          return response.resource;
        }
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener('abort', onOuterAbort);
      }
    },
  };
}

/** Settles with `work`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.finally(() => signal.removeEventListener('abort', onAbort)).then(resolve, reject);
  });
}
