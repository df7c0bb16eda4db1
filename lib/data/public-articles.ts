import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { JSONContent } from '@tiptap/core';
import { getDb } from '@/db/client';
import { articleRevisions, articles, sections, slugRedirects, users } from '@/db/schema';
import { preparedPerDatabase } from './prepared';

/**
 * What readers see: the PUBLISHED REVISION of each published article (articles.published_revision_id), never the
 * working copy, which may be ahead of it while an editor prepares an update. A published article without a published
 * revision (rows written by hand or by an old import) is shown as its working copy.
 */

/** What readers may see of a published article in a list. */
export type PublishedArticleSummary = {
  id: string;
  slug: string;
  title: string;
  dek: string;
  publishedAt: Date;
};

/** A public, dated note of update or correction. */
export type PublicArticleNote = { kind: 'update' | 'correction'; text: string; at: Date };

export type PublishedArticle = PublishedArticleSummary & {
  body: JSONContent;
  authorName: string;
  /** When the revision readers see was published (equal to publishedAt for a story never updated). */
  updatedAt: Date;
  /** Notes of update and correction, oldest first. */
  notes: PublicArticleNote[];
  /** The section of the published revision (or of the working copy, for a story published before revisions kept one). */
  section: { slug: string; name: string } | null;
};

/** A request for an old slug of a published article: answer with a permanent redirect to `redirectTo`. */
export type ArticleRedirect = { redirectTo: string };

const PAGE_SIZE_LIMIT = 100;

/** The public columns: the published revision's, or the working copy's when there is none. */
const publicColumns = {
  id: articles.id,
  slug: sql<string>`coalesce(${articleRevisions.slug}, ${articles.slug})`,
  title: sql<string>`coalesce(${articleRevisions.title}, ${articles.title})`,
  dek: sql<string>`coalesce(${articleRevisions.dek}, ${articles.dek})`,
  publishedAt: articles.publishedAt,
};

/** Published articles, newest first. Readers only ever see published articles. */
export async function listPublishedArticles(options: { limit?: number; offset?: number } = {}): Promise<PublishedArticleSummary[]> {
  const db = await getDb();
  const limit = Math.min(Math.max(options.limit ?? 20, 1), PAGE_SIZE_LIMIT);
  const rows = await db
    .select(publicColumns)
    .from(articles)
    .leftJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(eq(articles.status, 'published'))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(Math.max(options.offset ?? 0, 0));
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt ?? new Date(0) }));
}

const publicSlug = sql<string>`coalesce(${articleRevisions.slug}, ${articles.slug})`;

/** The other revisions of the story, for its notes (the main query joins the published one). */
const NOTE_REVISIONS = 'note_revisions';
const noteRevisions = alias(articleRevisions, NOTE_REVISIONS);

/** A note as json_build_object writes it: the date is an ISO string with its offset. */
type StoredNote = { kind: 'update' | 'correction'; text: string; at: string };

/** The published story by its public slug, with its notes (oldest first), in one query. */
const publishedStoryBySlug = preparedPerDatabase((db) =>
  db
    .select({
      ...publicColumns,
      body: sql<JSONContent>`coalesce(${articleRevisions.body}, ${articles.body})`,
      revisionPublishedAt: articleRevisions.publishedAt,
      workingUpdatedAt: articles.updatedAt,
      authorName: users.displayName,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      notes: sql<StoredNote[]>`(
        select coalesce(
          json_agg(
            json_build_object('kind', ${noteRevisions.noteKind}, 'text', ${noteRevisions.noteText}, 'at', ${noteRevisions.publishedAt})
            order by ${noteRevisions.publishedAt}, ${noteRevisions.version}
          ),
          '[]'::json
        )
        from ${articleRevisions} as ${sql.identifier(NOTE_REVISIONS)}
        where ${noteRevisions.articleId} = ${articles.id}
          and ${noteRevisions.publishedAt} is not null
          and ${noteRevisions.noteKind} is not null
          and ${noteRevisions.noteText} is not null
      )`,
    })
    .from(articles)
    .leftJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(sections, eq(sections.id, sql`coalesce(${articleRevisions.sectionId}, ${articles.sectionId})`))
    .where(and(eq(articles.status, 'published'), sql`${publicSlug} = ${sql.placeholder('slug')}`))
    .limit(1)
    .prepare('public_article_by_slug'),
);

/** The current public slug of the published story an old slug redirects to. */
const redirectBySlug = preparedPerDatabase((db) =>
  db
    .select({ slug: publicSlug })
    .from(slugRedirects)
    .innerJoin(articles, eq(articles.id, slugRedirects.targetId))
    .leftJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(and(eq(slugRedirects.kind, 'article'), eq(slugRedirects.oldSlug, sql.placeholder('slug')), eq(articles.status, 'published')))
    .limit(1)
    .prepare('public_article_redirect_by_slug'),
);

/**
 * A published article by its public slug; `{ redirectTo }` when the slug is an old one of a published article;
 * null otherwise (unknown, or not published: the same answer to readers).
 */
export async function getPublishedArticleBySlug(slug: string): Promise<PublishedArticle | ArticleRedirect | null> {
  if (slug.length === 0 || slug.length > 300 || slug.includes('\u0000')) return null; // no slug holds a NUL (Postgres cannot even compare one)
  const db = await getDb();
  const [row] = await publishedStoryBySlug(db).execute({ slug });
  if (row) {
    const publishedAt = row.publishedAt ?? row.revisionPublishedAt ?? row.workingUpdatedAt;
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      dek: row.dek,
      body: row.body,
      authorName: row.authorName,
      publishedAt,
      updatedAt: row.revisionPublishedAt ?? publishedAt,
      notes: row.notes.map((note) => ({ kind: note.kind, text: note.text, at: new Date(note.at) })),
      section: row.sectionSlug && row.sectionName ? { slug: row.sectionSlug, name: row.sectionName } : null,
    };
  }
  const [redirect] = await redirectBySlug(db).execute({ slug });
  if (redirect && redirect.slug !== slug) return { redirectTo: `/articles/${encodeURIComponent(redirect.slug)}` };
  return null;
}

export function isArticleRedirect(value: PublishedArticle | ArticleRedirect | null): value is ArticleRedirect {
  return value !== null && 'redirectTo' in value;
}
