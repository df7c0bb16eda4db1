/**
 * `npm run db:backup [FILE]`: a backup of the configured database.
 * Postgres (DATABASE_URL): pg_dump custom format (default file backups/midad-<time>.dump).
 * Embedded PGlite (PGLITE_DIR): the data folder as .tar.gz (default backups/midad-<time>.tar.gz); stop the app first,
 * the folder is locked while it runs.
 */
import path from 'node:path';
import { backupPglite, backupPostgres } from '../db/backup';
import { parseEnv } from '../lib/config/env';
import { runScript } from './run-script';

runScript(async () => {
  const env = parseEnv();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const fallback = path.join('backups', `midad-${stamp}.${env.DATABASE_URL ? 'dump' : 'tar.gz'}`);
  const outFile = process.argv[2] ?? fallback;
  if (env.DATABASE_URL) {
    await backupPostgres(env.DATABASE_URL, outFile, { binDir: env.PG_BIN_DIR });
  } else {
    await backupPglite(env.PGLITE_DIR, outFile);
  }
  console.log(`midad: backup of the ${env.databaseDriver} database written to ${outFile}`);
});
