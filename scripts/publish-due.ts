/**
 * `npm run publish:due`: publishes the scheduled articles whose time has come, once, and exits. For an external cron
 * (every minute, say) when the in-process ticker is off (MIDAD_SCHEDULER_INTERVAL_MS=0). Safe to run while app
 * instances run their own tickers: each article is published once.
 */
import { inArray, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../db/open-database';
import { articleEntities, articles } from '../db/schema';
import { slugTag } from '../lib/cache/tags';
import { parseEnv } from '../lib/config/env';
import { publishDueArticlesInDb } from '../lib/data/workflow/publish-due';
import { runScript } from './run-script';

/**
 * Tells the running app instances which public pages changed, as an instance does after publishing
 * (lib/cache/tag-bus.ts: NOTIFY on midad_cache_tags), so readers see the stories without waiting for the cache.
 */
async function announce(db: Database, ids: string[]): Promise<void> {
  const tags = new Set(['home', 'feeds', 'sitemap']);
  const rows = await db.select({ id: articles.id, slug: articles.slug, sectionId: articles.sectionId }).from(articles).where(inArray(articles.id, ids));
  for (const row of rows) {
    tags.add(`article:${row.id}`);
    tags.add(slugTag('article', row.slug));
    if (row.sectionId) tags.add(`section:${row.sectionId}`);
  }
  const mentioned = await db.select({ id: articleEntities.entityId }).from(articleEntities).where(inArray(articleEntities.articleId, ids));
  for (const row of mentioned) tags.add(`entity:${row.id}`);
  await db.execute(sql`select pg_notify('midad_cache_tags', ${JSON.stringify([...tags])})`);
}

runScript(async () => {
  const env = parseEnv();
  const handle = await openDatabase(env, { maxConnections: 2 });
  try {
    const ids = await publishDueArticlesInDb(handle.db, new Date(), { siteUrl: env.MIDAD_SITE_URL });
    console.log(`midad: ${ids.length} scheduled article(s) published${ids.length ? `: ${ids.join(', ')}` : ''}`);
    if (ids.length > 0 && handle.driver === 'postgres') await announce(handle.db, ids);
  } finally {
    await handle.close();
  }
});
