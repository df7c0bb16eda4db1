import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      // `server-only` throws outside a React Server Components bundle; in tests we are the server.
      'server-only': path.resolve(__dirname, 'test/support/server-only-stub.ts'),
    },
  },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', '.data/**'],
    environment: 'node',
    // Outside a Next server there is no incremental cache for unstable_cache: public reads go to the database.
    env: { MIDAD_PUBLIC_CACHE: '0' },
    // One throwaway Postgres cluster for the run (or TEST_DATABASE_URL); see test/support/postgres-global-setup.ts.
    globalSetup: [path.resolve(__dirname, 'test/support/postgres-global-setup.ts')],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
