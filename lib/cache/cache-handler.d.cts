/** Types of cache-handler.cjs (plain CommonJS: Next loads it with `require`), for the TypeScript that imports it. */
type StoredPage = { value: { html: string; status?: number; headers?: Record<string, unknown> }; lastModified: number };

declare class MidadCacheHandler {
  constructor(options?: { maxMemoryCacheSize?: number });
  get(key: string, ctx?: { tags?: string[]; softTags?: string[] }): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, data: unknown, ctx?: { tags?: string[]; cacheControl?: { revalidate?: number | false } }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}

declare namespace MidadCacheHandler {
  const STATE_KEY: symbol;
  const GRACE_MS: number;
  function invalidateTags(tags: readonly string[]): void;
  function clearAll(): void;
  function readFreshPage(path: string): StoredPage | null;
}

export = MidadCacheHandler;
