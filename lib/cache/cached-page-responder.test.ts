import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptsGzip, createCachedPageResponder, isNotModified, pageETag } from './cached-page-responder';

type Handler = {
  set(key: string, data: unknown, ctx?: { tags?: string[]; cacheControl?: { revalidate: number | false } }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
};
type HandlerModule = (new () => Handler) & { STATE_KEY: symbol; GRACE_MS: number };

const require_ = createRequire(import.meta.url);
const MidadCacheHandler = require_('./cache-handler.cjs') as HandlerModule;
// The key Next itself stores a Pages Router page under: if its format changes, these tests fail rather than the fast
// path silently never serving.
const { getRouteCacheKey } = require_('next/dist/server/lib/route-cache-key') as {
  getRouteCacheKey(pathname: string, owner: { kind: string; sourceRoute: string }): string;
};

const SLUG = 'خبر-عاجل';
const PATH = `/articles/${SLUG}`;
const URL_PATH = `/articles/${encodeURIComponent(SLUG)}`;
const HTML = `<!DOCTYPE html><html lang="ar" dir="rtl"><body><h1>خبر عاجل</h1>${'<p>نص الخبر</p>'.repeat(200)}</body></html>`;
const HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Content-Security-Policy', value: "default-src 'self'; script-src 'none'" },
  { key: 'Cache-Control', value: 'public, max-age=0, must-revalidate' },
];

function pageKey(path: string) {
  return getRouteCacheKey(path, { kind: 'PAGES', sourceRoute: '/articles/[slug]' });
}

/** Stores a page as Next does after rendering it: kind PAGES, props with cacheTags, revalidate from getStaticProps. */
async function storePage(handler: Handler, options: { path?: string; status?: number; revalidate?: number } = {}) {
  await handler.set(
    pageKey(options.path ?? PATH),
    { kind: 'PAGES', html: HTML, pageData: { pageProps: { cacheTags: ['article:1', 'sections'] } }, headers: undefined, status: options.status ?? 200 },
    { cacheControl: { revalidate: options.revalidate ?? 3600 } },
  );
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; servedBy: 'cache' | 'next' };

describe('the cached page fast path', () => {
  let handler: Handler;
  let server: http.Server;
  let base: string;
  let compress = false;

  beforeAll(async () => {
    const responders = {
      plain: createCachedPageResponder({ prefix: '/articles/', headers: HEADERS, compress: false }),
      compressing: createCachedPageResponder({ prefix: '/articles/', headers: HEADERS, compress: true }),
    };
    server = http.createServer((request, response) => {
      if ((compress ? responders.compressing : responders.plain)(request, response)) return;
      // Stands in for Next's request handler: anything the fast path declines ends up here.
      response.setHeader('x-served-by', 'next');
      response.end('next');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
    delete (globalThis as Record<symbol, unknown>)[MidadCacheHandler.STATE_KEY];
    handler = new MidadCacheHandler();
    compress = false;
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  function request(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const outgoing = http.request(`${base}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
            servedBy: response.headers['x-served-by'] === 'next' ? 'next' : 'cache',
          }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  async function storeFreshPage(options?: Parameters<typeof storePage>[1]) {
    await storePage(handler, options);
    vi.advanceTimersByTime(MidadCacheHandler.GRACE_MS + 1);
  }

  it('answers a page Next stored with its bytes, the configured headers and an ETag of its bytes', async () => {
    await storeFreshPage();
    const reply = await request(URL_PATH);
    expect(reply.servedBy).toBe('cache');
    expect(reply.status).toBe(200);
    expect(reply.body.toString('utf8')).toBe(HTML);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(HTML)));
    expect(reply.headers.etag).toBe(pageETag(Buffer.from(HTML)));
    expect(pageETag(Buffer.from(HTML))).toMatch(/^"[\w-]{27}"$/);
    expect(pageETag(Buffer.from(HTML.replace('عاجل', 'آجل')))).not.toBe(reply.headers.etag);
    expect(reply.headers['content-security-policy']).toBe("default-src 'self'; script-src 'none'");
    expect(reply.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a conditional request with 304 and a HEAD request without a body', async () => {
    await storeFreshPage();
    const notModified = await request(URL_PATH, { headers: { 'If-None-Match': pageETag(Buffer.from(HTML)) } });
    expect([notModified.status, notModified.body.length, notModified.servedBy]).toEqual([304, 0, 'cache']);
    const changed = await request(URL_PATH, { headers: { 'If-None-Match': '"an-older-version"' } });
    expect(changed.status).toBe(200);
    const head = await request(URL_PATH, { method: 'HEAD' });
    expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, String(Buffer.byteLength(HTML))]);
  });

  it('compresses as Next does when compression is on, and only for clients that take gzip', async () => {
    await storeFreshPage();
    compress = true;
    const gzipped = await request(URL_PATH, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(gzipped.body).toString('utf8')).toBe(HTML);
    const refused = await request(URL_PATH, { headers: { 'Accept-Encoding': 'gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString('utf8')).toBe(HTML);
    compress = false;
    const plain = await request(URL_PATH, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('leaves a page to Next the moment one of its tags is revalidated (publish, update, unpublish, merge)', async () => {
    await storeFreshPage();
    expect((await request(URL_PATH)).servedBy).toBe('cache');
    await handler.revalidateTag('sections');
    expect((await request(URL_PATH)).servedBy).toBe('next');
  });

  it('leaves a page to Next once its time-based revalidation is due, and a page stored within the grace window', async () => {
    await storeFreshPage({ revalidate: 60 });
    expect((await request(URL_PATH)).servedBy).toBe('cache');
    vi.advanceTimersByTime(60_000);
    expect((await request(URL_PATH)).servedBy).toBe('next');

    await handler.revalidateTag('article:1');
    await storePage(handler); // rendered while the publish was landing: may show the old story
    expect((await request(URL_PATH)).servedBy).toBe('next');
  });

  it('never answers what it is not sure of: other methods, paths, Next data and RSC requests, draft mode, non-200 pages', async () => {
    await storeFreshPage();
    await storeFreshPage({ path: '/articles/missing-page', status: 404 });
    const declined: Array<[string, Parameters<typeof request>[1]]> = [
      [URL_PATH, { method: 'POST' }],
      [`${URL_PATH}/`, {}],
      [`${URL_PATH}/more`, {}],
      ['/articles/', {}],
      ['/articles/another-story', {}],
      ['/articles/missing-page', {}],
      ['/articles/%E0%A4%A', {}],
      [`${URL_PATH}?_rsc=1x2y`, {}],
      [URL_PATH, { headers: { RSC: '1' } }],
      [URL_PATH, { headers: { 'Next-Router-Prefetch': '1' } }],
      [URL_PATH, { headers: { Cookie: '__prerender_bypass=1' } }],
      [`/sections${URL_PATH}`, {}],
    ];
    for (const [path, options] of declined) {
      expect((await request(path, options)).servedBy, `${options?.method ?? 'GET'} ${path} ${JSON.stringify(options?.headers ?? {})}`).toBe('next');
    }
    // A reader's query string (a campaign tag) is the same page, as with Next.
    expect((await request(`${URL_PATH}?utm_source=feed`)).servedBy).toBe('cache');
  });

  it('reads Accept-Encoding with its q-values', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('deflate, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
  });

  it('answers If-None-Match as Next does: the ETag, weak or in a list, or *; never when the client asks for no-cache', () => {
    const etag = '"abc123"';
    expect(isNotModified({}, etag)).toBe(false);
    expect(isNotModified({ 'if-none-match': '"abc123"' }, etag)).toBe(true);
    expect(isNotModified({ 'if-none-match': 'W/"abc123"' }, etag)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"old", "abc123"' }, etag)).toBe(true);
    expect(isNotModified({ 'if-none-match': '*' }, etag)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"old"' }, etag)).toBe(false);
    expect(isNotModified({ 'if-none-match': '"abc123"', 'cache-control': 'no-cache' }, etag)).toBe(false);
  });
});
