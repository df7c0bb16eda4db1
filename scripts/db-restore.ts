/**
 * `npm run db:restore -- FILE [--replace]`: restores a backup made by `npm run db:backup` into the configured
 * database. Refuses a database that is not empty unless --replace is given. Postgres: in one transaction (all or
 * nothing). PGlite: stop the app first; the old folder is kept beside the new one.
 */
import { restorePglite, restorePostgres } from '../db/backup';
import { parseEnv } from '../lib/config/env';
import { runScript } from './run-script';

runScript(async () => {
  const args = process.argv.slice(2);
  const replace = args.includes('--replace');
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) throw new Error('usage: npm run db:restore -- BACKUP_FILE [--replace]');
  const env = parseEnv();
  if (env.DATABASE_URL) {
    await restorePostgres(env.DATABASE_URL, file, { binDir: env.PG_BIN_DIR, replace });
    console.log(`midad: ${file} restored into the Postgres database`);
  } else {
    const { previous } = await restorePglite(file, env.PGLITE_DIR, { replace });
    console.log(`midad: ${file} restored into ${env.PGLITE_DIR}` + (previous ? ` (the previous database was moved to ${previous})` : ''));
  }
});
