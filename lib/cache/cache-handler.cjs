// @ts-check
'use strict';

/**
 * Next's server cache handler (next.config.js `cacheHandler`): where `unstable_cache` keeps the public pages' data
 * (lib/data/public-cache.ts). Plain CommonJS because Next loads it with `require`, outside the app's bundles.
 *
 * - Entries live in this process's memory (least recently used evicted past `maxBytes`). They are cached database
 *   reads, so losing them on a restart costs one query each, never correctness.
 * - Tags: an entry is a miss when one of its tags was revalidated after the entry was stored, or up to
 *   GRACE_MS before (a render that read the database just before a publish and stored its result just after must not
 *   keep the old story: it is computed again once).
 * - Other instances: the app (lib/cache/tag-bus.ts) tells every instance about revalidated tags through Postgres
 *   LISTEN/NOTIFY and applies them here with `invalidateTags`; `onRevalidate` is how the app hears about tags
 *   revalidated by Next (revalidateTag in a server action) so it can broadcast them. The state is on globalThis
 *   because Next may create several handler instances in one process (one per incremental cache).
 */

const STATE_KEY = Symbol.for('midad.cache-handler');
const GRACE_MS = 1000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * @typedef {{ value: any, lastModified: number, tags: string[], bytes: number, revalidateSeconds?: number,
 *   pagePath?: string }} Entry
 * @typedef {{ entries: Map<string, Entry>, tagTimes: Map<string, number>, bytes: number, maxBytes: number,
 *   listeners: Set<(tags: string[]) => void>, hits: number, misses: number, pageKeys: Map<string, string> }} State
 */

function now() {
  return performance.timeOrigin + performance.now();
}

/** @returns {State} */
function state() {
  const store = /** @type {any} */ (globalThis);
  store[STATE_KEY] ??= {
    entries: new Map(),
    tagTimes: new Map(),
    bytes: 0,
    maxBytes: DEFAULT_MAX_BYTES,
    listeners: new Set(),
    hits: 0,
    misses: 0,
    pageKeys: new Map(),
  };
  return store[STATE_KEY];
}

/** @param {State} s @param {string} key */
function remove(s, key) {
  const entry = s.entries.get(key);
  if (!entry) return;
  s.entries.delete(key);
  s.bytes -= entry.bytes;
  if (entry.pagePath !== undefined && s.pageKeys.get(entry.pagePath) === key) s.pageKeys.delete(entry.pagePath);
}

/** @param {State} s @param {Entry} entry @param {readonly string[]} extraTags */
function isInvalidated(s, entry, extraTags) {
  for (const list of [entry.tags, extraTags]) {
    for (const tag of list) {
      const at = s.tagTimes.get(tag);
      if (at !== undefined && at + GRACE_MS >= entry.lastModified) return true;
    }
  }
  return false;
}

/** Marks tags revalidated now in this process (no broadcast). */
function invalidateTags(/** @type {readonly string[]} */ tags) {
  const s = state();
  const at = now();
  for (const tag of tags) s.tagTimes.set(tag, at);
}

/** Forgets every entry (a lost LISTEN connection may have missed revalidations). */
function clearAll() {
  const s = state();
  s.entries.clear();
  s.pageKeys.clear();
  s.bytes = 0;
}

/**
 * The path a Pages Router page entry is stored under, from Next's key (`/<route cache dir>/PAGES/<route hash>/$<path>`,
 * next/dist/server/lib/route-cache-key.js), or undefined. Should the format change, no page is found by path and
 * every request goes to Next: slower, never wrong.
 * @param {string} key
 */
function pagePathOfKey(key) {
  const match = /\/PAGES\/[^/]+\/\$(\/[^]*)$/.exec(key);
  return match ? match[1] : undefined;
}

/**
 * A rendered page kept for `path` (decoded, e.g. `/articles/خبر`), when Next would answer with it as a fresh hit: none of
 * its tags revalidated since it was stored (with the grace window) and its time-based revalidation not yet due.
 * The serving fast path (lib/cache/cached-page-responder.ts) answers with it without entering Next; anything else
 * (null) goes to Next, which renders or revalidates as usual.
 * @param {string} path
 * @returns {{ value: { html: string, status?: number, headers?: Record<string, unknown> }, lastModified: number } | null}
 */
function readFreshPage(path) {
  const s = state();
  const key = s.pageKeys.get(path);
  if (key === undefined) return null;
  const entry = s.entries.get(key);
  if (!entry) {
    s.pageKeys.delete(path);
    return null;
  }
  if (isInvalidated(s, entry, [])) return null;
  if (entry.revalidateSeconds === undefined || now() >= entry.lastModified + entry.revalidateSeconds * 1000) return null;
  if (typeof entry.value.html !== 'string') return null;
  s.entries.delete(key);
  s.entries.set(key, entry);
  s.hits++;
  return { value: entry.value, lastModified: entry.lastModified };
}

class MidadCacheHandler {
  /** @param {{ maxMemoryCacheSize?: number }} [options] */
  constructor(options) {
    const s = state();
    if (options && typeof options.maxMemoryCacheSize === 'number' && options.maxMemoryCacheSize > 0) {
      s.maxBytes = options.maxMemoryCacheSize;
    }
  }

  /** @param {string} key @param {{ tags?: string[], softTags?: string[] }} [ctx] */
  async get(key, ctx) {
    const s = state();
    const entry = s.entries.get(key);
    if (!entry) {
      s.misses++;
      return null;
    }
    if (isInvalidated(s, entry, [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])])) {
      remove(s, key);
      s.misses++;
      return null;
    }
    // Most recently used last: Map keeps insertion order.
    s.entries.delete(key);
    s.entries.set(key, entry);
    s.hits++;
    return { lastModified: entry.lastModified, value: entry.value };
  }

  /** @param {string} key @param {any} data @param {{ tags?: string[], cacheControl?: { revalidate?: number | false } }} [ctx] */
  async set(key, data, ctx) {
    const s = state();
    remove(s, key);
    if (data === null || data === undefined) return;
    const pageTags = pagesRouterPageTags(data);
    // A Pages Router page (the article page) is kept only under the tags of the data it shows; without them (a 404,
    // a redirect, the public cache switched off) it is rendered on every request rather than kept blind.
    if (pageTags === null) return;
    const tags = [...(ctx?.tags ?? []), ...(Array.isArray(data.tags) ? data.tags : []), ...pageTags];
    const bytes = estimateBytes(data);
    if (bytes > s.maxBytes / 4) return;
    /** @type {Entry} */
    const entry = { value: data, lastModified: now(), tags, bytes };
    if (data.kind === 'PAGES' && (data.status === undefined || data.status === 200)) {
      const revalidate = ctx?.cacheControl?.revalidate;
      entry.pagePath = pagePathOfKey(key);
      if (typeof revalidate === 'number' && revalidate > 0) entry.revalidateSeconds = revalidate;
    }
    s.entries.set(key, entry);
    if (entry.pagePath !== undefined) s.pageKeys.set(entry.pagePath, key);
    s.bytes += bytes;
    for (const oldest of s.entries.keys()) {
      if (s.bytes <= s.maxBytes) break;
      remove(s, oldest);
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = Array.isArray(tags) ? tags : [tags];
    invalidateTags(list);
    for (const listener of state().listeners) {
      try {
        listener(list);
      } catch (error) {
        console.error('midad: cache tag listener failed:', error);
      }
    }
  }

  resetRequestCache() {}
}

/**
 * The tags of a Pages Router page entry: its props' `cacheTags` (lib/public/article-page.ts), or null when it has
 * none. Other entries (data, App Router pages) carry their tags in the context: [] here.
 * @param {any} data @returns {string[] | null}
 */
function pagesRouterPageTags(data) {
  if (!data || data.kind !== 'PAGES') return [];
  const tags = data.pageData && data.pageData.pageProps ? data.pageData.pageProps.cacheTags : undefined;
  return Array.isArray(tags) && tags.length > 0 && tags.every((tag) => typeof tag === 'string') ? tags : null;
}

/** @param {any} data */
function estimateBytes(data) {
  if (data && data.kind === 'FETCH' && data.data && typeof data.data.body === 'string') return data.data.body.length * 2 + 512;
  try {
    return JSON.stringify(data).length * 2;
  } catch {
    return 64 * 1024;
  }
}

module.exports = MidadCacheHandler;
module.exports.default = MidadCacheHandler;
module.exports.STATE_KEY = STATE_KEY;
module.exports.GRACE_MS = GRACE_MS;
module.exports.invalidateTags = invalidateTags;
module.exports.clearAll = clearAll;
module.exports.readFreshPage = readFreshPage;
