import 'server-only';
import { openDatabase, type DatabaseHandle } from './open-database';
import { getEnv } from '../lib/config/env';

export type { Database } from './open-database';

/**
 * The process's one database handle. Kept on globalThis because Next.js may load this module more than once in one
 * process (dev reloads, several bundles), and PGlite must be opened once per process.
 */
const globalKey = Symbol.for('midad.database');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const store = globalThis as GlobalWithDb;
  store[globalKey] ??= openDatabase(getEnv()).catch((error: unknown) => {
    delete store[globalKey];
    throw error;
  });
  return store[globalKey];
}

export async function getDb() {
  return (await getDatabaseHandle()).db;
}

/** For tests: make `handle` the process's database (each test file opens its own, on PGlite or Postgres). */
export function setDatabaseHandle(handle: DatabaseHandle): void {
  (globalThis as GlobalWithDb)[globalKey] = Promise.resolve(handle);
}
