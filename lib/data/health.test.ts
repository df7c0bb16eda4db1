import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/open-database';
import { setDatabaseHandle } from '@/db/client';
import { findFreePort } from '@/test/support/postgres-cluster';
import { openFreshDatabase } from '@/test/support/test-database';
import { checkHealth } from './health';

describe('checkHealth', () => {
  const disposers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const dispose of disposers) await dispose();
  });

  it('reports a reachable embedded database', async () => {
    const { handle, dispose } = await openFreshDatabase('pglite');
    disposers.push(dispose);
    setDatabaseHandle(handle);
    expect(await checkHealth()).toEqual({ ok: true, database: 'reachable', driver: 'pglite' });
  });

  it('reports a Postgres server that does not answer as unreachable, without throwing', async () => {
    const port = await findFreePort();
    const handle = await openDatabase({ DATABASE_URL: `postgres://nobody@127.0.0.1:${port}/none`, PGLITE_DIR: '' });
    disposers.push(() => handle.close());
    setDatabaseHandle(handle);
    expect(await checkHealth()).toEqual({ ok: false, database: 'unreachable', driver: 'postgres' });
  });
});
