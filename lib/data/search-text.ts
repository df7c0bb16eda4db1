import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { articles } from '@/db/schema';
import { searchTextFor } from '@/lib/search/search-text';

export { searchTextFor };

/** A database or an open transaction (`db.transaction(async (tx) => …)`). */
type Executor = Pick<Database, 'update'>;

/**
 * Writes `articles.search_text` for the content READERS now see. Call it, inside the same transaction, whenever what
 * readers see changes: when an article is published or republished (with the published revision's title, dek and
 * body text), and on any direct write to a published article that has no published revision.
 *
 * Do NOT call it with the working copy of a published article that is being edited: search would then find words of
 * an unpublished draft (and show them in snippets via the title/dek fallback). Unpublishing needs no call: search
 * only ever returns articles whose status is `published`.
 */
export async function writeSearchText(
  executor: Executor,
  articleId: string,
  content: { title: string; dek: string; bodyText: string },
): Promise<void> {
  await executor.update(articles).set({ searchText: searchTextFor(content) }).where(eq(articles.id, articleId));
}
