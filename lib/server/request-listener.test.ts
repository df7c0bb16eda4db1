import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STRICT_TRANSPORT_SECURITY } from '../security/headers';
import { createRequestListener, type RequestListenerOptions } from './request-listener';

let server: http.Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  vi.restoreAllMocks();
});

async function serve(options: Omit<RequestListenerOptions, 'unproxiedPrefix'>): Promise<string> {
  server = http.createServer(createRequestListener({ ...options, unproxiedPrefix: '/articles/' }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const fromCache: RequestListenerOptions['respondFromCache'] = (request, response) => {
  if (request.url !== '/articles/cached') return false;
  response.end('from the cache');
  return true;
};
const fromNext: RequestListenerOptions['handle'] = async (_request, response) => {
  response.end('from Next');
};

describe('the production request listener', () => {
  it('answers from the cache when it can and hands everything else to Next', async () => {
    const base = await serve({ respondFromCache: fromCache, handle: fromNext, httpsSite: false });
    expect(await (await fetch(`${base}/articles/cached`)).text()).toBe('from the cache');
    expect(await (await fetch(`${base}/articles/other`)).text()).toBe('from Next');
    expect(await (await fetch(`${base}/`)).text()).toBe('from Next');
  });

  it('gives the article pages, which proxy.ts does not see, HSTS on an https site, from either path', async () => {
    const base = await serve({ respondFromCache: fromCache, handle: fromNext, httpsSite: true });
    for (const path of ['/articles/cached', '/articles/other']) {
      expect((await fetch(`${base}${path}`)).headers.get('strict-transport-security'), path).toBe(STRICT_TRANSPORT_SECURITY);
    }
    // proxy.ts sets it on everything else.
    expect((await fetch(`${base}/`)).headers.get('strict-transport-security')).toBeNull();
  });

  it('sends no HSTS for a plain http site', async () => {
    const base = await serve({ respondFromCache: fromCache, handle: fromNext, httpsSite: false });
    expect((await fetch(`${base}/articles/cached`)).headers.get('strict-transport-security')).toBeNull();
  });

  it('answers 500 rather than hanging when Next fails outside its own error handling', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const base = await serve({ respondFromCache: fromCache, handle: async () => Promise.reject(new Error('boom')), httpsSite: false });
    expect((await fetch(`${base}/sections/x`)).status).toBe(500);
  });
});
