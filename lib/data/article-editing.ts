import 'server-only';
import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db/client';
import { articleEntities, articleRevisions, articles, entities, sections, slugRedirects, users } from '@/db/schema';
import { documentFromParagraphs } from '@/lib/content/from-paragraphs';
import { extractPlainText } from '@/lib/content/plain-text';
import { validateDocument } from '@/lib/content/validate';
import {
  DEFAULT_ARTICLE_TITLE,
  DEK_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  countCharacters,
} from '@/lib/editor/limits';
import { countEntityMentions } from '@/lib/entities/mark-index';
import { AppError } from '@/lib/errors';
import { findFreeSlug, isValidSlug, MAX_SLUG_LENGTH, slugify } from '@/lib/text/slug';
import { canEdit, canView } from '@/lib/workflow/permissions';
import { isRole, type ArticleState } from '@/lib/workflow/states';
import type { Actor } from './users';
import type { ArticleForEditing, SavedArticle, ServerArticleSnapshot, SlugCheck } from '@/lib/editor/types';

export type { ArticleForEditing, SavedArticle, ServerArticleSnapshot, SlugCheck };

/**
 * Creating and saving the working copy of an article (title, dek, slug, section, body). Status changes are not made
 * here (lib/workflow and its data functions do that). Every function takes the actor explicitly and checks what they
 * may do; `requireActor()` wrappers live in the actions and route handlers.
 */

/** Two saves by the same person within this many minutes update their own latest unpublished revision. */
export const REVISION_MERGE_MINUTES = 5;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SaveArticleContentInput = {
  id: string;
  expectedVersion: number;
  title: string;
  dek: string;
  slug: string;
  sectionId: string | null;
  body: unknown;
};

/** A save made from a stale version: carries the server's copy so that the editor can show what changed. */
export class VersionConflictError extends AppError {
  readonly current: ServerArticleSnapshot;

  constructor(current: ServerArticleSnapshot) {
    super('version_conflict', { detail: `server version ${current.version}` });
    this.current = current;
  }
}

export function isVersionConflictError(err: unknown): err is VersionConflictError {
  return err instanceof VersionConflictError || (err instanceof AppError && err.code === 'version_conflict' && 'current' in err);
}

// ── Reading ─────────────────────────────────────────────────────────────────

type ArticleAccessRow = { id: string; status: ArticleState; authorId: string };

async function loadAccessRow(db: Database, id: string): Promise<ArticleAccessRow | null> {
  if (!UUID_PATTERN.test(id)) return null;
  const [row] = await db
    .select({ id: articles.id, status: articles.status, authorId: articles.authorId })
    .from(articles)
    .where(eq(articles.id, id))
    .limit(1);
  return row ?? null;
}

/** The article as the editor needs it, or `not_found` / `forbidden`. */
export async function getArticleForEditing(actor: Actor, id: string): Promise<ArticleForEditing> {
  const db = await getDb();
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const [row] = await db
    .select({
      id: articles.id,
      title: articles.title,
      dek: articles.dek,
      slug: articles.slug,
      sectionId: articles.sectionId,
      body: articles.body,
      status: articles.status,
      version: articles.version,
      authorId: articles.authorId,
      authorName: users.displayName,
      updatedAt: articles.updatedAt,
      publishAt: articles.publishAt,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(eq(articles.id, id))
    .limit(1);
  if (!row) throw new AppError('not_found');
  if (!canView(row, actor)) throw new AppError('forbidden', { detail: `view article ${id}` });
  return {
    ...row,
    updatedAt: row.updatedAt.toISOString(),
    publishAt: row.publishAt ? row.publishAt.toISOString() : null,
    permissions: { canEdit: canEdit(row, actor) },
  };
}

async function readSnapshot(db: Pick<Database, 'select'>, id: string): Promise<ServerArticleSnapshot | null> {
  const [row] = await db
    .select({
      version: articles.version,
      title: articles.title,
      dek: articles.dek,
      slug: articles.slug,
      sectionId: articles.sectionId,
      body: articles.body,
      bodyText: articles.bodyText,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .where(eq(articles.id, id))
    .limit(1);
  if (!row) return null;
  const [latest] = await db
    .select({ name: users.displayName })
    .from(articleRevisions)
    .innerJoin(users, eq(users.id, articleRevisions.authorId))
    .where(eq(articleRevisions.articleId, id))
    .orderBy(desc(articleRevisions.version))
    .limit(1);
  return { ...row, updatedAt: row.updatedAt.toISOString(), lastEditorName: latest?.name ?? null };
}

// ── Slugs ───────────────────────────────────────────────────────────────────

async function isArticleSlugTaken(db: Database, slug: string, exceptId?: string): Promise<boolean> {
  const [article] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(exceptId ? and(eq(articles.slug, slug), ne(articles.id, exceptId)) : eq(articles.slug, slug))
    .limit(1);
  if (article) return true;
  // An old slug of another article still redirects there: taking it would break that redirect.
  const [redirect] = await db
    .select({ targetId: slugRedirects.targetId })
    .from(slugRedirects)
    .where(and(eq(slugRedirects.kind, 'article'), eq(slugRedirects.oldSlug, slug)))
    .limit(1);
  return redirect !== undefined && redirect.targetId !== exceptId;
}

function slugTakenMessage(slug: string, suggestion: string | null): string {
  return suggestion
    ? `الرابط المختصر «${slug}» مستخدم لمقال آخر. اختر رابطًا مختلفًا، مثل «${suggestion}».`
    : `الرابط المختصر «${slug}» مستخدم لمقال آخر. اختر رابطًا مختلفًا.`;
}

function invalidSlugMessage(): string {
  return `الرابط المختصر غير صالح: استخدم حروفًا وأرقامًا تفصل بينها شَرطات (-)، من دون مسافات أو رموز، وبما لا يزيد على ${MAX_SLUG_LENGTH} حرف.`;
}

/** Whether `slug` may be used by article `articleId`, with a free suggestion when it is taken. */
export async function checkArticleSlugForActor(actor: Actor, articleId: string, slug: string): Promise<SlugCheck> {
  const db = await getDb();
  const article = await loadAccessRow(db, articleId);
  if (!article) throw new AppError('not_found');
  if (!canView(article, actor)) throw new AppError('forbidden');
  return checkSlug(db, slug, articleId);
}

async function checkSlug(db: Database, slug: string, articleId: string): Promise<SlugCheck> {
  if (!isValidSlug(slug)) {
    const fixed = slugify(slug);
    return { ok: false, code: 'invalid_slug', message: invalidSlugMessage(), suggestion: fixed && isValidSlug(fixed) ? fixed : null };
  }
  if (!(await isArticleSlugTaken(db, slug, articleId))) return { ok: true, slug };
  const suggestion = await findFreeSlug(slug, (candidate) => isArticleSlugTaken(db, candidate, articleId));
  return { ok: false, code: 'slug_taken', message: slugTakenMessage(slug, suggestion), suggestion };
}

/** A Postgres unique violation (23505) on `constraint`, from either driver, possibly wrapped by Drizzle. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let current: unknown = err, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') return false;
    const candidate = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown; cause?: unknown };
    if (candidate.code === '23505') {
      const name = candidate.constraint_name ?? candidate.constraint;
      return name === constraint || (typeof candidate.message === 'string' && candidate.message.includes(constraint));
    }
    current = candidate.cause;
  }
  return false;
}

// ── Creating ────────────────────────────────────────────────────────────────

export type CreateDraftInput = { title?: string; dek?: string; sectionId?: string | null };

/** A new draft by the actor (any newsroom role), version 1, with its first revision. */
export async function createDraftForActor(actor: Actor, input: CreateDraftInput = {}): Promise<{ id: string; slug: string }> {
  if (!isRole(actor.role)) throw new AppError('forbidden');
  const title = (input.title ?? '').trim() || DEFAULT_ARTICLE_TITLE;
  const dek = (input.dek ?? '').trim();
  checkLengths(title, dek);
  const db = await getDb();
  const sectionId = await checkSection(db, input.sectionId ?? null);
  const body = documentFromParagraphs([]);

  for (let attempt = 0; ; attempt++) {
    const slug = await findFreeSlug(slugify(title), (candidate) => isArticleSlugTaken(db, candidate));
    try {
      return await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(articles)
          .values({ slug, title, dek, body, bodyText: '', status: 'draft', sectionId, authorId: actor.id, version: 1 })
          .returning({ id: articles.id, slug: articles.slug });
        if (!created) throw new AppError('internal', { detail: 'insert returned no row' });
        await tx.insert(articleRevisions).values({
          articleId: created.id,
          version: 1,
          title,
          dek,
          slug,
          sectionId,
          body,
          bodyText: '',
          authorId: actor.id,
        });
        return created;
      });
    } catch (err) {
      // Someone took the same slug between the look-up and the insert: look again.
      if (attempt < 3 && isUniqueViolation(err, 'articles_slug_unique')) continue;
      throw err;
    }
  }
}

// ── Saving ──────────────────────────────────────────────────────────────────

function checkLengths(title: string, dek: string): void {
  const fieldErrors: Record<string, string[]> = {};
  if (countCharacters(title) > TITLE_MAX_LENGTH) fieldErrors.title = [`العنوان أطول من ${TITLE_MAX_LENGTH} حرف.`];
  if (countCharacters(dek) > DEK_MAX_LENGTH) fieldErrors.dek = [`الموجز أطول من ${DEK_MAX_LENGTH} حرف.`];
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError('validation_failed', { fieldErrors, messageAr: Object.values(fieldErrors).flat().join(' ') });
  }
}

async function checkSection(db: Database, sectionId: string | null): Promise<string | null> {
  if (sectionId === null) return null;
  const [section] = UUID_PATTERN.test(sectionId)
    ? await db.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId)).limit(1)
    : [];
  if (!section) {
    throw new AppError('validation_failed', {
      messageAr: 'القسم المختار غير موجود. يُرجى اختيار قسم من القائمة.',
      fieldErrors: { sectionId: ['القسم المختار غير موجود.'] },
    });
  }
  return section.id;
}

/**
 * Saves the working copy: checks the actor may edit, validates the body with lib/content (nothing is stored when it
 * is refused), the slug (valid and unique) and the lengths; then, in one transaction, updates the article only if it
 * is still at `expectedVersion` (otherwise `VersionConflictError` with the server's copy), bumps the version, writes
 * the plain text, records the revision, and rebuilds the article's entity links from the entity marks.
 */
export async function saveArticleContentForActor(actor: Actor, input: SaveArticleContentInput): Promise<SavedArticle> {
  const db = await getDb();
  const article = await loadAccessRow(db, input.id);
  if (!article) throw new AppError('not_found');
  if (!canView(article, actor)) throw new AppError('forbidden', { detail: `view article ${input.id}` });
  if (!canEdit(article, actor)) {
    throw new AppError('forbidden', {
      messageAr: 'لا يمكنك تعديل هذا المقال في حالته الحالية. ما كتبته محفوظ في متصفحك.',
      detail: `edit article ${input.id} in ${article.status}`,
    });
  }

  const validation = validateDocument(input.body);
  if (!validation.ok) throw new AppError(validation.code, { detail: validation.detail });
  const body = validation.doc;
  const bodyText = extractPlainText(body);

  const title = input.title.trim();
  const dek = input.dek.trim();
  checkLengths(title, dek);

  const slug = input.slug.trim();
  const slugCheck = await checkSlug(db, slug, input.id);
  if (!slugCheck.ok) {
    throw new AppError(slugCheck.code, { messageAr: slugCheck.message, fieldErrors: { slug: [slugCheck.message] } });
  }
  const sectionId = await checkSection(db, input.sectionId);

  const mentionCounts = countEntityMentions(body);

  try {
    return await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(articles)
        .set({
          title,
          dek,
          slug,
          sectionId,
          body,
          bodyText,
          version: sql`${articles.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(articles.id, input.id), eq(articles.version, input.expectedVersion)))
        .returning({ id: articles.id, version: articles.version, slug: articles.slug, updatedAt: articles.updatedAt });
      if (!updated) {
        const current = await readSnapshot(tx, input.id);
        if (!current) throw new AppError('not_found');
        throw new VersionConflictError(current);
      }

      const revision = { version: updated.version, title, dek, slug, sectionId, body, bodyText };
      const [latest] = await tx
        .select({
          id: articleRevisions.id,
          authorId: articleRevisions.authorId,
          publishedAt: articleRevisions.publishedAt,
          recent: sql<boolean>`${articleRevisions.updatedAt} > now() - make_interval(mins => ${REVISION_MERGE_MINUTES})`,
        })
        .from(articleRevisions)
        .where(eq(articleRevisions.articleId, input.id))
        .orderBy(desc(articleRevisions.version))
        .limit(1);
      if (latest && latest.authorId === actor.id && latest.publishedAt === null && latest.recent) {
        await tx
          .update(articleRevisions)
          .set({ ...revision, updatedAt: sql`now()` })
          .where(eq(articleRevisions.id, latest.id));
      } else {
        await tx.insert(articleRevisions).values({ ...revision, articleId: input.id, authorId: actor.id });
      }

      await tx.delete(articleEntities).where(eq(articleEntities.articleId, input.id));
      const ids = [...mentionCounts.keys()].filter((id) => UUID_PATTERN.test(id));
      if (ids.length > 0) {
        const known = await tx
          .select({ id: entities.id })
          .from(entities)
          .where(and(inArray(entities.id, ids), isNull(entities.mergedIntoId)));
        if (known.length > 0) {
          await tx
            .insert(articleEntities)
            .values(known.map(({ id }) => ({ articleId: input.id, entityId: id, mentionCount: mentionCounts.get(id) ?? 1 })));
        }
      }

      return { id: updated.id, version: updated.version, slug: updated.slug, updatedAt: updated.updatedAt.toISOString() };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'articles_slug_unique')) {
      const message = slugTakenMessage(slug, null);
      throw new AppError('slug_taken', { messageAr: message, fieldErrors: { slug: [message] }, cause: err });
    }
    throw err;
  }
}
