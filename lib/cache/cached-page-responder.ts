import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import cacheHandler from './cache-handler.cjs';

/**
 * The serving fast path of the cached reader pages (scripts/serve.ts, in front of Next's request handler).
 *
 * A cached article page costs Next.js about a millisecond of CPU per response (routing, its response cache, the
 * render-result plumbing), five times what it costs to send a static file and ten times a bare node:http response.
 * This answers a GET or HEAD for such a page straight from the entry Next itself stored in our cache handler
 * (lib/cache/cache-handler.cjs `readFreshPage`): the same bytes, the same headers (next.config.js's, as the build's
 * routes manifest holds them), plus an ETag (Next sends none: `generateEtags: false` in next.config.js) and 304s. Anything it is not sure of goes to Next: a page not kept, stale by a
 * revalidated tag or by time, a Next data or RSC request, draft mode, another method. Freshness is the cache
 * handler's: a publish, update, unpublish or merge revalidates the page's tags (on every instance, through the tag
 * bus), and the very next request is Next's again.
 */

const { readFreshPage } = cacheHandler;

export type HeaderList = ReadonlyArray<{ key: string; value: string }>;

export type CachedPageResponderOptions = {
  /** The path prefix of the pages served here, with its trailing slash: `/articles/`. */
  prefix: string;
  /** The headers next.config.js gives these pages (security headers, CSP, Cache-Control). */
  headers: HeaderList;
  /** Whether Next compresses responses (`compress`, MIDAD_COMPRESS): then so does this, with the same Vary. */
  compress: boolean;
};

type PreparedBody = { etag: string; body: Buffer; gzipped?: Buffer };

/** Bodies prepared once per stored page (the entry's value object: a new render is a new object). */
const prepared = new WeakMap<object, PreparedBody>();

/** A strong ETag of a page's bytes (SHA-1, native: Next's JavaScript hash of the page costs ten times as much). */
export function pageETag(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

function prepare(value: { html: string }): PreparedBody {
  let body = prepared.get(value);
  if (!body) {
    const bytes = Buffer.from(value.html, 'utf8');
    body = { etag: pageETag(bytes), body: bytes };
    prepared.set(value, body);
  }
  return body;
}

/**
 * Whether the client's copy (If-None-Match) is the current one: what Next's `fresh` check answers for an ETag-only
 * response. `Cache-Control: no-cache` in the request asks for the whole response.
 */
export function isNotModified(headers: IncomingMessage['headers'], etag: string): boolean {
  const noneMatch = headers['if-none-match'];
  if (!noneMatch) return false;
  const cacheControl = headers['cache-control'];
  if (cacheControl && /(?:^|,)\s*no-cache\s*(?:,|$)/i.test(cacheControl)) return false;
  if (noneMatch.trim() === '*') return true;
  return noneMatch.split(',').some((token) => {
    const tag = token.trim();
    return tag === etag || tag === `W/${etag}` || `W/${tag}` === etag;
  });
}

/** Whether the client takes gzip (`Accept-Encoding`, with q-values; `*` counts). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') continue;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/**
 * The decoded path of a request this fast path may answer, or null: GET or HEAD of `<prefix><one segment>`, not a
 * Next.js data, RSC or prefetch request, not in draft mode.
 */
export function servablePath(request: IncomingMessage, prefix: string): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const url = request.url ?? '';
  if (!url.startsWith(prefix)) return null;
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const segment = pathname.slice(prefix.length);
  if (segment === '' || segment.includes('/')) return null;
  if (queryAt !== -1 && /(?:^|[?&])(?:_rsc|__next)/i.test(url.slice(queryAt))) return null;
  const headers = request.headers;
  if (headers.rsc !== undefined || headers['next-router-prefetch'] !== undefined || headers['x-nextjs-data'] !== undefined) return null;
  if (headers.cookie?.includes('__prerender_bypass')) return null;
  try {
    return prefix + decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Returns a handler that answers from the cache and returns true, or does nothing and returns false. */
export function createCachedPageResponder(options: CachedPageResponderOptions): (request: IncomingMessage, response: ServerResponse) => boolean {
  const fixedHeaders: Array<[string, string]> = [
    ...options.headers.map(({ key, value }): [string, string] => [key, value]),
    ['x-nextjs-cache', 'HIT'],
  ];
  return (request, response) => {
    const path = servablePath(request, options.prefix);
    if (path === null) return false;
    const page = readFreshPage(path);
    if (!page || (page.value.status !== undefined && page.value.status !== 200)) return false;
    const body = prepare(page.value);
    for (const [key, value] of fixedHeaders) response.setHeader(key, value);
    response.setHeader('ETag', body.etag);
    if (options.compress) response.setHeader('Vary', 'Accept-Encoding');
    if (isNotModified(request.headers, body.etag)) {
      response.statusCode = 304;
      response.end();
      return true;
    }
    let payload = body.body;
    if (options.compress && acceptsGzip(request.headers['accept-encoding'] as string | undefined)) {
      body.gzipped ??= gzipSync(body.body);
      payload = body.gzipped;
      response.setHeader('Content-Encoding', 'gzip');
    }
    response.statusCode = 200;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Length', payload.length);
    response.end(request.method === 'HEAD' ? undefined : payload);
    return true;
  };
}
