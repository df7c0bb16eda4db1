import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { getDb } from '@/db/client';
import { articles, users } from '@/db/schema';

/** What readers may see of a published article in a list. */
export type PublishedArticleSummary = {
  id: string;
  slug: string;
  title: string;
  dek: string;
  publishedAt: Date;
};

export type PublishedArticle = PublishedArticleSummary & {
  body: JSONContent;
  authorName: string;
  updatedAt: Date;
};

const PAGE_SIZE_LIMIT = 100;

/** Published articles, newest first. Readers only ever see published articles. */
export async function listPublishedArticles(options: { limit?: number; offset?: number } = {}): Promise<PublishedArticleSummary[]> {
  const db = await getDb();
  const limit = Math.min(Math.max(options.limit ?? 20, 1), PAGE_SIZE_LIMIT);
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      dek: articles.dek,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .where(eq(articles.status, 'published'))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(Math.max(options.offset ?? 0, 0));
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt ?? new Date(0) }));
}

/** A published article by its slug, or null (unknown or not published: the same answer to readers). */
export async function getPublishedArticleBySlug(slug: string): Promise<PublishedArticle | null> {
  if (slug.length === 0 || slug.length > 300) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      dek: articles.dek,
      body: articles.body,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      authorName: users.displayName,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(and(eq(articles.slug, slug), eq(articles.status, 'published')))
    .limit(1);
  if (!row) return null;
  return { ...row, publishedAt: row.publishedAt ?? row.updatedAt };
}
