// Throwaway PostgreSQL clusters for integration tests.
//
// `startPostgresCluster()` runs initdb into a fresh temp folder, starts a server on a free
// loopback port (durability switched off: fsync, synchronous_commit, full_page_writes) and
// creates the `midad_test` database. `stop()` kills the server and deletes the folder.
//
// initdb refuses to run as root, so when we are root every server binary is run as the
// `postgres` system user (via runuser) on a folder that user owns.

import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import postgres from 'postgres';

export const TEST_DATABASE_NAME = 'midad_test';
const SUPERUSER = 'postgres';
const HOST = '127.0.0.1';

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/midad_test` */
  url: string;
  /** Stops the server (immediate mode) and removes `dataDir`. Safe to call more than once. */
  stop(): Promise<void>;
  /** The temp folder holding the cluster's data, its socket and `postgres.log`. */
  dataDir: string;
}

export interface StartPostgresClusterOptions {
  /** Port to listen on; a free one is picked when omitted. */
  port?: number;
}

/** True when both `initdb` and `pg_ctl` exist in `dir`. */
function hasServerBinaries(dir: string): boolean {
  return existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));
}

/**
 * The folder holding the PostgreSQL server binaries (initdb, pg_ctl, postgres), or null.
 * Looks at, in order: `$PG_BIN_DIR`, `/usr/lib/postgresql/<highest version>/bin`,
 * `pg_config --bindir`, then every folder on `$PATH`.
 */
export function findPostgresBinaries(): string | null {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv) {
    if (hasServerBinaries(fromEnv)) return fromEnv;
    throw new Error(`PG_BIN_DIR=${fromEnv} does not contain initdb and pg_ctl`);
  }

  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    for (const version of versions) {
      const dir = path.join(debianRoot, version, 'bin');
      if (hasServerBinaries(dir)) return dir;
    }
  }

  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) {
    const dir = pgConfig.stdout.trim();
    if (dir && hasServerBinaries(dir)) return dir;
  }

  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && hasServerBinaries(dir)) return dir;
  }
  return null;
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a server binary, as the `postgres` user when we are root. Resolves on process exit. */
function runPgBinary(binDir: string, binary: string, args: string[]): Promise<RunResult> {
  const file = path.join(binDir, binary);
  const [command, commandArgs] = isRoot() ? ['runuser', ['-u', SUPERUSER, '--', file, ...args]] : [file, args];
  return new Promise((resolve, reject) => {
    // stdin ignored; we wait for 'exit' rather than 'close' because `pg_ctl start` leaves a
    // daemon behind that could inherit our pipes (it should not with -l, but be safe).
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ code, stdout, stderr });
    });
  });
}

async function runPgBinaryOrThrow(binDir: string, binary: string, args: string[], logFile?: string): Promise<void> {
  const result = await runPgBinary(binDir, binary, args);
  if (result.code === 0) return;
  let log = '';
  if (logFile && existsSync(logFile)) {
    log = `\n--- ${logFile} (tail) ---\n${readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`;
  }
  throw new Error(
    `${binary} ${args.join(' ')} exited with code ${String(result.code)}\n${result.stdout}${result.stderr}${log}`,
  );
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a probe server'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

/** Stops the server synchronously; used on process exit when stop() was never awaited. */
function stopSync(binDir: string, dataDir: string): void {
  const file = path.join(binDir, 'pg_ctl');
  const args = ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];
  if (isRoot()) spawnSync('runuser', ['-u', SUPERUSER, '--', file, ...args], { stdio: 'ignore' });
  else spawnSync(file, args, { stdio: 'ignore' });
}

export async function startPostgresCluster(options: StartPostgresClusterOptions = {}): Promise<PostgresCluster> {
  const binDir = findPostgresBinaries();
  if (binDir === null) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) not found. Install them (Debian: apt-get install postgresql-15) or set PG_BIN_DIR.',
    );
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'midad-pg-'));
  if (isRoot()) {
    const pwent = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
    const groupent = spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' });
    if (pwent.status !== 0 || groupent.status !== 0) {
      await rm(dataDir, { recursive: true, force: true });
      throw new Error(`running as root, but there is no '${SUPERUSER}' system user to run initdb as`);
    }
    chownSync(dataDir, Number(pwent.stdout.trim()), Number(groupent.stdout.trim()));
  }

  // Cluster in a subfolder so the log file and socket live beside it, not inside PGDATA.
  const pgData = path.join(dataDir, 'data');
  const logFile = path.join(dataDir, 'postgres.log');
  let started = false;
  let stopped = false;
  const onExit = (): void => {
    if (started && !stopped) stopSync(binDir, pgData);
  };

  try {
    await runPgBinaryOrThrow(binDir, 'initdb', [
      '-D',
      pgData,
      '-U',
      SUPERUSER,
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);

    // The free port can be taken between probing and binding: retry a few times when we chose it.
    const attempts = options.port === undefined ? 5 : 1;
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = options.port ?? (await findFreePort());
      const serverOptions = [
        `-p ${port}`,
        // pg_ctl hands -o to a shell: quote the path.
        `-k '${dataDir}'`,
        `-c listen_addresses=${HOST}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      try {
        await runPgBinaryOrThrow(binDir, 'pg_ctl', ['-D', pgData, '-o', serverOptions, '-w', '-t', '60', '-l', logFile, 'start'], logFile);
        started = true;
        process.once('exit', onExit);
        break;
      } catch (error) {
        if (attempt >= attempts) throw error;
      }
    }

    const adminUrl = `postgres://${SUPERUSER}@${HOST}:${port}/postgres`;
    const url = await createTestDatabase(adminUrl, TEST_DATABASE_NAME);

    return {
      url,
      dataDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', onExit);
        await runPgBinary(binDir, 'pg_ctl', ['-D', pgData, '-m', 'immediate', '-w', 'stop']);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (started) {
      stopped = true;
      process.removeListener('exit', onExit);
      await runPgBinary(binDir, 'pg_ctl', ['-D', pgData, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Creates a fresh, empty database `name` on the server behind `baseUrl` (dropping any
 * database of that name first) and returns a URL pointing at it. Lets each test file
 * isolate itself on the shared cluster.
 */
export async function createTestDatabase(baseUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`invalid database name '${name}': use lower-case letters, digits and _ (at most 63)`);
  }
  const target = new URL(baseUrl);
  const admin = new URL(baseUrl);
  // Connect to the maintenance database: we may be about to drop the one baseUrl names.
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => undefined, connect_timeout: 30 });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}" template template0 encoding 'UTF8'`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  target.pathname = `/${name}`;
  return target.toString();
}
