import 'server-only';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db/client';
import { articleEntities, articleRevisions, articles, auditEvents, entities, users } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { countEntityMentions } from '@/lib/entities';
import { AppError } from '@/lib/errors';
import { diffWords, entityTagChanges, type DiffSegment } from '@/lib/revisions/word-diff';
import { canEdit, canView } from '@/lib/workflow';
import type { ArticleState } from '@/lib/workflow/states';
import type { Actor } from './users';
import { isUuid } from './workflow/apply-event';

export type RevisionSummary = {
  id: string;
  version: number;
  title: string;
  slug: string;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  noteKind: 'update' | 'correction' | null;
  noteText: string | null;
  restoredFromId: string | null;
  /** The revision readers see now. */
  isPublic: boolean;
  /** The revision of the working copy's current version. */
  isCurrent: boolean;
};

export type HistoryEvent = {
  id: string;
  at: Date;
  action: string;
  actorName: string | null;
  fromStatus: ArticleState | null;
  toStatus: ArticleState | null;
  comment: string | null;
  details: Record<string, unknown>;
};

export type TimelineItem = { kind: 'revision'; at: Date; revision: RevisionSummary } | { kind: 'event'; at: Date; event: HistoryEvent };

export type ArticleHistory = {
  article: {
    id: string;
    title: string;
    slug: string;
    status: ArticleState;
    version: number;
    authorId: string;
    authorName: string;
    publishAt: Date | null;
    publishedRevisionId: string | null;
  };
  revisions: RevisionSummary[];
  events: HistoryEvent[];
  /** Revisions and events together, newest first. */
  timeline: TimelineItem[];
  /** Whether the viewer may restore a revision (they may edit the article). */
  canRestore: boolean;
};

async function loadViewableArticle(actor: Actor, articleId: string) {
  if (!isUuid(articleId)) throw new AppError('not_found');
  const db = await getDb();
  const [article] = await db.select().from(articles).where(eq(articles.id, articleId));
  // Someone who may not see an article learns nothing about it.
  if (!article || !canView(article, actor)) throw new AppError('not_found');
  return article;
}

/** An article's revisions and audit events, as one timeline (newest first), for whoever may see the article. */
export async function getArticleHistoryForActor(actor: Actor, articleId: string): Promise<ArticleHistory> {
  const article = await loadViewableArticle(actor, articleId);
  const db = await getDb();
  const [author] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, article.authorId));
  const revisionRows = await db
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      title: articleRevisions.title,
      slug: articleRevisions.slug,
      authorName: users.displayName,
      createdAt: articleRevisions.createdAt,
      updatedAt: articleRevisions.updatedAt,
      publishedAt: articleRevisions.publishedAt,
      noteKind: articleRevisions.noteKind,
      noteText: articleRevisions.noteText,
      restoredFromId: articleRevisions.restoredFromId,
    })
    .from(articleRevisions)
    .innerJoin(users, eq(users.id, articleRevisions.authorId))
    .where(eq(articleRevisions.articleId, article.id))
    .orderBy(desc(articleRevisions.version), desc(articleRevisions.createdAt));
  const revisions = revisionRows.map((row) => ({
    ...row,
    isPublic: row.id === article.publishedRevisionId,
    isCurrent: row.version === article.version,
  }));
  const eventRows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorName: users.displayName,
      fromStatus: auditEvents.fromStatus,
      toStatus: auditEvents.toStatus,
      comment: auditEvents.comment,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.articleId, article.id))
    .orderBy(desc(auditEvents.at));
  const timeline: TimelineItem[] = [
    ...revisions.map((revision) => ({ kind: 'revision' as const, at: revision.updatedAt, revision })),
    ...eventRows.map((event) => ({ kind: 'event' as const, at: event.at, event })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return {
    article: {
      id: article.id,
      title: article.title,
      slug: article.slug,
      status: article.status,
      version: article.version,
      authorId: article.authorId,
      authorName: author?.name ?? '',
      publishAt: article.publishAt,
      publishedRevisionId: article.publishedRevisionId,
    },
    revisions,
    events: eventRows,
    timeline,
    canRestore: canEdit(article, actor, { fourEyes: getEnv().MIDAD_FOUR_EYES }),
  };
}

export type ChangeRequest = { comment: string; byName: string; at: Date };

/**
 * While an article waits for changes, what the editor asked for (the comment of the last `request_changes` step), so
 * that the writer reads it beside the text, not only in a notification. Null in any other state. Same visibility as
 * the article's history.
 */
export async function getOpenChangeRequestForActor(actor: Actor, articleId: string): Promise<ChangeRequest | null> {
  const article = await loadViewableArticle(actor, articleId);
  if (article.status !== 'changes_requested') return null;
  const db = await getDb();
  const [row] = await db
    .select({ comment: auditEvents.comment, byName: users.displayName, at: auditEvents.at })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.articleId, article.id), eq(auditEvents.action, 'article.request_changes')))
    .orderBy(desc(auditEvents.at))
    .limit(1);
  return row?.comment ? { comment: row.comment, byName: row.byName ?? '', at: row.at } : null;
}

export type RevisionComparison = {
  from: { id: string; version: number; createdAt: Date; authorName: string };
  to: { id: string; version: number; createdAt: Date; authorName: string };
  title: DiffSegment[];
  dek: DiffSegment[];
  slug: { from: string; to: string } | null;
  body: DiffSegment[];
  entities: { added: Array<{ id: string; name: string }>; removed: Array<{ id: string; name: string }> };
};

/** Two revisions of one article compared word by word (title, dek, body), with the entity tags added and removed. */
export async function compareRevisionsForActor(
  actor: Actor,
  input: { articleId: string; fromRevisionId: string; toRevisionId: string },
): Promise<RevisionComparison> {
  const article = await loadViewableArticle(actor, input.articleId);
  if (!isUuid(input.fromRevisionId) || !isUuid(input.toRevisionId)) throw new AppError('not_found');
  const db = await getDb();
  const rows = await db
    .select({ revision: articleRevisions, authorName: users.displayName })
    .from(articleRevisions)
    .innerJoin(users, eq(users.id, articleRevisions.authorId))
    .where(and(eq(articleRevisions.articleId, article.id), inArray(articleRevisions.id, [input.fromRevisionId, input.toRevisionId])));
  const from = rows.find((row) => row.revision.id === input.fromRevisionId);
  const to = rows.find((row) => row.revision.id === input.toRevisionId);
  if (!from || !to) throw new AppError('not_found');
  const tags = entityTagChanges(from.revision.body, to.revision.body);
  const ids = [...tags.added, ...tags.removed];
  const names = new Map(
    ids.length === 0
      ? []
      : (await db.select({ id: entities.id, name: entities.name }).from(entities).where(inArray(entities.id, ids))).map(
          (row) => [row.id, row.name] as const,
        ),
  );
  const named = (list: string[]) => list.map((id) => ({ id, name: names.get(id) ?? 'كيان محذوف' }));
  const meta = (row: typeof from) => ({
    id: row.revision.id,
    version: row.revision.version,
    createdAt: row.revision.createdAt,
    authorName: row.authorName,
  });
  return {
    from: meta(from),
    to: meta(to),
    title: diffWords(from.revision.title, to.revision.title),
    dek: diffWords(from.revision.dek, to.revision.dek),
    slug: from.revision.slug === to.revision.slug ? null : { from: from.revision.slug, to: to.revision.slug },
    body: diffWords(from.revision.bodyText, to.revision.bodyText),
    entities: { added: named(tags.added), removed: named(tags.removed) },
  };
}

/**
 * Restores a revision: its content becomes a new version of the working copy, on top of the current one, with a new
 * revision (`restored_from_id`) — nothing is lost. Only for those who may edit the article now, and only on the
 * version they saw (`expectedVersion`, optimistic locking). A published article's readers keep the published
 * revision until an editor publishes the update.
 */
export async function restoreRevisionForActor(
  actor: Actor,
  input: { articleId: string; revisionId: string; expectedVersion: number },
): Promise<{ version: number; revisionId: string }> {
  if (!isUuid(input.articleId) || !isUuid(input.revisionId)) throw new AppError('not_found');
  const db = await getDb();
  const fourEyes = getEnv().MIDAD_FOUR_EYES;
  return db.transaction(async (tx) => {
    const [article] = await tx.select().from(articles).where(eq(articles.id, input.articleId)).for('update');
    if (!article || !canView(article, actor)) throw new AppError('not_found');
    if (!canEdit(article, actor, { fourEyes })) throw new AppError('forbidden');
    const [source] = await tx
      .select()
      .from(articleRevisions)
      .where(and(eq(articleRevisions.id, input.revisionId), eq(articleRevisions.articleId, article.id)));
    if (!source) throw new AppError('not_found');
    if (source.slug !== article.slug) {
      const [taken] = await tx
        .select({ id: articles.id })
        .from(articles)
        .where(and(eq(articles.slug, source.slug), ne(articles.id, article.id)));
      if (taken) throw new AppError('slug_taken');
    }
    const now = new Date();
    const [updated] = await tx
      .update(articles)
      .set({
        title: source.title,
        dek: source.dek,
        slug: source.slug,
        sectionId: source.sectionId,
        body: source.body,
        bodyText: source.bodyText,
        version: sql`${articles.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(articles.id, article.id), eq(articles.version, input.expectedVersion)))
      .returning({ version: articles.version });
    if (!updated) throw new AppError('version_conflict');
    const [revision] = await tx
      .insert(articleRevisions)
      .values({
        articleId: article.id,
        version: updated.version,
        title: source.title,
        dek: source.dek,
        slug: source.slug,
        sectionId: source.sectionId,
        body: source.body,
        bodyText: source.bodyText,
        authorId: actor.id,
        restoredFromId: source.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: articleRevisions.id });
    if (!revision) throw new Error('restore: no revision inserted');
    await replaceArticleEntities(tx, article.id, source.body);
    await tx.insert(auditEvents).values({
      at: now,
      actorId: actor.id,
      action: 'article.restore',
      articleId: article.id,
      details: { restoredFromId: source.id, restoredVersion: source.version, version: updated.version, revisionId: revision.id },
    });
    return { version: updated.version, revisionId: revision.id };
  });
}

/** The article's entity index (article_entities) from a body: one row per tagged entity that still exists. */
async function replaceArticleEntities(
  tx: Database,
  articleId: string,
  body: Parameters<typeof countEntityMentions>[0],
): Promise<void> {
  const counts = countEntityMentions(body);
  await tx.delete(articleEntities).where(eq(articleEntities.articleId, articleId));
  if (counts.size === 0) return;
  const existing = await tx.select({ id: entities.id }).from(entities).where(inArray(entities.id, [...counts.keys()]));
  if (existing.length === 0) return;
  await tx
    .insert(articleEntities)
    .values(existing.map((row) => ({ articleId, entityId: row.id, mentionCount: counts.get(row.id) ?? 1 })));
}

/** The two revisions to compare by default: the one readers see (or the previous) against the newest. */
export function defaultComparison(revisions: readonly RevisionSummary[]): { from: string; to: string } | null {
  if (revisions.length < 2) return null;
  const newest = revisions[0]!;
  const published = revisions.find((revision) => revision.isPublic && revision.id !== newest.id);
  return { from: (published ?? revisions[1]!).id, to: newest.id };
}
