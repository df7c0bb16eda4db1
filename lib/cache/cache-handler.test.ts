import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = {
  get(key: string, ctx?: { tags?: string[] }): Promise<{ value: unknown } | null>;
  set(key: string, data: unknown, ctx?: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
};
type HandlerModule = (new () => Handler) & { STATE_KEY: symbol; GRACE_MS: number; clearAll(): void };

const MidadCacheHandler = createRequire(import.meta.url)('./cache-handler.cjs') as HandlerModule;

/** A Pages Router page entry as Next stores it (kind PAGES, the props under pageData.pageProps). */
function pageEntry(pageProps: Record<string, unknown> | undefined) {
  return { kind: 'PAGES', html: '<h1>خبر</h1>', pageData: pageProps ? { pageProps } : {}, headers: {}, status: 200 };
}

describe('the cache handler', () => {
  let handler: Handler;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
    delete (globalThis as Record<symbol, unknown>)[MidadCacheHandler.STATE_KEY];
    handler = new MidadCacheHandler();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps data under its tags until one of them is revalidated', async () => {
    await handler.set('data-1', { kind: 'FETCH', data: { body: 'x' } }, { tags: ['article:1'] });
    vi.advanceTimersByTime(MidadCacheHandler.GRACE_MS + 1);
    expect(await handler.get('data-1')).not.toBeNull();
    await handler.revalidateTag('article:2');
    expect(await handler.get('data-1')).not.toBeNull();
    await handler.revalidateTag('article:1');
    expect(await handler.get('data-1')).toBeNull();
  });

  it("keeps an article page under its props' cacheTags, and drops it the moment one is revalidated", async () => {
    await handler.set('/articles/khabar', pageEntry({ title: 'خبر', cacheTags: ['article:1', 'sections'] }));
    vi.advanceTimersByTime(MidadCacheHandler.GRACE_MS + 1);
    expect(await handler.get('/articles/khabar')).toMatchObject({ value: { kind: 'PAGES' } });
    await handler.revalidateTag(['sections']);
    expect(await handler.get('/articles/khabar')).toBeNull();
  });

  it('never keeps a page without tags (a 404, a redirect, or the public cache switched off): it is rendered again', async () => {
    await handler.set('/articles/a', pageEntry({ title: 'خبر', cacheTags: null }));
    await handler.set('/articles/b', pageEntry(undefined));
    await handler.set('/articles/c', pageEntry({ cacheTags: [] }));
    expect(await handler.get('/articles/a')).toBeNull();
    expect(await handler.get('/articles/b')).toBeNull();
    expect(await handler.get('/articles/c')).toBeNull();
  });

  it('treats a page stored just after a revalidation as stale (its render may have read the old story)', async () => {
    await handler.revalidateTag('article:1');
    vi.advanceTimersByTime(MidadCacheHandler.GRACE_MS / 2);
    await handler.set('/articles/khabar', pageEntry({ cacheTags: ['article:1'] }));
    expect(await handler.get('/articles/khabar')).toBeNull();
  });
});
