import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/support/postgres-cluster';
import { getTestPostgresUrl } from '../test/support/postgres';
import { listTables, snapshotEveryTable, writeRowsInEveryTable } from '../test/support/every-table';
import { BackupError, backupPglite, restorePglite } from './backup';
import { openDatabase } from './open-database';
import { DatabaseLockedError } from './pglite-lock';

const execFileAsync = promisify(execFile);
const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-backup-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run db:backup` / `npm run db:restore` (their scripts) with the given database settings. */
async function runScript(script: 'db-backup' | 'db-restore', args: string[], env: { DATABASE_URL?: string; PGLITE_DIR?: string }) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
      cwd: process.cwd(),
      env: childEnv,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function expectEveryTableHasRows(snapshot: Record<string, string[]>) {
  const empty = Object.entries(snapshot)
    .filter(([, rows]) => rows.length === 0)
    .map(([table]) => table);
  expect(empty, 'tables without rows: the round trip would not test them').toEqual([]);
}

describe('db:backup and db:restore on PGlite', () => {
  it('round-trips every row of every table through a .tar.gz into a fresh folder', async () => {
    const base = tempDir();
    const source = path.join(base, 'source', 'pglite');
    const handle = await openDatabase({ DATABASE_URL: undefined, PGLITE_DIR: source });
    await handle.migrate();
    await writeRowsInEveryTable(handle.db);
    const before = await snapshotEveryTable(handle.db);
    expect((await listTables(handle.db)).length).toBeGreaterThanOrEqual(12);
    expectEveryTableHasRows(before);

    // While the source is open, a backup is refused: PGlite allows one process, and the lock says who has it.
    const refused = await runScript('db-backup', [path.join(base, 'refused.tar.gz')], { PGLITE_DIR: source });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already open');
    await handle.close();

    const archive = path.join(base, 'midad.tar.gz');
    const backup = await runScript('db-backup', [archive], { PGLITE_DIR: source });
    expect(backup.code, backup.stderr).toBe(0);
    expect(fs.statSync(archive).size).toBeGreaterThan(1000);

    const target = path.join(base, 'target', 'pglite');
    const restore = await runScript('db-restore', [archive], { PGLITE_DIR: target });
    expect(restore.code, restore.stderr).toBe(0);

    const restored = await openDatabase({ DATABASE_URL: undefined, PGLITE_DIR: target });
    try {
      expect(await snapshotEveryTable(restored.db)).toEqual(before);
    } finally {
      await restored.close();
    }
  }, 180_000);

  it('refuses to restore over a database without --replace, and with it keeps the old folder beside the new one', async () => {
    const base = tempDir();
    const dataDir = path.join(base, 'pglite');
    const first = await openDatabase({ DATABASE_URL: undefined, PGLITE_DIR: dataDir });
    await first.migrate();
    await first.close();
    const archive = path.join(base, 'empty.tar.gz');
    await backupPglite(dataDir, archive);

    await expect(restorePglite(archive, dataDir)).rejects.toThrow(BackupError);
    const { previous } = await restorePglite(archive, dataDir, { replace: true });
    expect(previous).toMatch(/pglite\.before-restore-/);
    expect(fs.readdirSync(previous!).length).toBeGreaterThan(0);
    const reopened = await openDatabase({ DATABASE_URL: undefined, PGLITE_DIR: dataDir });
    await reopened.close();
  }, 120_000);

  it('refuses to restore into a folder another process has open, and leaves it untouched', async () => {
    const base = tempDir();
    const dataDir = path.join(base, 'pglite');
    const open = await openDatabase({ DATABASE_URL: undefined, PGLITE_DIR: dataDir });
    await open.migrate();
    const archive = path.join(base, 'a.tar.gz');
    fs.writeFileSync(archive, 'not used');
    await expect(restorePglite(archive, dataDir, { replace: true })).rejects.toThrow(DatabaseLockedError);
    expect(await open.ping()).toBe(true);
    await open.close();
  }, 60_000);
});

const postgresUrl = getTestPostgresUrl();

describe.skipIf(postgresUrl === null)('db:backup and db:restore on Postgres', () => {
  it('round-trips every row of every table through pg_dump/pg_restore into a fresh database', async () => {
    const base = tempDir();
    const sourceUrl = await createTestDatabase(postgresUrl!, `midad_backup_src_${process.pid}_${Date.now()}`);
    const targetUrl = await createTestDatabase(postgresUrl!, `midad_backup_dst_${process.pid}_${Date.now()}`);
    const source = await openDatabase({ DATABASE_URL: sourceUrl, PGLITE_DIR: '' }, { maxConnections: 2 });
    let before: Record<string, string[]>;
    try {
      await source.migrate();
      await writeRowsInEveryTable(source.db);
      before = await snapshotEveryTable(source.db);
      expectEveryTableHasRows(before);
    } finally {
      await source.close();
    }

    const archive = path.join(base, 'midad.dump');
    const backup = await runScript('db-backup', [archive], { DATABASE_URL: sourceUrl });
    expect(backup.code, backup.stderr).toBe(0);
    const restore = await runScript('db-restore', [archive], { DATABASE_URL: targetUrl });
    expect(restore.code, restore.stderr).toBe(0);
    // A second restore over the now full database needs --replace, and then gives the same database again.
    const again = await runScript('db-restore', [archive], { DATABASE_URL: targetUrl });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--replace');
    expect((await runScript('db-restore', [archive, '--replace'], { DATABASE_URL: targetUrl })).code).toBe(0);

    const target = await openDatabase({ DATABASE_URL: targetUrl, PGLITE_DIR: '' }, { maxConnections: 2 });
    try {
      expect(await snapshotEveryTable(target.db)).toEqual(before);
    } finally {
      await target.close();
    }
  }, 180_000);
});
