/**
 * `npm run publish:due`: publishes the scheduled articles whose time has come, once, and exits. For an external cron
 * (every minute, say) when the in-process ticker is off (MIDAD_SCHEDULER_INTERVAL_MS=0). Safe to run while app
 * instances run their own tickers: each article is published once.
 */
import { openDatabase } from '../db/open-database';
import { parseEnv } from '../lib/config/env';
import { publishDueArticlesInDb } from '../lib/data/workflow/publish-due';
import { runScript } from './run-script';

runScript(async () => {
  const env = parseEnv();
  const handle = await openDatabase(env, { maxConnections: 2 });
  try {
    const ids = await publishDueArticlesInDb(handle.db, new Date(), { siteUrl: env.MIDAD_SITE_URL });
    console.log(`midad: ${ids.length} scheduled article(s) published${ids.length ? `: ${ids.join(', ')}` : ''}`);
  } finally {
    await handle.close();
  }
});
