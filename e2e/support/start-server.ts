/**
 * Playwright's web server: the production build (`npm start`'s scripts/serve.ts) on a fresh database, in one of two modes:
 * - `postgres`: a throwaway Postgres cluster (initdb + pg_ctl); its URL is written to e2e/.state/<port>.json so that
 *   tests can seed their own data. Demo accounts on (MIDAD_DEMO=1).
 * - `embedded`: the default PGlite database in a temp folder, exactly as `npm start` runs without DATABASE_URL.
 * On SIGTERM or SIGINT it stops Next, then the cluster, and removes its folders.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgresCluster, type PostgresCluster } from '../../test/support/postgres-cluster';
import { E2E_NEXTAUTH_SECRET, e2eStateFile, type E2eState } from './state';

const mode = process.argv[2];
const port = Number(process.argv[3]);
if ((mode !== 'postgres' && mode !== 'embedded') || !Number.isInteger(port)) {
  throw new Error('usage: start-server.ts postgres|embedded PORT');
}

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const baseUrl = `http://127.0.0.1:${port}`;

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.log('e2e: no production build yet, running next build');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', cwd: root });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  let cluster: PostgresCluster | undefined;
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `midad-e2e-${mode}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXTAUTH_URL: baseUrl,
    MIDAD_SITE_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    // Scheduled stories are published within a second of their time (e2e/workflow.spec.ts waits for one).
    MIDAD_SCHEDULER_INTERVAL_MS: '1000',
  };
  if (mode === 'postgres') {
    cluster = await startPostgresCluster();
    Object.assign(env, { DATABASE_URL: cluster.url, MIDAD_DEMO: '1', NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET });
    const state: E2eState = { databaseUrl: cluster.url, baseUrl };
    fs.mkdirSync(path.dirname(e2eStateFile(port)), { recursive: true });
    fs.writeFileSync(e2eStateFile(port), JSON.stringify(state));
  } else {
    delete env.DATABASE_URL;
    delete env.NEXTAUTH_SECRET;
    delete env.MIDAD_DEMO;
    env.PGLITE_DIR = path.join(tempDir, 'data', 'pglite');
  }

  let stopping = false;
  const cleanUp = async () => {
    await cluster?.stop().catch(() => {});
    fs.rmSync(tempDir, { recursive: true, force: true });
    fs.rmSync(e2eStateFile(port), { force: true });
  };

  const prepare = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prepare-database.ts'], { env, stdio: 'inherit', cwd: root });
  if (prepare.status !== 0) {
    await cleanUp();
    process.exit(prepare.status ?? 1);
  }

  // The production server exactly as `npm start` runs it (scripts/serve.ts: Next behind the cached-page fast path).
  const server = spawn(process.execPath, ['scripts/serve.mjs', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: 'inherit', cwd: root });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGTERM'));
  server.on('exit', async (code) => {
    await cleanUp();
    process.exit(stopping ? 0 : (code ?? 1));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
