/**
 * Publishing the working copy: the snapshot that readers see.
 *
 * No 'server-only' marker here: this module takes the database (or transaction) explicitly and is shared with the
 * command-line script scripts/publish-due.ts (like db/seed.ts). Next code goes through ./index.ts.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/open-database';
import { articleRevisions, articles, slugRedirects, type ArticleRow } from '@/db/schema';
import { searchTextFor } from '@/lib/search/search-text';

export type PublicNote = { kind: 'update' | 'correction'; text: string };

export type PublicationResult = {
  revisionId: string;
  /** The article's version after publishing (bumped only when a note needed a revision of its own). */
  version: number;
  /** The old public slug that now redirects, when the slug changed. */
  redirectedFrom: string | null;
};

/**
 * Makes the article's current working copy its published revision. Runs inside the caller's transaction, with the
 * article row locked (`FOR UPDATE`) or just updated by the caller.
 *
 * - The revision for the article's current version is ensured: the latest one is reused when it exists. A revision
 *   that is not yet published is brought exactly in line with the working copy and marked published; a published
 *   revision is never changed — when a public note must be attached to content that is already published, a new
 *   version with its own revision is made on top.
 * - `articles.published_revision_id` points to it; `published_at` keeps the first publication date (the revision's
 *   own `published_at` is the date of this publication, shown as "updated").
 * - When the public slug changes, the old one redirects (301) to the article.
 * - `articles.search_text` is rewritten from the published content, so search finds the story at once.
 */
export async function publishWorkingCopy(
  tx: Database,
  article: ArticleRow,
  options: { now: Date; note?: PublicNote | null; actorId: string | null },
): Promise<PublicationResult> {
  const { now } = options;
  const note = options.note ?? null;
  const [previous] = article.publishedRevisionId
    ? await tx
        .select({ slug: articleRevisions.slug })
        .from(articleRevisions)
        .where(eq(articleRevisions.id, article.publishedRevisionId))
    : [];

  let version = article.version;
  const [current] = await tx
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, article.id), eq(articleRevisions.version, article.version)))
    .orderBy(desc(articleRevisions.createdAt))
    .limit(1);

  const content = {
    title: article.title,
    dek: article.dek,
    slug: article.slug,
    sectionId: article.sectionId,
    body: article.body,
    bodyText: article.bodyText,
  };
  const noteColumns = { noteKind: note?.kind ?? null, noteText: note?.text ?? null };

  let revisionId: string;
  if (current && current.publishedAt === null) {
    // Not yet public: it may still be completed (a merged save may lag the working copy by nothing but care).
    const [updated] = await tx
      .update(articleRevisions)
      .set({ ...content, ...noteColumns, publishedAt: now, updatedAt: now })
      .where(and(eq(articleRevisions.id, current.id), sql`${articleRevisions.publishedAt} is null`))
      .returning({ id: articleRevisions.id });
    if (!updated) throw new Error('publishWorkingCopy: the revision was published concurrently');
    revisionId = updated.id;
  } else if (current && !note) {
    // This very content is already public (published before, unpublished, published again): reuse it as it is.
    revisionId = current.id;
  } else {
    if (current) {
      // A note on content already public: a new version on top, so the published revision stays untouched.
      const [bumped] = await tx
        .update(articles)
        .set({ version: sql`${articles.version} + 1` })
        .where(and(eq(articles.id, article.id), eq(articles.version, article.version)))
        .returning({ version: articles.version });
      if (!bumped) throw new Error('publishWorkingCopy: the article changed under its lock');
      version = bumped.version;
    }
    const [inserted] = await tx
      .insert(articleRevisions)
      .values({
        articleId: article.id,
        version,
        ...content,
        ...noteColumns,
        authorId: options.actorId ?? article.authorId,
        publishedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: articleRevisions.id });
    if (!inserted) throw new Error('publishWorkingCopy: no revision inserted');
    revisionId = inserted.id;
  }

  await tx
    .update(articles)
    .set({
      publishedRevisionId: revisionId,
      publishedAt: article.publishedAt ?? now,
      publishAt: null,
      // Search indexes what readers now see (never a draft's words).
      searchText: searchTextFor(content),
    })
    .where(eq(articles.id, article.id));

  let redirectedFrom: string | null = null;
  if (previous && previous.slug !== article.slug) {
    redirectedFrom = previous.slug;
    await tx
      .insert(slugRedirects)
      .values({ kind: 'article', oldSlug: previous.slug, targetId: article.id })
      .onConflictDoUpdate({ target: [slugRedirects.kind, slugRedirects.oldSlug], set: { targetId: article.id } });
  }
  return { revisionId, version, redirectedFrom };
}
