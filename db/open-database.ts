import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import type { Env } from '../lib/config/env';
import { acquireDataDirLock } from './pglite-lock';
import * as schema from './schema';

/** Drizzle over either driver: the data layer is written once against this type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  driver: 'postgres' | 'pglite';
  /** Applies the committed migrations (idempotent; safe with several instances starting at once). */
  migrate(): Promise<void>;
  /** Answers whether the database is reachable right now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');
/** Any constant: the key of the advisory lock that serializes migrations across instances. */
const MIGRATION_LOCK_KEY = 72_690_417;

/** A health check answers within this time, or the database counts as unreachable. */
const PING_TIMEOUT_MS = 3_000;

async function answersWithin(query: Promise<void>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([query.then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type DatabaseSettings = Pick<Env, 'DATABASE_URL' | 'PGLITE_DIR'>;

export async function openDatabase(env: DatabaseSettings, options: { maxConnections?: number } = {}) {
  return env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL, options.maxConnections ?? 10)
    : openPglite(env.PGLITE_DIR);
}

function openPostgres(url: string, maxConnections: number): DatabaseHandle {
  const client = postgres(url, { max: maxConnections, connect_timeout: 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    async migrate() {
      // A single connection, so the session-level advisory lock covers every migration statement.
      const migrationClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await migrationClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres({ client: migrationClient }), { migrationsFolder: MIGRATIONS_FOLDER });
        await migrationClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await migrationClient.end();
      }
    },
    async ping() {
      return answersWithin(client`select 1`.then(() => undefined), PING_TIMEOUT_MS);
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const folder = path.resolve(dataDir);
  fs.mkdirSync(path.dirname(folder), { recursive: true });
  const release = acquireDataDirLock(folder);
  let client: PGlite;
  try {
    fs.mkdirSync(folder, { recursive: true });
    client = await PGlite.create(folder);
  } catch (error) {
    release();
    throw error;
  }
  const pglite = drizzlePglite({ client, schema });
  return {
    db: pglite as unknown as Database,
    driver: 'pglite',
    async migrate() {
      await migratePglite(pglite, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async ping() {
      return answersWithin(client.query('select 1').then(() => undefined), PING_TIMEOUT_MS);
    },
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
