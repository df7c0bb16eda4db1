// Test-side access to the PostgreSQL server started by test/support/postgres-global-setup.ts.
//
//   import { getTestPostgresUrl } from '@/test/support/postgres';
//   import { createTestDatabase } from '@/test/support/postgres-cluster';
//
//   const baseUrl = getTestPostgresUrl();
//   describe.skipIf(baseUrl === null)('my repository', () => {
//     let url: string;
//     beforeAll(async () => { url = await createTestDatabase(baseUrl!, 'my_repository_test'); });
//     ...
//   });

import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the shared test database, or null when no PostgreSQL server is available. */
    postgresUrl: string | null;
  }
}

/**
 * URL of the `midad_test` database on the server the global setup started (or of
 * `$TEST_DATABASE_URL`), or null when PostgreSQL is unavailable and the run is not CI
 * (the global setup has already printed a warning banner then). Throws when the global
 * setup was not configured, so a missing `globalSetup` entry cannot silently skip tests.
 */
export function getTestPostgresUrl(): string | null {
  const url = inject('postgresUrl');
  if (url === undefined) {
    throw new Error(
      "postgresUrl was not provided: add 'test/support/postgres-global-setup.ts' to test.globalSetup in vitest.config.ts",
    );
  }
  return url;
}
