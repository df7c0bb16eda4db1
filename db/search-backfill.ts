import { and, eq, sql } from 'drizzle-orm';
import { searchTextFor } from '../lib/search/search-text';
import type { Database } from './open-database';
import { articleRevisions, articles } from './schema';

const BATCH = 200;

/**
 * Fills `articles.search_text` for published articles that have none (rows published before the column existed, or
 * written by a path that did not index them), from what readers see: the published revision, else the row. Run at
 * start-up after the migrations; returns how many rows it filled. Idempotent and cheap when there is nothing to do.
 */
export async function backfillSearchText(db: Database): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db
      .select({
        id: articles.id,
        title: sql<string>`coalesce(${articleRevisions.title}, ${articles.title})`,
        dek: sql<string>`coalesce(${articleRevisions.dek}, ${articles.dek})`,
        bodyText: sql<string>`coalesce(${articleRevisions.bodyText}, ${articles.bodyText})`,
      })
      .from(articles)
      .leftJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
      .where(and(eq(articles.status, 'published'), eq(articles.searchText, '')))
      .limit(BATCH);
    let written = 0;
    for (const row of rows) {
      const searchText = searchTextFor(row);
      if (searchText === '') continue;
      await db.update(articles).set({ searchText }).where(eq(articles.id, row.id));
      written++;
    }
    filled += written;
    if (rows.length < BATCH || written === 0) return filled;
  }
}
