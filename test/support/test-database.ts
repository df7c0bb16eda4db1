import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../db/open-database';
import { createTestDatabase } from './postgres-cluster';
import { getTestPostgresUrl } from './postgres';

export type TestDriver = 'pglite' | 'postgres';

/**
 * The drivers every data test runs on: PGlite always, Postgres when the global setup has a server (it fails the run
 * in CI when it has none, and warns loudly elsewhere).
 */
export function testDrivers(): TestDriver[] {
  return getTestPostgresUrl() === null ? ['pglite'] : ['pglite', 'postgres'];
}

let counter = 0;

/** A fresh, empty, migrated database of the given driver, and the function that removes it. */
export async function openFreshDatabase(driver: TestDriver): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }> {
  if (driver === 'pglite') {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-test-'));
    const handle = await openDatabase({ DATABASE_URL: undefined, PGLITE_DIR: path.join(base, 'pglite') });
    await handle.migrate();
    return {
      handle,
      async dispose() {
        await handle.close();
        fs.rmSync(base, { recursive: true, force: true });
      },
    };
  }
  const baseUrl = getTestPostgresUrl();
  if (!baseUrl) throw new Error('No Postgres server for the tests');
  const name = `midad_${process.pid}_${Date.now()}_${counter++}`;
  const url = await createTestDatabase(baseUrl, name);
  const handle = await openDatabase({ DATABASE_URL: url, PGLITE_DIR: '' }, { maxConnections: 5 });
  await handle.migrate();
  return {
    handle,
    async dispose() {
      await handle.close();
    },
  };
}
