/** `npm run db:seed`: applies migrations, then seeds the demo content (demo accounts only in demo mode). Idempotent. */
import { openDatabase } from '../db/open-database';
import { seedDatabase } from '../db/seed';
import { parseEnv } from '../lib/config/env';
import { runScript } from './run-script';

runScript(async () => {
  const env = parseEnv();
  const handle = await openDatabase(env, { maxConnections: 1 });
  try {
    await handle.migrate();
    const report = await seedDatabase(handle.db, { demoMode: env.demoMode });
    console.log(
      `midad: seed done: ${report.users} users, ${report.entities} entities, ${report.articles} articles added` +
        (env.demoMode ? '' : ' (not demo mode: no demo accounts)'),
    );
  } finally {
    await handle.close();
  }
});
