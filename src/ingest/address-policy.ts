/**
 * Which IP addresses bantin may connect to when fetching a URL a stranger pasted or a feed
 * pointed at. Anything that reaches the host itself, the local network, a cloud metadata
 * service or a non-unicast range is refused (OWASP SSRF guidance). The check runs on parsed
 * bytes, never on the address text, so odd spellings ("::ffff:7f00:1", "0:0::1") cannot slip by.
 */

/** Parses dotted-quad IPv4 ("10.0.0.1") into 4 bytes, or null. Only the canonical form. */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

/** Parses IPv6 text (with "::", an embedded IPv4 tail, brackets or a zone id) into 16 bytes, or null. */
export function parseIPv6(text: string): number[] | null {
  let s = text.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(':')) return null;

  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIPv4(last);
    if (!v4) return null;
    tail = v4;
    s = s.slice(0, lastColon + 1) + '0:0'; // placeholder groups, replaced below
  }

  const halves = s.split('::');
  if (halves.length > 2) return null;
  const toGroups = (part: string | undefined): number[] | null => {
    if (part === undefined || part === '') return [];
    const groups: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      groups.push(parseInt(g, 16));
    }
    return groups;
  };
  const head = toGroups(halves[0]);
  const rest = halves.length === 2 ? toGroups(halves[1]) : [];
  if (!head || !rest) return null;
  let groups: number[];
  if (halves.length === 2) {
    const fill = 8 - head.length - rest.length;
    if (fill < 1) return null;
    groups = [...head, ...(new Array(fill).fill(0) as number[]), ...rest];
  } else {
    groups = head;
  }
  if (groups.length !== 8) return null;

  const bytes = groups.flatMap((g) => [g >> 8, g & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

const inV4 = (b: readonly number[], prefix: readonly number[], bits: number): boolean => {
  for (let i = 0; i < 4 && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((b[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
};

/** IPv4 ranges that are not the public internet (RFC 6890 special-purpose registry). */
const BLOCKED_V4: ReadonlyArray<readonly [readonly number[], number, string]> = [
  [[0, 0, 0, 0], 8, 'unspecified / this network'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'carrier-grade NAT'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local (cloud metadata)'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'IETF protocol assignments'],
  [[192, 0, 2, 0], 24, 'documentation'],
  [[192, 88, 99, 0], 24, '6to4 relay'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'benchmarking'],
  [[198, 51, 100, 0], 24, 'documentation'],
  [[203, 0, 113, 0], 24, 'documentation'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved / broadcast'],
];

function classifyV4(b: readonly number[]): string | null {
  for (const [prefix, bits, why] of BLOCKED_V4) if (inV4(b, prefix, bits)) return why;
  return null;
}

function classifyV6(b: readonly number[]): string | null {
  const zeroUpTo = (n: number): boolean => b.slice(0, n).every((x) => x === 0);
  const v4At = (i: number): number[] => b.slice(i, i + 4);
  if (zeroUpTo(16)) return 'unspecified';
  if (zeroUpTo(15) && b[15] === 1) return 'loopback';
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated), ::ffff:0:a.b.c.d (translated)
  // and 64:ff9b::a.b.c.d (NAT64) all carry an IPv4 address that is what is really reached.
  if (zeroUpTo(10) && b[10] === 0xff && b[11] === 0xff) return classifyV4(v4At(12));
  if (zeroUpTo(12)) return classifyV4(v4At(12));
  if (zeroUpTo(8) && b[8] === 0xff && b[9] === 0xff && b[10] === 0 && b[11] === 0)
    return classifyV4(v4At(12));
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) {
    return b.slice(4, 12).every((x) => x === 0) ? classifyV4(v4At(12)) : 'NAT64 local use';
  }
  const first = b[0] ?? 0;
  const second = b[1] ?? 0;
  if (first === 0x20 && second === 0x02) return classifyV4(v4At(2)) ?? null; // 6to4 embeds IPv4
  if (first === 0x20 && second === 0x01 && b[2] === 0 && b[3] === 0) return 'Teredo tunnel';
  if (first === 0x20 && second === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return 'documentation';
  if (first === 0x01 && second === 0x00 && b.slice(2, 8).every((x) => x === 0)) return 'discard';
  if ((first & 0xfe) === 0xfc) return 'unique local (private)';
  if (first === 0xfe && (second & 0xc0) === 0x80) return 'link-local';
  if (first === 0xfe && (second & 0xc0) === 0xc0) return 'site-local (deprecated)';
  if (first === 0xff) return 'multicast';
  return null;
}

/**
 * Why `address` must not be connected to ("loopback", "private", ...), or null when it is a
 * public unicast address. Text that is not an IP address is refused as "not an IP address":
 * the caller resolves names first and checks what they resolve to.
 */
export function blockedAddressReason(address: string): string | null {
  const v4 = parseIPv4(address.trim());
  if (v4) return classifyV4(v4);
  const v6 = parseIPv6(address);
  if (v6) return classifyV6(v6);
  return 'not an IP address';
}

/** True when bantin may connect to `address` (a public unicast IPv4 or IPv6 address). */
export const isPublicAddress = (address: string): boolean => blockedAddressReason(address) === null;
