import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getTestPostgresUrl } from './postgres';
import { createTestDatabase, findPostgresBinaries, startPostgresCluster, type PostgresCluster } from './postgres-cluster';

const binDir = findPostgresBinaries();
// Without binaries the global setup has already failed a CI run, or printed a warning banner.
const skip = binDir === null && process.env.CI !== 'true';

async function query<T extends Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    return [...(await sql.unsafe<T[]>(text))];
  } finally {
    await sql.end({ timeout: 5 });
  }
}

describe('findPostgresBinaries', () => {
  it('honours PG_BIN_DIR and rejects a folder without initdb', () => {
    const saved = process.env.PG_BIN_DIR;
    const empty = mkdtempSync(path.join(os.tmpdir(), 'midad-no-pg-'));
    try {
      process.env.PG_BIN_DIR = empty;
      expect(() => findPostgresBinaries()).toThrow(/does not contain initdb/);
      if (binDir !== null) {
        process.env.PG_BIN_DIR = binDir;
        expect(findPostgresBinaries()).toBe(binDir);
      }
    } finally {
      if (saved === undefined) delete process.env.PG_BIN_DIR;
      else process.env.PG_BIN_DIR = saved;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe.skipIf(skip)('startPostgresCluster', () => {
  let cluster: PostgresCluster;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('finds initdb and pg_ctl', () => {
    expect(binDir).not.toBeNull();
    expect(existsSync(path.join(binDir ?? '', 'initdb'))).toBe(true);
  });

  it('returns a loopback URL for the midad_test database and a data folder', () => {
    expect(cluster.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/midad_test$/);
    expect(existsSync(cluster.dataDir)).toBe(true);
    expect(cluster.dataDir.startsWith(os.tmpdir())).toBe(true);
  });

  it('accepts queries and runs the installed server version', async () => {
    const [one] = await query<{ one: number }>(cluster.url, 'select 1 as one');
    expect(one?.one).toBe(1);

    const installed = spawnSync(path.join(binDir ?? '', 'postgres'), ['--version'], { encoding: 'utf8' });
    const major = /(\d+)\.\d+/.exec(installed.stdout)?.[1];
    expect(major).toBeDefined();
    const [row] = await query<{ version: string }>(cluster.url, 'select version()');
    expect(row?.version).toMatch(new RegExp(`^PostgreSQL ${major}\\.`));
  });

  it('uses UTF-8, the C.UTF-8 locale and the durability shortcuts', async () => {
    const [row] = await query<{ db: string; encoding: string; collate: string; fsync: string; sync: string; fpw: string }>(
      cluster.url,
      `select current_database() as db, pg_encoding_to_char(encoding) as encoding, datcollate as collate,
              current_setting('fsync') as fsync, current_setting('synchronous_commit') as sync,
              current_setting('full_page_writes') as fpw
         from pg_database where datname = current_database()`,
    );
    expect(row).toEqual({ db: 'midad_test', encoding: 'UTF8', collate: 'C.UTF-8', fsync: 'off', sync: 'off', fpw: 'off' });
    const [arabic] = await query<{ text: string }>(cluster.url, "select 'مِداد' as text");
    expect(arabic?.text).toBe('مِداد');
  });

  it('createTestDatabase makes isolated, fresh databases', async () => {
    const first = await createTestDatabase(cluster.url, 'isolation_first');
    const second = await createTestDatabase(cluster.url, 'isolation_second');
    expect(first).toBe(cluster.url.replace(/midad_test$/, 'isolation_first'));

    await query(first, 'create table only_in_first (id int); insert into only_in_first values (42)');
    const [inFirst] = await query<{ n: number }>(first, 'select count(*)::int as n from only_in_first');
    expect(inFirst?.n).toBe(1);
    await expect(query(second, 'select * from only_in_first')).rejects.toThrow(/does not exist/);
    await expect(query(cluster.url, 'select * from only_in_first')).rejects.toThrow(/does not exist/);

    // Creating it again gives an empty database, even while nobody else is connected.
    const again = await createTestDatabase(cluster.url, 'isolation_first');
    expect(again).toBe(first);
    await expect(query(first, 'select * from only_in_first')).rejects.toThrow(/does not exist/);
  });

  it('createTestDatabase rejects names that would need quoting', async () => {
    await expect(createTestDatabase(cluster.url, 'Bad-Name"; drop')).rejects.toThrow(/invalid database name/);
  });

  it('stop() shuts the server down and removes the folder, and can be called twice', async () => {
    const other = await startPostgresCluster();
    await query(other.url, 'select 1');
    await other.stop();
    expect(existsSync(other.dataDir)).toBe(false);
    await expect(
      (async () => {
        const sql = postgres(other.url, { max: 1, connect_timeout: 2 });
        try {
          await sql`select 1`;
        } finally {
          await sql.end({ timeout: 1 });
        }
      })(),
    ).rejects.toThrow();
    await other.stop();
  });

  it('starts on a requested port', async () => {
    const probe = await startPostgresCluster();
    const port = Number(new URL(probe.url).port);
    await probe.stop();
    const pinned = await startPostgresCluster({ port });
    try {
      expect(new URL(pinned.url).port).toBe(String(port));
      await query(pinned.url, 'select 1');
    } finally {
      await pinned.stop();
    }
  });
});

describe.skipIf(skip)('postgres global setup', () => {
  it('provides a working database URL to test files', async () => {
    const url = getTestPostgresUrl();
    expect(url).not.toBeNull();
    const [row] = await query<{ one: number }>(url ?? '', 'select 1 as one');
    expect(row?.one).toBe(1);
  });
});
