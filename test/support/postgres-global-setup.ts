// Vitest global setup: makes one PostgreSQL database available to every test file as
// `inject('postgresUrl')` (read it with getTestPostgresUrl() from ./postgres).
//
// 1. TEST_DATABASE_URL set       -> provide it as is.
// 2. server binaries found       -> start a throwaway cluster, provide its midad_test URL,
//                                   stop it and delete it on teardown.
// 3. CI=true and no binaries     -> fail the run.
// 4. otherwise                   -> loud warning on stderr, provide null (tests skip).

import type { TestProject } from 'vitest/node';

import { findPostgresBinaries, startPostgresCluster } from './postgres-cluster';
import type {} from './postgres'; // the ProvidedContext augmentation

function warningBanner(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const bar = '!'.repeat(width);
  return ['', bar, ...lines.map((line) => `! ${line.padEnd(width - 4)} !`), bar, ''].join('\n');
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) {
    project.provide('postgresUrl', fromEnv);
    return undefined;
  }

  const binDir = findPostgresBinaries();
  if (binDir === null) {
    if (process.env.CI === 'true') {
      throw new Error(
        'Postgres server binaries not found (initdb, pg_ctl), and CI=true: PostgreSQL integration tests cannot be skipped in CI. ' +
          'Install postgresql-15 (apt-get install -y --no-install-recommends postgresql-15; scripts/test.sh does this as root), ' +
          'set PG_BIN_DIR, or set TEST_DATABASE_URL.',
      );
    }
    process.stderr.write(
      warningBanner([
        'WARNING: POSTGRES INTEGRATION TESTS ARE SKIPPED',
        'PostgreSQL server binaries (initdb, pg_ctl) were not found.',
        'Install postgresql-15 (Debian: apt-get install postgresql-15),',
        'or set PG_BIN_DIR, or set TEST_DATABASE_URL.',
        'CI (CI=true) fails instead of skipping.',
      ]),
    );
    project.provide('postgresUrl', null);
    return undefined;
  }

  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return async () => {
    await cluster.stop();
  };
}
