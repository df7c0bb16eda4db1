/**
 * Runs before `npm run dev` and `npm start`: checks the configuration, applies the migrations, and seeds the demo
 * content on the first start of an empty demo database. The server then opens the database itself.
 */
import { openDatabase } from '../db/open-database';
import { backfillSearchText } from '../db/search-backfill';
import { isEmptyDatabase, seedDatabase } from '../db/seed';
import { resolveAuthSecret } from '../lib/auth/auth-secret';
import { parseEnv } from '../lib/config/env';
import { runScript } from './run-script';

runScript(async () => {
  const env = parseEnv();
  resolveAuthSecret(env);
  const handle = await openDatabase(env, { maxConnections: 2 });
  try {
    await handle.migrate();
    const where = handle.driver === 'pglite' ? `embedded database in ${env.PGLITE_DIR}` : 'Postgres (DATABASE_URL)';
    console.log(`midad: migrations applied to the ${where}`);
    if (env.demoMode && (await isEmptyDatabase(handle.db))) {
      const report = await seedDatabase(handle.db, { demoMode: true });
      console.log(`midad: demo content seeded (${report.users} users, ${report.sections} sections, ${report.entities} entities, ${report.articles} article)`);
    }
    const indexed = await backfillSearchText(handle.db);
    if (indexed > 0) console.log(`midad: search text filled for ${indexed} published article(s)`);
  } finally {
    await handle.close();
  }
});
