import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { acquireDataDirLock } from './pglite-lock';

/**
 * Backups of either database, for `npm run db:backup` and `npm run db:restore` (scripts/db-backup.ts,
 * scripts/db-restore.ts).
 *
 * - Postgres: `pg_dump --format=custom` and `pg_restore --clean --if-exists --single-transaction` (all or nothing),
 *   without owners or privileges so that a dump restores under another role. The password never appears on a
 *   command line (PGPASSWORD in the child's environment).
 * - PGlite: the data folder's own dump (`dumpDataDir`, a .tar.gz of the folder) and `loadDataDir` into a staging
 *   folder that then replaces the target. PGlite allows one process at a time, so both take the folder's lock
 *   (db/pglite-lock.ts) and refuse while the app (or anything else) has it open: stop the app first.
 */

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

// ── Postgres ──────────────────────────────────────────────────────────────────

/** The folder of pg_dump and pg_restore: `binDir` if given, else the newest /usr/lib/postgresql/N/bin, else PATH. */
export function findPostgresClientBinaries(binDir?: string): string | null {
  const has = (dir: string) => fs.existsSync(path.join(dir, 'pg_dump')) && fs.existsSync(path.join(dir, 'pg_restore'));
  if (binDir) {
    if (has(binDir)) return binDir;
    throw new BackupError(`PG_BIN_DIR=${binDir} does not contain pg_dump and pg_restore`);
  }
  const debianRoot = '/usr/lib/postgresql';
  if (fs.existsSync(debianRoot)) {
    const versions = fs
      .readdirSync(debianRoot)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    for (const version of versions) {
      const dir = path.join(debianRoot, version, 'bin');
      if (has(dir)) return dir;
    }
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && has(dir)) return dir;
  }
  return null;
}

/** The URL without its password, and the password for PGPASSWORD. */
function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return { url: parsed.toString(), password };
}

function run(command: string, args: string[], password: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    if (password !== undefined) env.PGPASSWORD = password;
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', (error) => reject(new BackupError(`${path.basename(command)} could not start: ${error.message}`)));
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${path.basename(command)} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}

function requireBinaries(binDir?: string): string {
  const dir = findPostgresClientBinaries(binDir);
  if (!dir) {
    throw new BackupError('pg_dump and pg_restore were not found: install the PostgreSQL client (postgresql-client-15) or set PG_BIN_DIR.');
  }
  return dir;
}

/** Writes a custom-format dump of the database at `databaseUrl` to `outFile` (through a temp file, then renamed). */
export async function backupPostgres(databaseUrl: string, outFile: string, options: { binDir?: string } = {}): Promise<void> {
  const bin = requireBinaries(options.binDir);
  const { url, password } = splitPassword(databaseUrl);
  const partial = `${outFile}.partial`;
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  try {
    await run(path.join(bin, 'pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${url}`], password);
    fs.renameSync(partial, outFile);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Whether the database has any table of ours (public schema). */
export async function postgresHasTables(databaseUrl: string): Promise<boolean> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await client<{ n: number }[]>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
    return (row?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores a dump made by backupPostgres into the database at `databaseUrl`, in one transaction: what the dump holds
 * replaces what is there (dropped first), or nothing changes at all. Refuses a database with tables unless `replace`.
 */
export async function restorePostgres(
  databaseUrl: string,
  archive: string,
  options: { binDir?: string; replace?: boolean } = {},
): Promise<void> {
  if (!fs.existsSync(archive)) throw new BackupError(`No such backup file: ${archive}`);
  const bin = requireBinaries(options.binDir);
  if (!options.replace && (await postgresHasTables(databaseUrl))) {
    throw new BackupError('The target database is not empty. Run again with --replace to drop its contents and restore the backup.');
  }
  const { url, password } = splitPassword(databaseUrl);
  await run(
    path.join(bin, 'pg_restore'),
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`, archive],
    password,
  );
}

// ── PGlite ───────────────────────────────────────────────────────────────────

function isNonEmptyDir(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/**
 * Writes the PGlite data folder `dataDir` as a .tar.gz to `outFile`. Takes the folder's lock: refused
 * (DatabaseLockedError) while another process has the database open.
 */
export async function backupPglite(dataDir: string, outFile: string): Promise<void> {
  const folder = path.resolve(dataDir);
  const release = acquireDataDirLock(folder);
  try {
    if (!isNonEmptyDir(folder)) throw new BackupError(`No embedded database in ${folder}`);
    const client = await PGlite.create(folder);
    try {
      const dump = await client.dumpDataDir('gzip');
      const partial = `${outFile}.partial`;
      fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partial, outFile);
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores a .tar.gz made by backupPglite as the data folder `dataDir`. Loads it into a staging folder first and
 * checks that it opens; only then does it take the place of the target, whose old contents are kept beside it
 * (`<dataDir>.before-restore-<time>`, returned) in case the backup was the wrong one. Refuses a non-empty target
 * unless `replace`, and a folder another process has open (DatabaseLockedError).
 */
export async function restorePglite(archive: string, dataDir: string, options: { replace?: boolean } = {}): Promise<{ previous: string | null }> {
  if (!fs.existsSync(archive)) throw new BackupError(`No such backup file: ${archive}`);
  const folder = path.resolve(dataDir);
  fs.mkdirSync(path.dirname(folder), { recursive: true });
  const release = acquireDataDirLock(folder);
  const staging = `${folder}.restoring-${process.pid}`;
  try {
    if (isNonEmptyDir(folder) && !options.replace) {
      throw new BackupError(`${folder} already holds a database. Run again with --replace to put the backup in its place.`);
    }
    fs.rmSync(staging, { recursive: true, force: true });
    const client = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([fs.readFileSync(archive)]) });
    try {
      await client.query('select 1');
    } finally {
      await client.close();
    }
    let previous: string | null = null;
    if (fs.existsSync(folder)) {
      if (isNonEmptyDir(folder)) {
        previous = `${folder}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        fs.renameSync(folder, previous);
      } else {
        fs.rmdirSync(folder);
      }
    }
    fs.renameSync(staging, folder);
    return { previous };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    release();
  }
}
