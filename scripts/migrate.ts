/** `npm run db:migrate`: applies the committed migrations in db/migrations to the configured database. */
import { openDatabase } from '../db/open-database';
import { parseEnv } from '../lib/config/env';
import { runScript } from './run-script';

runScript(async () => {
  const handle = await openDatabase(parseEnv(), { maxConnections: 1 });
  try {
    await handle.migrate();
    console.log(`midad: migrations applied (${handle.driver})`);
  } finally {
    await handle.close();
  }
});
