import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, users } from '@/db/schema';
import type { ArticleState } from '@/lib/workflow/states';
import type { Actor } from './users';

export type NewsroomArticleSummary = {
  id: string;
  slug: string;
  title: string;
  status: ArticleState;
  authorName: string;
  updatedAt: Date;
};

/** The articles an actor may see in the newsroom: writers their own, editors and admins every article. */
export async function listArticlesForActor(actor: Actor, options: { limit?: number } = {}): Promise<NewsroomArticleSummary[]> {
  const db = await getDb();
  const query = db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      authorName: users.displayName,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .orderBy(desc(articles.updatedAt))
    .limit(Math.min(options.limit ?? 50, 200));
  return actor.role === 'writer' ? query.where(eq(articles.authorId, actor.id)) : query;
}
