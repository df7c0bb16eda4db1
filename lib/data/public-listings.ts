import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { getDb } from '@/db/client';
import { articleEntities, articleRevisions, articles, entities, sections, users } from '@/db/schema';
import type { EntityType } from '@/lib/entities/entity-types';

/**
 * Read-only listings for the public site, feeds, sitemaps and the content API: published articles only.
 *
 * What readers see of an article is its PUBLISHED REVISION when it has one (articles.published_revision_id → an
 * immutable article_revisions row), otherwise the article row itself (articles published before revisions existed,
 * and the seed). Every function here reads title, dek, section and body through that rule, so that a working copy
 * edited after publication never leaks into a list, a feed or the API.
 */

export type PublicSection = { id: string; slug: string; name: string };

export type PublicArticleListItem = {
  id: string;
  slug: string;
  title: string;
  dek: string;
  /** First publication. */
  publishedAt: Date;
  /** When the version readers see went public (the first publication, or the latest republication). */
  modifiedAt: Date;
  authorName: string;
  section: PublicSection | null;
};

export type PublicArticleFull = PublicArticleListItem & {
  body: JSONContent;
  bodyText: string;
  /** Revision number readers see (the article version when it has no revision). */
  version: number;
  createdAt: Date;
};

export type PublicEntityRef = {
  id: string;
  slug: string;
  name: string;
  type: EntityType;
  wikidataId: string | null;
};

export type Page<T> = { items: T[]; total: number; page: number; perPage: number; pageCount: number };

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
/** Pages past this are refused (deep OFFSETs are slow, and nobody reads page 5000). */
export const MAX_PAGE = 500;

/** Reads a `?page=` value: a whole number from 1 to MAX_PAGE, or null when it is not one. Absent → 1. */
export function parsePageParam(value: string | string[] | undefined | null): number | null {
  if (value === undefined || value === null || value === '') return 1;
  if (Array.isArray(value)) return parsePageParam(value[0]);
  if (!/^\d{1,6}$/.test(value)) return null;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : null;
}

const title = sql<string>`coalesce(${articleRevisions.title}, ${articles.title})`;
const dek = sql<string>`coalesce(${articleRevisions.dek}, ${articles.dek})`;
const sectionId = sql<string | null>`coalesce(${articleRevisions.sectionId}, ${articles.sectionId})`;

const listColumns = {
  id: articles.id,
  slug: articles.slug,
  title,
  dek,
  sectionId,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  revisionPublishedAt: articleRevisions.publishedAt,
  authorName: users.displayName,
};

type ListRow = {
  id: string;
  slug: string;
  title: string;
  dek: string;
  sectionId: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  revisionPublishedAt: Date | null;
  authorName: string;
};

async function sectionsById(): Promise<Map<string, PublicSection>> {
  const db = await getDb();
  const rows = await db.select({ id: sections.id, slug: sections.slug, name: sections.name }).from(sections);
  return new Map(rows.map((row) => [row.id, row]));
}

function toListItem(row: ListRow, sectionMap: Map<string, PublicSection>): PublicArticleListItem {
  const publishedAt = row.publishedAt ?? row.updatedAt;
  const modifiedAt = row.revisionPublishedAt && row.revisionPublishedAt > publishedAt ? row.revisionPublishedAt : publishedAt;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    publishedAt,
    modifiedAt,
    authorName: row.authorName,
    section: row.sectionId ? (sectionMap.get(row.sectionId) ?? null) : null,
  };
}

export type ListFilter = { sectionId?: string; entityId?: string; since?: Date };

function filterConditions(filter: ListFilter): SQL[] {
  const conditions: SQL[] = [eq(articles.status, 'published')];
  if (filter.sectionId) conditions.push(sql`${sectionId} = ${filter.sectionId}`);
  if (filter.entityId) {
    conditions.push(
      sql`exists (select 1 from ${articleEntities} where ${articleEntities.articleId} = ${articles.id} and ${articleEntities.entityId} = ${filter.entityId})`,
    );
  }
  if (filter.since) conditions.push(gte(articles.publishedAt, filter.since));
  return conditions;
}

/** One page of published articles, newest first, with the total count. */
export async function listPublishedPage(
  filter: ListFilter,
  options: { page: number; perPage?: number },
  maxPerPage = MAX_PER_PAGE,
): Promise<Page<PublicArticleListItem>> {
  const db = await getDb();
  const perPage = Math.min(Math.max(options.perPage ?? DEFAULT_PER_PAGE, 1), maxPerPage);
  const page = Math.min(Math.max(options.page, 1), MAX_PAGE);
  const where = and(...filterConditions(filter));
  const [rows, [count], sectionMap] = await Promise.all([
    db
      .select(listColumns)
      .from(articles)
      .leftJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
      .innerJoin(users, eq(users.id, articles.authorId))
      .where(where)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(articles)
      .leftJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
      .where(where),
    sectionsById(),
  ]);
  const total = count?.n ?? 0;
  return {
    items: rows.map((row) => toListItem(row, sectionMap)),
    total,
    page,
    perPage,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
  };
}

/** The latest published articles (feeds, news sitemap): newest first, at most `limit` (≤ 1,000). */
export async function listLatestPublished(filter: ListFilter, limit: number): Promise<PublicArticleListItem[]> {
  const result = await listPublishedPage(filter, { page: 1, perPage: limit }, 1000);
  return result.items;
}

/** Full published articles (the content API's list): body included. */
export async function listPublishedFull(
  filter: ListFilter,
  options: { page: number; perPage?: number },
): Promise<Page<PublicArticleFull>> {
  const db = await getDb();
  const listPage = await listPublishedPage(filter, options);
  if (listPage.items.length === 0) return { ...listPage, items: [] };
  const ids = listPage.items.map((item) => item.id);
  const bodies = await db
    .select({
      id: articles.id,
      body: sql<JSONContent>`coalesce(${articleRevisions.body}, ${articles.body})`.mapWith(articles.body),
      bodyText: sql<string>`coalesce(${articleRevisions.bodyText}, ${articles.bodyText})`,
      version: sql<number>`coalesce(${articleRevisions.version}, ${articles.version})`.mapWith(Number),
      createdAt: articles.createdAt,
    })
    .from(articles)
    .leftJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(and(eq(articles.status, 'published'), inArray(articles.id, ids)));
  const byId = new Map(bodies.map((row) => [row.id, row]));
  const items: PublicArticleFull[] = [];
  for (const item of listPage.items) {
    const extra = byId.get(item.id);
    if (extra) items.push({ ...item, ...extra });
  }
  return { ...listPage, items };
}

/** One published article by slug, with its body; null when unknown or not published. */
export async function getPublishedFullBySlug(slug: string): Promise<PublicArticleFull | null> {
  if (slug.length === 0 || slug.length > 300 || slug.includes('\u0000')) return null; // no slug holds a NUL (Postgres cannot even compare one)
  const db = await getDb();
  const [row] = await db
    .select({ ...listColumns, createdAt: articles.createdAt })
    .from(articles)
    .leftJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(and(eq(articles.slug, slug), eq(articles.status, 'published')))
    .limit(1);
  if (!row) return null;
  const [content] = await db
    .select({
      body: sql<JSONContent>`coalesce(${articleRevisions.body}, ${articles.body})`.mapWith(articles.body),
      bodyText: sql<string>`coalesce(${articleRevisions.bodyText}, ${articles.bodyText})`,
      version: sql<number>`coalesce(${articleRevisions.version}, ${articles.version})`.mapWith(Number),
    })
    .from(articles)
    .leftJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(eq(articles.id, row.id));
  if (!content) return null;
  return { ...toListItem(row, await sectionsById()), ...content, createdAt: row.createdAt };
}

/** The entities an article is tagged with (not merged away), most mentioned first. */
export async function listArticleEntities(articleId: string): Promise<PublicEntityRef[]> {
  const db = await getDb();
  return db
    .select({ id: entities.id, slug: entities.slug, name: entities.name, type: entities.type, wikidataId: entities.wikidataId })
    .from(articleEntities)
    .innerJoin(entities, eq(entities.id, articleEntities.entityId))
    .where(and(eq(articleEntities.articleId, articleId), isNull(entities.mergedIntoId)))
    .orderBy(desc(articleEntities.mentionCount), asc(entities.name));
}

/** Entities of several articles at once: article id → entities. */
export async function listEntitiesOfArticles(articleIds: readonly string[]): Promise<Map<string, PublicEntityRef[]>> {
  const result = new Map<string, PublicEntityRef[]>();
  if (articleIds.length === 0) return result;
  const db = await getDb();
  const rows = await db
    .select({
      articleId: articleEntities.articleId,
      id: entities.id,
      slug: entities.slug,
      name: entities.name,
      type: entities.type,
      wikidataId: entities.wikidataId,
    })
    .from(articleEntities)
    .innerJoin(entities, eq(entities.id, articleEntities.entityId))
    .where(and(inArray(articleEntities.articleId, [...articleIds]), isNull(entities.mergedIntoId)))
    .orderBy(desc(articleEntities.mentionCount), asc(entities.name));
  for (const { articleId, ...entity } of rows) {
    const list = result.get(articleId) ?? [];
    list.push(entity);
    result.set(articleId, list);
  }
  return result;
}

/** Sections in their display order. */
export async function listSections(): Promise<PublicSection[]> {
  const db = await getDb();
  return db
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}

export async function getSectionBySlug(slug: string): Promise<PublicSection | null> {
  if (slug.length === 0 || slug.length > 300 || slug.includes('\u0000')) return null; // no slug holds a NUL (Postgres cannot even compare one)
  const db = await getDb();
  const [row] = await db
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .where(eq(sections.slug, slug))
    .limit(1);
  return row ?? null;
}

/** An entity that has a public page (not merged away), by slug. */
export async function getPublicEntityBySlug(slug: string): Promise<PublicEntityRef | null> {
  if (slug.length === 0 || slug.length > 300 || slug.includes('\u0000')) return null; // no slug holds a NUL (Postgres cannot even compare one)
  const db = await getDb();
  const [row] = await db
    .select({ id: entities.id, slug: entities.slug, name: entities.name, type: entities.type, wikidataId: entities.wikidataId })
    .from(entities)
    .where(and(eq(entities.slug, slug), isNull(entities.mergedIntoId)))
    .limit(1);
  return row ?? null;
}

/** Sitemap limit per file (the sitemaps protocol allows 50,000 URLs). */
export const SITEMAP_LIMIT = 50_000;

/** Every published article's slug and last change, newest first (sitemap). */
export async function listPublishedForSitemap(): Promise<Array<{ slug: string; modifiedAt: Date }>> {
  const db = await getDb();
  const rows = await db
    .select({
      slug: articles.slug,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      revisionPublishedAt: articleRevisions.publishedAt,
    })
    .from(articles)
    .leftJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(eq(articles.status, 'published'))
    .orderBy(desc(articles.publishedAt))
    .limit(SITEMAP_LIMIT);
  return rows.map((row) => {
    const publishedAt = row.publishedAt ?? row.updatedAt;
    const modifiedAt = row.revisionPublishedAt && row.revisionPublishedAt > publishedAt ? row.revisionPublishedAt : publishedAt;
    return { slug: row.slug, modifiedAt };
  });
}

/** Entities that are tagged on at least one published article (sitemap: pages with content only). */
export async function listEntitiesForSitemap(): Promise<Array<{ slug: string; modifiedAt: Date }>> {
  const db = await getDb();
  return db
    .select({ slug: entities.slug, modifiedAt: sql<Date>`max(${articles.publishedAt})`.mapWith(articles.publishedAt) })
    .from(entities)
    .innerJoin(articleEntities, eq(articleEntities.entityId, entities.id))
    .innerJoin(articles, eq(articles.id, articleEntities.articleId))
    .where(and(isNull(entities.mergedIntoId), eq(articles.status, 'published')))
    .groupBy(entities.id, entities.slug)
    .orderBy(asc(entities.slug))
    .limit(SITEMAP_LIMIT);
}
