import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeAddress } from './client-address';

describe('clientAddress', () => {
  it('without a trusted proxy, takes the last X-Forwarded-For entry (the socket address Next.js put there)', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.7' }, 0)).toBe('203.0.113.7');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '10.0.0.1, 203.0.113.7' }), 0)).toBe('203.0.113.7');
  });

  it('behind one trusted proxy, ignores what the client wrote to the left of the address the proxy saw', () => {
    const forged = { 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 198.51.100.23' };
    expect(clientAddress(forged, 1)).toBe('198.51.100.23');
    expect(clientAddress(forged, 2)).toBe('2.2.2.2');
    expect(clientAddress({ 'x-forwarded-for': '198.51.100.23' }, 3)).toBe('198.51.100.23');
  });

  it('never reads x-real-ip, and calls a missing or malformed address unknown', () => {
    expect(clientAddress({ 'x-real-ip': '9.9.9.9' }, 1)).toBe('unknown');
    expect(clientAddress(undefined, 0)).toBe('unknown');
    expect(clientAddress({ 'x-forwarded-for': '<script>' }, 0)).toBe('unknown');
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['192.0.2.1:51234', '192.0.2.1'],
    ['[2001:db8::1]:443', '2001:db8:0:0/64'],
    ['2001:DB8:1:2:3:4:5:6', '2001:db8:1:2/64'],
    ['2001:db8:1:2::99', '2001:db8:1:2/64'],
    ['::1', '0:0:0:0/64'],
    ['fe80::1%eth0', 'fe80:0:0:0/64'],
    ['not-an-ip', 'unknown'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it('puts two addresses of one IPv6 /64 in the same bucket', () => {
    expect(normalizeAddress('2001:db8:aa:bb::1')).toBe(normalizeAddress('2001:db8:aa:bb:ffff:1:2:3'));
  });
});
