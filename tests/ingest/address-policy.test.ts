import { describe, expect, it } from 'vitest';
import { blockedAddressReason, isPublicAddress, parseIPv6 } from '../../src/ingest/address-policy.ts';

const BLOCKED: ReadonlyArray<readonly [string, string]> = [
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'this network'],
  ['10.0.0.1', 'private 10/8'],
  ['10.255.255.255', 'private 10/8 end'],
  ['100.64.0.1', 'CGNAT start'],
  ['100.127.255.254', 'CGNAT end'],
  ['127.0.0.1', 'loopback'],
  ['127.53.0.9', 'loopback /8'],
  ['169.254.169.254', 'cloud metadata'],
  ['169.254.0.1', 'link-local'],
  ['172.16.0.1', 'private 172.16/12 start'],
  ['172.31.255.255', 'private 172.16/12 end'],
  ['192.168.1.1', 'private 192.168/16'],
  ['192.0.0.170', 'IETF'],
  ['198.18.0.1', 'benchmark'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast SSDP'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  ['::', 'IPv6 unspecified'],
  ['::1', 'IPv6 loopback'],
  ['0:0:0:0:0:0:0:1', 'IPv6 loopback long form'],
  ['[::1]', 'bracketed'],
  ['fc00::1', 'ULA fc'],
  ['fd12:3456:789a::1', 'ULA fd'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local with zone'],
  ['febf::1', 'link-local end'],
  ['fec0::1', 'site-local'],
  ['ff02::1', 'IPv6 multicast'],
  ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
  ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
  ['::ffff:10.1.2.3', 'IPv4-mapped private'],
  ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
  ['0:0:0:0:0:ffff:c0a8:0101', 'IPv4-mapped 192.168.1.1 long form'],
  ['::127.0.0.1', 'IPv4-compatible loopback'],
  ['::ffff:0:10.0.0.1', 'IPv4-translated private'],
  ['64:ff9b::10.0.0.1', 'NAT64 of private'],
  ['64:ff9b::7f00:1', 'NAT64 of loopback'],
  ['2002:7f00:1::', '6to4 of loopback'],
  ['2002:a00:1::1', '6to4 of 10.0.0.1'],
  ['2001:db8::1', 'documentation'],
  ['2001:0:4136:e378::1', 'Teredo'],
  ['localhost', 'a name, not an address'],
  ['1.2.3', 'short IPv4'],
  ['256.1.1.1', 'out of range'],
  ['', 'empty'],
];

const ALLOWED: readonly string[] = [
  '1.1.1.1',
  '8.8.8.8',
  '93.184.216.34',
  '100.63.255.255', // just below CGNAT
  '100.128.0.0', // just above CGNAT
  '172.15.255.255', // just below 172.16/12
  '172.32.0.0', // just above
  '169.253.1.1',
  '192.169.0.1',
  '223.255.255.255',
  '2606:4700:4700::1111',
  '2001:4860:4860::8888',
  '::ffff:8.8.8.8', // mapped public: what is reached is public
  '64:ff9b::808:808',
  '2002:808:808::1',
];

describe('blockedAddressReason', () => {
  it.each(BLOCKED)('refuses %s (%s)', (address) => {
    expect(blockedAddressReason(address)).not.toBeNull();
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(ALLOWED)('allows %s', (address) => {
    expect(blockedAddressReason(address)).toBeNull();
  });

  it('names the range it refused', () => {
    expect(blockedAddressReason('169.254.169.254')).toMatch(/link-local/);
    expect(blockedAddressReason('::ffff:127.0.0.1')).toBe('loopback');
    expect(blockedAddressReason('fd00::1')).toMatch(/unique local/);
  });
});

describe('parseIPv6', () => {
  it('expands :: and embedded IPv4 to the same bytes as the long form', () => {
    expect(parseIPv6('::ffff:192.168.1.1')).toEqual(parseIPv6('0:0:0:0:0:ffff:c0a8:101'));
    expect(parseIPv6('1::')).toEqual([0, 1, ...new Array<number>(14).fill(0)]);
  });

  it('rejects malformed text', () => {
    for (const bad of ['1::2::3', '12345::', 'g::1', '1:2:3:4:5:6:7:8:9', '::1.2.3', '1.2.3.4']) {
      expect(parseIPv6(bad)).toBeNull();
    }
  });
});
