import net from 'node:net';

/**
 * The client's network address, for sign-in limits and the audit trail.
 *
 * Next.js route handlers never see the socket. Next's server puts the socket address in X-Forwarded-For only when the
 * request has no such header, so what the app can read is:
 *
 * - behind N trusted reverse proxies (MIDAD_TRUST_PROXY=N), each appending the address it saw: the Nth entry from the
 *   right of X-Forwarded-For is the address the outermost proxy saw, which no client can forge (entries further left
 *   are the client's own word and are ignored);
 * - with no trusted proxy (the default): the last entry of X-Forwarded-For, which is the socket address unless the
 *   client sent the header itself. A client that forges it escapes the per-address limit but never the per-account
 *   one. Production behind a proxy should set MIDAD_TRUST_PROXY.
 *
 * `x-real-ip` is not read: nothing in front of the app is known to set it, so it would be the client's own word.
 *
 * IPv4-mapped IPv6 addresses are written as IPv4; other IPv6 addresses are cut to their /64 network, since one
 * machine usually holds a whole /64. Anything that is not an IP address counts as `unknown` (one shared bucket).
 */
export type HeaderSource = Headers | Record<string, unknown> | undefined | null;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value : undefined;
}

export function clientAddress(headers: HeaderSource, trustedProxyHops: number): string {
  const hops = (readHeader(headers, 'x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (hops.length === 0) return 'unknown';
  const index = trustedProxyHops > 0 ? Math.max(0, hops.length - trustedProxyHops) : hops.length - 1;
  return normalizeAddress(hops[index]!);
}

export function normalizeAddress(raw: string): string {
  let address = raw.trim();
  // [v6]:port and v4:port forms some proxies write.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(address);
  if (mapped) address = mapped[1]!;
  const version = net.isIP(address);
  if (version === 4) return address;
  if (version === 6) return `${ipv6Network64(address)}/64`;
  return 'unknown';
}

function ipv6Network64(address: string): string {
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  // An embedded IPv4 tail takes two groups.
  const expandedTail = tailGroups.flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const expandedHead = headGroups.flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const missing = address.includes('::') ? 8 - expandedHead.length - expandedTail.length : 0;
  const groups = [...expandedHead, ...Array<string>(Math.max(0, missing)).fill('0'), ...expandedTail];
  return groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group || '0', 16).toString(16))
    .join(':');
}
