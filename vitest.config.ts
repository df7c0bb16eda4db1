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
    // One throwaway Postgres cluster for the run (or TEST_DATABASE_URL); see test/support/postgres-global-setup.ts.
    globalSetup: [path.resolve(__dirname, 'test/support/postgres-global-setup.ts')],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
