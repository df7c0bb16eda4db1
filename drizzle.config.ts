import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` uses this: migrations are written to db/migrations and committed, then applied at
// start-up and by `npm run db:migrate` through drizzle-orm's migrator, identically on PGlite and on Postgres.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  strict: true,
  verbose: true,
});
