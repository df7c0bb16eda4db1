import 'server-only';
import postgres from 'postgres';
import { revalidateTag } from 'next/cache';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { getEnv } from '@/lib/config/env';

/**
 * Revalidation of the public pages' cached data (lib/data/public-cache.ts) on EVERY app instance.
 *
 * Next's cache is per process: `revalidateTag` on instance A leaves instance B's copy alone. Our cache handler
 * (lib/cache/cache-handler.cjs) keeps the tag times, and this module:
 * 1. applies the tags in this process at once (also outside a request: the scheduler's ticker has no request, and
 *    Next's `revalidateTag` needs one);
 * 2. asks Next too when inside a request (the browser's router cache of the person who published);
 * 3. broadcasts them with Postgres NOTIFY on `midad_cache_tags`; every instance LISTENs (startCacheTagListener, from
 *    instrumentation.ts) and applies them within milliseconds. A LISTEN connection that drops and comes back clears
 *    that instance's cache, because notifications sent meanwhile are lost. PGlite is one process: nothing to send.
 */
export const CACHE_TAG_CHANNEL = 'midad_cache_tags';
const HANDLER_STATE = Symbol.for('midad.cache-handler');
/** NOTIFY payloads must stay under 8,000 bytes. */
const MAX_PAYLOAD_BYTES = 7000;

type HandlerState = { tagTimes: Map<string, number>; entries: Map<string, unknown>; bytes: number; hits: number; misses: number };

function handlerState(): HandlerState | undefined {
  return (globalThis as Record<symbol, HandlerState | undefined>)[HANDLER_STATE];
}

/** Marks tags revalidated in this process only. */
export function invalidateLocally(tags: readonly string[]): void {
  const state = handlerState();
  if (!state) return;
  const at = performance.timeOrigin + performance.now();
  for (const tag of tags) state.tagTimes.set(tag, at);
}

function clearLocalCache(): void {
  const state = handlerState();
  if (!state) return;
  state.entries.clear();
  state.bytes = 0;
}

/** Revalidates tags here, in Next (inside a request) and on every other instance. Never throws. */
export async function revalidatePublicTags(tags: readonly string[]): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  invalidateLocally(unique);
  try {
    for (const tag of unique) revalidateTag(tag, { expire: 0 });
  } catch (error) {
    // Outside a request Next has no work store ("static generation store missing"): the local step above did it.
    if (!(error instanceof Error && /static generation store missing/.test(error.message))) {
      console.error('midad: revalidateTag failed:', error);
    }
  }
  try {
    await broadcast(unique);
  } catch (error) {
    console.error('midad: could not broadcast cache tags to other instances:', error);
  }
}

async function broadcast(tags: string[]): Promise<void> {
  if (!getEnv().DATABASE_URL) return;
  const db = await getDb();
  for (const payload of chunkPayloads(tags)) {
    await db.execute(sql`select pg_notify(${CACHE_TAG_CHANNEL}, ${payload})`);
  }
}

/** JSON arrays of tags, each under the NOTIFY payload limit. */
export function chunkPayloads(tags: readonly string[]): string[] {
  const payloads: string[] = [];
  let current: string[] = [];
  for (const tag of tags) {
    const next = [...current, tag];
    if (current.length > 0 && Buffer.byteLength(JSON.stringify(next)) > MAX_PAYLOAD_BYTES) {
      payloads.push(JSON.stringify(current));
      current = [tag];
    } else {
      current = next;
    }
  }
  if (current.length > 0) payloads.push(JSON.stringify(current));
  return payloads;
}

const listenerKey = Symbol.for('midad.cache-tag-listener');

/** LISTENs for other instances' revalidations (Postgres only; once per process; never during `next build`). */
export function startCacheTagListener(): void {
  const env = getEnv();
  if (!env.DATABASE_URL || env.NEXT_PHASE === 'phase-production-build') return;
  const store = globalThis as Record<symbol, unknown>;
  if (store[listenerKey]) return;
  const client = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  store[listenerKey] = client;
  let connections = 0;
  client
    .listen(
      CACHE_TAG_CHANNEL,
      (payload) => {
        try {
          const tags: unknown = JSON.parse(payload);
          if (Array.isArray(tags)) invalidateLocally(tags.filter((tag): tag is string => typeof tag === 'string'));
        } catch {
          clearLocalCache();
        }
      },
      () => {
        // Called on every (re)connection: after a gap, forget what may have been revalidated meanwhile.
        if (connections++ > 0) clearLocalCache();
      },
    )
    .catch((error: unknown) => console.error('midad: could not LISTEN for cache revalidations:', error));
}
