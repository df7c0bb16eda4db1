import 'server-only';
import { entityPath } from '@/lib/public/urls';
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import type * as z from 'zod';
import { getDb, type Database } from '@/db/client';
import { articleEntities, articleRevisions, articles, auditEvents, entities, slugRedirects, type EntityRow } from '@/db/schema';
import { requireActor } from '@/lib/auth/current-user';
import {
  countEntityMentions,
  entitySearchText,
  escapeLikePattern,
  normalizeSearchKey,
  repointEntityMarks,
  type TiptapNodeJSON,
} from '@/lib/entities';
import {
  entityFieldsSchema,
  entityIdSchema,
  entitySearchSchema,
  mergeEntitiesSchema,
  quickEntitySchema,
  type EntityFieldsInput,
  type QuickEntityInput,
} from '@/lib/entities/entity-input';
import type { EntityType } from '@/lib/entities/entity-types';
import { isEntityId } from '@/lib/content/entity-mark';
import { AppError, fromZodError } from '@/lib/errors';
import { findFreeSlug, isValidSlug, slugify } from '@/lib/text/slug';
import type { PublishedArticleSummary } from './public-articles';
import { preparedPerDatabase } from './prepared';
import { revalidateEntityPages } from './revalidate';
import type { Actor } from './users';

/**
 * The entity registry. Every `...ForActor(actor, ...)` function checks what the actor may do; the wrappers without
 * the suffix take the actor from the session (`requireActor()`), for server actions and pages.
 *
 * Who may do what: any signed-in newsroom user may read the registry and create an entity (writers create them while
 * tagging); only editors and admins edit and merge.
 */

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
type Executor = Database | Transaction;

export type EntitySummary = { id: string; type: EntityType; name: string; slug: string; aliases: string[] };

export type EntityDetails = EntitySummary & {
  description: string;
  wikidataId: string | null;
  mergedInto: { id: string; name: string; slug: string } | null;
  createdAt: Date;
  updatedAt: Date;
  /** Articles whose index (article_entities) mentions the entity. */
  articleCount: number;
};

export type EntityListPage = { items: Array<EntitySummary & { articleCount: number }>; total: number; page: number; pageSize: number };

/** The registry as the matcher needs it (suggestions in the editor). */
export type RegistryEntry = { id: string; type: EntityType; name: string; aliases: string[] };

export const ENTITY_PAGE_SIZE = 25;
export const ENTITY_SEARCH_LIMIT = 20;
export const ENTITY_ARTICLES_PAGE_SIZE = 20;
const MAX_IDS = 500;

export function canManageEntities(actor: Actor): boolean {
  return actor.role === 'editor' || actor.role === 'admin';
}

function requireManager(actor: Actor): void {
  if (!canManageEntities(actor)) throw new AppError('forbidden', { detail: `${actor.role} may not edit or merge entities` });
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

function toSummary(row: Pick<EntityRow, 'id' | 'type' | 'name' | 'slug' | 'aliases'>): EntitySummary {
  return { id: row.id, type: row.type, name: row.name, slug: row.slug, aliases: [...row.aliases] };
}

const summaryColumns = { id: entities.id, type: entities.type, name: entities.name, slug: entities.slug, aliases: entities.aliases };

// ── Search ───────────────────────────────────────────────────────────────────

/**
 * Conditions and ranking for an Arabic-normalized search over every name of an entity (see lib/entities/search-text):
 * exact name first, then names starting with the query, then names with a word starting with it, then the rest.
 */
function searchClauses(query: string): { where: SQL | undefined; rank: SQL | undefined } {
  const key = normalizeSearchKey(query);
  if (key === '') return { where: undefined, rank: undefined };
  const like = escapeLikePattern(key);
  const where = sql`${entities.searchText} like ${'%' + like + '%'}`;
  const rank = sql`case
    when ${entities.searchText} like ${'%\n' + like + '\n%'} then 0
    when ${entities.searchText} like ${'%\n' + like + '%'} then 1
    when ${entities.searchText} like ${'% ' + like + '%'} then 2
    else 3 end`;
  return { where, rank };
}

/** A page of the registry (merged entities left out), searched and filtered. */
export async function listEntitiesForActor(
  actor: Actor,
  input: { query?: string; type?: EntityType | null; page?: number } = {},
): Promise<EntityListPage> {
  void actor; // every signed-in user may read the registry
  const { query, type, page } = parse(entitySearchSchema, input);
  const db = await getDb();
  const { where: searchWhere, rank } = searchClauses(query);
  const where = and(isNull(entities.mergedIntoId), searchWhere, type ? eq(entities.type, type) : undefined);
  const articleCount = sql<number>`(select count(*)::int from "article_entities" as "ae" where "ae"."entity_id" = "entities"."id")`;
  const [rows, [counted]] = await Promise.all([
    db
      .select({ ...summaryColumns, articleCount })
      .from(entities)
      .where(where)
      .orderBy(...(rank ? [rank] : []), sql`char_length(${entities.name})`, asc(entities.name), asc(entities.id))
      .limit(ENTITY_PAGE_SIZE)
      .offset((page - 1) * ENTITY_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(entities).where(where),
  ]);
  return {
    items: rows.map((row) => ({ ...toSummary(row), articleCount: row.articleCount })),
    total: counted?.n ?? 0,
    page,
    pageSize: ENTITY_PAGE_SIZE,
  };
}

/** Search-as-you-type for pickers: the best matches, merged entities left out. */
export async function searchEntitiesForActor(
  actor: Actor,
  input: { query: string; type?: EntityType | null; excludeId?: string | null; limit?: number },
): Promise<EntitySummary[]> {
  void actor;
  const { query, type } = parse(entitySearchSchema, { query: input.query, type: input.type ?? null });
  const { where: searchWhere, rank } = searchClauses(query);
  if (!searchWhere) return [];
  const excludeId = input.excludeId ? parse(entityIdSchema, input.excludeId) : null;
  const db = await getDb();
  const rows = await db
    .select(summaryColumns)
    .from(entities)
    .where(
      and(
        isNull(entities.mergedIntoId),
        searchWhere,
        type ? eq(entities.type, type) : undefined,
        excludeId ? sql`${entities.id} <> ${excludeId}` : undefined,
      ),
    )
    .orderBy(...(rank ? [rank] : []), sql`char_length(${entities.name})`, asc(entities.name), asc(entities.id))
    .limit(Math.min(Math.max(input.limit ?? ENTITY_SEARCH_LIMIT, 1), 50));
  return rows.map(toSummary);
}

/** Entities by id (for the marks of an open article). Unknown ids are left out; merged ones are included as they are. */
export async function getEntitiesByIdsForActor(
  actor: Actor,
  ids: readonly string[],
): Promise<Array<EntitySummary & { description: string; mergedIntoId: string | null }>> {
  void actor;
  const valid = [...new Set(ids.map((id) => id.toLowerCase()))].filter((id) => entityIdSchema.safeParse(id).success).slice(0, MAX_IDS);
  if (valid.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({ ...summaryColumns, description: entities.description, mergedIntoId: entities.mergedIntoId })
    .from(entities)
    .where(inArray(entities.id, valid));
  return rows.map((row) => ({ ...toSummary(row), description: row.description, mergedIntoId: row.mergedIntoId }));
}

/** Every live entity with its names: what the editor's suggestion matcher is built from. */
export async function listRegistryForActor(actor: Actor): Promise<RegistryEntry[]> {
  void actor;
  const db = await getDb();
  const rows = await db
    .select({ id: entities.id, type: entities.type, name: entities.name, aliases: entities.aliases })
    .from(entities)
    .where(isNull(entities.mergedIntoId))
    .orderBy(asc(entities.name));
  return rows.map((row) => ({ ...row, aliases: [...row.aliases] }));
}

export async function getEntityForActor(actor: Actor, id: string): Promise<EntityDetails> {
  void actor;
  const parsed = entityIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError('entity_not_found');
  const db = await getDb();
  const row = await loadDetails(db, parsed.data);
  if (!row) throw new AppError('entity_not_found');
  return row;
}

async function loadDetails(db: Executor, id: string): Promise<EntityDetails | null> {
  const [row] = await db.select().from(entities).where(eq(entities.id, id)).limit(1);
  if (!row) return null;
  let mergedInto: EntityDetails['mergedInto'] = null;
  if (row.mergedIntoId) {
    const [target] = await db
      .select({ id: entities.id, name: entities.name, slug: entities.slug })
      .from(entities)
      .where(eq(entities.id, row.mergedIntoId))
      .limit(1);
    mergedInto = target ?? null;
  }
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(articleEntities)
    .where(eq(articleEntities.entityId, id));
  return {
    ...toSummary(row),
    description: row.description,
    wikidataId: row.wikidataId,
    mergedInto,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    articleCount: counted?.n ?? 0,
  };
}

// ── Create and edit ──────────────────────────────────────────────────────────

async function slugTaken(db: Executor, slug: string, exceptId: string | null): Promise<boolean> {
  const [row] = await db
    .select({ id: entities.id })
    .from(entities)
    .where(exceptId ? and(eq(entities.slug, slug), sql`${entities.id} <> ${exceptId}`) : eq(entities.slug, slug))
    .limit(1);
  return row !== undefined;
}

/** The requested slug (checked and free), or a free one made from the name. */
async function chooseSlug(db: Executor, requested: string | null, name: string, exceptId: string | null): Promise<string> {
  if (requested !== null) {
    if (!isValidSlug(requested)) {
      throw new AppError('invalid_slug', { fieldErrors: { slug: ['الرابط المختصر غير صالح: حروف وأرقام وشَرطات فقط.'] } });
    }
    if (await slugTaken(db, requested, exceptId)) {
      throw new AppError('entity_slug_taken', { fieldErrors: { slug: ['هذا الرابط المختصر مستخدم لكيان آخر.'] } });
    }
    return requested;
  }
  return findFreeSlug(slugify(name), (candidate) => slugTaken(db, candidate, exceptId), 'كيان');
}

/** Aliases without repeats of the name or of each other (after Arabic normalization). */
function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([normalizeSearchKey(name)]);
  const kept: string[] = [];
  for (const alias of aliases) {
    const key = normalizeSearchKey(alias);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(alias.trim());
  }
  return kept;
}

function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export async function createEntityForActor(actor: Actor, input: EntityFieldsInput): Promise<EntityDetails> {
  const fields = parse(entityFieldsSchema, input);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const slug = await chooseSlug(tx, fields.slug, fields.name, null);
      const aliases = cleanAliases(fields.name, fields.aliases);
      const [row] = await tx
        .insert(entities)
        .values({
          type: fields.type,
          name: fields.name,
          slug,
          aliases,
          description: fields.description,
          wikidataId: fields.wikidataId,
          searchText: entitySearchText(fields.name, aliases),
        })
        .returning({ id: entities.id });
      await tx.insert(auditEvents).values({
        actorId: actor.id,
        action: 'entity.create',
        entityId: row!.id,
        details: { name: fields.name, type: fields.type, slug },
      });
      return (await loadDetails(tx, row!.id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('entity_slug_taken', { cause: error });
    throw error;
  }
}

/** The editor's quick create: a type and a name. */
export async function createQuickEntityForActor(actor: Actor, input: QuickEntityInput): Promise<EntitySummary> {
  const { type, name } = parse(quickEntitySchema, input);
  return toSummary(await createEntityForActor(actor, { type, name }));
}

/**
 * Edits an entity (editors and admins). A new slug keeps the old one answering with a 301 (slug_redirects). A new
 * type is written into every mark of the entity in every article (working copies and revisions), like a merge.
 */
export async function updateEntityForActor(actor: Actor, id: string, input: EntityFieldsInput): Promise<EntityDetails> {
  requireManager(actor);
  const entityId = parse(entityIdSchema, id);
  const fields = parse(entityFieldsSchema, input);
  const db = await getDb();
  try {
    const details = await db.transaction(async (tx) => {
      const [current] = await tx.select().from(entities).where(eq(entities.id, entityId)).for('update').limit(1);
      if (!current) throw new AppError('entity_not_found');
      if (current.mergedIntoId) throw new AppError('entity_merge_invalid', { messageAr: 'هذا الكيان مدموج في كيان آخر ولا يمكن تعديله.' });
      const slug = fields.slug === current.slug ? current.slug : await chooseSlug(tx, fields.slug ?? current.slug, fields.name, entityId);
      const aliases = cleanAliases(fields.name, fields.aliases);
      await tx
        .update(entities)
        .set({
          type: fields.type,
          name: fields.name,
          slug,
          aliases,
          description: fields.description,
          wikidataId: fields.wikidataId,
          searchText: entitySearchText(fields.name, aliases),
          updatedAt: new Date(),
        })
        .where(eq(entities.id, entityId));
      if (slug !== current.slug) {
        await tx.delete(slugRedirects).where(and(eq(slugRedirects.kind, 'entity'), eq(slugRedirects.oldSlug, slug)));
        await tx
          .insert(slugRedirects)
          .values({ kind: 'entity', oldSlug: current.slug, targetId: entityId })
          .onConflictDoUpdate({ target: [slugRedirects.kind, slugRedirects.oldSlug], set: { targetId: entityId } });
      }
      const retyped = fields.type !== current.type ? await repointInArticles(tx, entityId, entityId, fields.type) : null;
      await tx.insert(auditEvents).values({
        actorId: actor.id,
        action: 'entity.update',
        entityId,
        details: {
          before: { name: current.name, type: current.type, slug: current.slug },
          after: { name: fields.name, type: fields.type, slug },
          ...(retyped ? { articlesRetyped: retyped.articleIds.length } : {}),
        },
      });
      return (await loadDetails(tx, entityId))!;
    });
    // Its page (old and new slug) and every story that links to it.
    await revalidateEntityPages([entityId]);
    return details;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('entity_slug_taken', { cause: error });
    throw error;
  }
}

// ── Merge ────────────────────────────────────────────────────────────────────

/**
 * Rebuilds an article's entity index (article_entities) from the marks of `body`: one row per entity with its number
 * of mentions. Ids that are not in the registry are left out (the foreign key would refuse them). Run it in the
 * transaction that writes the body.
 */
export async function rebuildArticleEntityIndex(tx: Executor, articleId: string, body: JSONContent): Promise<Map<string, number>> {
  const counts = countEntityMentions(body as TiptapNodeJSON);
  await tx.delete(articleEntities).where(eq(articleEntities.articleId, articleId));
  if (counts.size === 0) return counts;
  const known = await tx.select({ id: entities.id }).from(entities).where(inArray(entities.id, [...counts.keys()]));
  const rows = known.map(({ id }) => ({ articleId, entityId: id, mentionCount: counts.get(id)! }));
  if (rows.length > 0) await tx.insert(articleEntities).values(rows);
  return counts;
}

/** Body JSON that mentions an entity id (ids are UUIDs: a text search over the JSON cannot mistake them). */
function bodyMentions(column: typeof articles.body | typeof articleRevisions.body, id: string): SQL {
  return sql`position(${id} in ${column}::text) > 0`;
}

/**
 * Re-points every mark of `fromId` to `toId`/`toType` in every article: working copies (their `version` is bumped,
 * so an editor open on the old body gets a version conflict on save instead of writing the old ids back) and every
 * revision (so the published text, and any restore, point at the survivor; the text itself is unchanged). Rebuilds
 * the index of each article touched.
 */
async function repointInArticles(tx: Transaction, fromId: string, toId: string, toType: EntityType) {
  const indexed = await tx.select({ id: articleEntities.articleId }).from(articleEntities).where(eq(articleEntities.entityId, fromId));
  const candidates = await tx
    .select({ id: articles.id, body: articles.body })
    .from(articles)
    .where(or(bodyMentions(articles.body, fromId), indexed.length > 0 ? inArray(articles.id, indexed.map((row) => row.id)) : undefined))
    .orderBy(asc(articles.id))
    .for('update');
  const articleIds: string[] = [];
  for (const article of candidates) {
    const { doc, changed } = repointEntityMarks(article.body as TiptapNodeJSON, fromId, toId, toType);
    if (changed > 0) {
      await tx
        .update(articles)
        .set({ body: doc as JSONContent, version: sql`${articles.version} + 1` })
        .where(eq(articles.id, article.id));
    }
    await rebuildArticleEntityIndex(tx, article.id, doc as JSONContent);
    articleIds.push(article.id);
  }
  const revisions = await tx
    .select({ id: articleRevisions.id, body: articleRevisions.body })
    .from(articleRevisions)
    .where(bodyMentions(articleRevisions.body, fromId));
  let revisionCount = 0;
  for (const revision of revisions) {
    const { doc, changed } = repointEntityMarks(revision.body as TiptapNodeJSON, fromId, toId, toType);
    if (changed === 0) continue;
    await tx.update(articleRevisions).set({ body: doc as JSONContent }).where(eq(articleRevisions.id, revision.id));
    revisionCount++;
  }
  return { articleIds, revisionCount };
}

export type MergeResult = { target: EntitySummary; articleIds: string[]; revisionCount: number };

/**
 * Merges `sourceId` into `targetId` (editors and admins), in one transaction: every mark of the source in every
 * article (working copies and revisions) is re-pointed to the target, the articles' indexes rebuilt and their
 * versions bumped; the source's names become aliases of the target; the source is marked merged (it leaves the
 * registry lists) and its public URL answers with a 301 to the target (slug_redirects); an audit event records it.
 */
export async function mergeEntitiesForActor(actor: Actor, input: { sourceId: string; targetId: string }): Promise<MergeResult> {
  requireManager(actor);
  const { sourceId, targetId } = parse(mergeEntitiesSchema, input);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(entities)
      .where(inArray(entities.id, [sourceId, targetId]))
      .orderBy(asc(entities.id))
      .for('update');
    const source = rows.find((row) => row.id === sourceId);
    const target = rows.find((row) => row.id === targetId);
    if (!source || !target) throw new AppError('entity_not_found');
    if (source.mergedIntoId || target.mergedIntoId) throw new AppError('entity_merge_invalid');

    const { articleIds, revisionCount } = await repointInArticles(tx, sourceId, targetId, target.type);

    const aliases = cleanAliases(target.name, [...target.aliases, source.name, ...source.aliases]);
    await tx
      .update(entities)
      .set({
        aliases,
        searchText: entitySearchText(target.name, aliases),
        wikidataId: target.wikidataId ?? source.wikidataId,
        description: target.description || source.description,
        updatedAt: new Date(),
      })
      .where(eq(entities.id, targetId));
    await tx.update(entities).set({ mergedIntoId: targetId, updatedAt: new Date() }).where(eq(entities.id, sourceId));
    // Earlier merges into the source now point straight at the survivor.
    await tx.update(entities).set({ mergedIntoId: targetId }).where(eq(entities.mergedIntoId, sourceId));
    await tx
      .update(slugRedirects)
      .set({ targetId })
      .where(and(eq(slugRedirects.kind, 'entity'), eq(slugRedirects.targetId, sourceId)));
    await tx
      .insert(slugRedirects)
      .values({ kind: 'entity', oldSlug: source.slug, targetId })
      .onConflictDoUpdate({ target: [slugRedirects.kind, slugRedirects.oldSlug], set: { targetId } });
    await tx.insert(auditEvents).values({
      actorId: actor.id,
      action: 'entity.merge',
      entityId: targetId,
      details: {
        source: { id: source.id, name: source.name, slug: source.slug },
        target: { id: target.id, name: target.name, slug: target.slug },
        articles: articleIds.length,
        revisions: revisionCount,
      },
    });
    return { target: toSummary({ ...target, aliases }), articleIds, revisionCount };
  });
  // Both entities' pages (the source's slug now redirects) and every story whose marks were re-pointed.
  await revalidateEntityPages([sourceId, targetId], result.articleIds);
  return result;
}

// ── Session wrappers (server actions and pages) ─────────────────────────────

export const listEntities = async (input?: Parameters<typeof listEntitiesForActor>[1]) => listEntitiesForActor(await requireActor(), input);
export const searchEntities = async (input: Parameters<typeof searchEntitiesForActor>[1]) => searchEntitiesForActor(await requireActor(), input);
export const getEntitiesByIds = async (ids: readonly string[]) => getEntitiesByIdsForActor(await requireActor(), ids);
export const listRegistry = async () => listRegistryForActor(await requireActor());
export const getEntity = async (id: string) => getEntityForActor(await requireActor(), id);
export const createEntity = async (input: EntityFieldsInput) => createEntityForActor(await requireActor(), input);
export const createQuickEntity = async (input: QuickEntityInput) => createQuickEntityForActor(await requireActor(), input);
export const updateEntity = async (id: string, input: EntityFieldsInput) => updateEntityForActor(await requireActor(), id, input);
export const mergeEntities = async (input: { sourceId: string; targetId: string }) => mergeEntitiesForActor(await requireActor(), input);

// ── Public reads (readers: no actor) ─────────────────────────────────────────

export type PublicEntity = {
  id: string;
  type: EntityType;
  name: string;
  slug: string;
  description: string;
  wikidataId: string | null;
};

export type PublicEntityLookup = { kind: 'entity'; entity: PublicEntity } | { kind: 'redirect'; slug: string };

const publicColumns = {
  id: entities.id,
  type: entities.type,
  name: entities.name,
  slug: entities.slug,
  description: entities.description,
  wikidataId: entities.wikidataId,
  mergedIntoId: entities.mergedIntoId,
};

/** The public fields of the entities whose ids are in the `ids` placeholder (a Postgres uuid array literal). */
const publicEntitiesByIds = preparedPerDatabase((db) =>
  db
    .select(publicColumns)
    .from(entities)
    .where(sql`${entities.id} = any(${sql.placeholder('ids')}::uuid[])`)
    .prepare('public_entities_by_ids'),
);

/** Follows merged_into to the survivor (a few hops at most; merges flatten chains). */
async function resolveSurvivor(db: Executor, id: string): Promise<(PublicEntity & { mergedIntoId: string | null }) | null> {
  let currentId: string | null = id;
  for (let hop = 0; hop < 8 && currentId; hop++) {
    const [row] = await db.select(publicColumns).from(entities).where(eq(entities.id, currentId)).limit(1);
    if (!row) return null;
    if (!row.mergedIntoId) return row;
    currentId = row.mergedIntoId;
  }
  return null;
}

function toPublic(row: PublicEntity): PublicEntity {
  return { id: row.id, type: row.type, name: row.name, slug: row.slug, description: row.description, wikidataId: row.wikidataId };
}

/**
 * An entity by its public slug, or where that slug now lives: a merged entity, or an old slug, answers with the slug
 * of the survivor (the page redirects there with a 301). Null when unknown.
 */
export async function getPublicEntityBySlug(slug: string): Promise<PublicEntityLookup | null> {
  if (slug.length === 0 || slug.length > 300 || slug.includes('\u0000')) return null; // no slug holds a NUL (Postgres cannot even compare one)
  const db = await getDb();
  const [row] = await db.select(publicColumns).from(entities).where(eq(entities.slug, slug)).limit(1);
  if (row && !row.mergedIntoId) return { kind: 'entity', entity: toPublic(row) };
  let targetId = row?.mergedIntoId ?? null;
  if (!targetId) {
    const [redirect] = await db
      .select({ targetId: slugRedirects.targetId })
      .from(slugRedirects)
      .where(and(eq(slugRedirects.kind, 'entity'), eq(slugRedirects.oldSlug, slug)))
      .limit(1);
    targetId = redirect?.targetId ?? null;
  }
  if (!targetId) return null;
  const survivor = await resolveSurvivor(db, targetId);
  return survivor && survivor.slug !== slug ? { kind: 'redirect', slug: survivor.slug } : null;
}

export type EntityArticlesPage = { items: PublishedArticleSummary[]; total: number; page: number; pageSize: number; pageCount: number };

/** Published articles that mention the entity, newest first, a page at a time (page 1 first). */
export async function listPublishedArticlesForEntity(entityId: string, page = 1): Promise<EntityArticlesPage> {
  const pageSize = ENTITY_ARTICLES_PAGE_SIZE;
  const safePage = Number.isSafeInteger(page) && page >= 1 ? Math.min(page, 100_000) : 1;
  if (!entityIdSchema.safeParse(entityId).success) return { items: [], total: 0, page: safePage, pageSize, pageCount: 0 };
  const db = await getDb();
  const where = and(eq(articleEntities.entityId, entityId), eq(articles.status, 'published'));
  const [rows, [counted]] = await Promise.all([
    db
      .select({ id: articles.id, slug: articles.slug, title: articles.title, dek: articles.dek, publishedAt: articles.publishedAt })
      .from(articleEntities)
      .innerJoin(articles, eq(articles.id, articleEntities.articleId))
      .where(where)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(pageSize)
      .offset((safePage - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(articleEntities)
      .innerJoin(articles, eq(articles.id, articleEntities.articleId))
      .where(where),
  ]);
  const total = counted?.n ?? 0;
  return {
    items: rows.map((row) => ({ ...row, publishedAt: row.publishedAt ?? new Date(0) })),
    total,
    page: safePage,
    pageSize,
    pageCount: Math.ceil(total / pageSize),
  };
}

export type ArticleEntity = PublicEntity & { mentionCount: number };

/** `localeCompare(…, 'ar')` builds a collator on every call; this one is built once. */
const arabicCollator = new Intl.Collator('ar');

/** The entities of a published article (from its index), most mentioned first. */
export async function getEntitiesForArticle(articleId: string): Promise<ArticleEntity[]> {
  if (!entityIdSchema.safeParse(articleId).success) return [];
  const db = await getDb();
  const rows = await db
    .select({ ...publicColumns, mentionCount: articleEntities.mentionCount })
    .from(articleEntities)
    .innerJoin(entities, eq(entities.id, articleEntities.entityId))
    .innerJoin(articles, eq(articles.id, articleEntities.articleId))
    .where(and(eq(articleEntities.articleId, articleId), eq(articles.status, 'published')))
    .orderBy(desc(articleEntities.mentionCount), asc(entities.name));
  return rows.map((row) => ({ ...toPublic(row), mentionCount: row.mentionCount }));
}

/**
 * The entities marked in a document a reader sees (a published body), resolved to their survivors, with the number
 * of mentions, most mentioned first: for the article page's entity list, its links and its JSON-LD.
 */
export async function getPublicEntitiesForDocument(body: JSONContent): Promise<{ entities: ArticleEntity[]; hrefs: Record<string, string> }> {
  const counts = countEntityMentions(body as TiptapNodeJSON);
  // The entity mark's own check (lower-case uuids, as the validator stores them): cheaper than the zod schema on
  // every render of the article page, and an id it refuses could match no row anyway.
  const ids = [...counts.keys()].filter(isEntityId).slice(0, MAX_IDS);
  if (ids.length === 0) return { entities: [], hrefs: {} };
  const db = await getDb();
  // The ids passed the uuid check above, so the array literal holds nothing but uuids and commas.
  const rows = await publicEntitiesByIds(db).execute({ ids: `{${ids.join(',')}}` });
  const byId = new Map<string, PublicEntity>();
  for (const row of rows) {
    const survivor = row.mergedIntoId ? await resolveSurvivor(db, row.mergedIntoId) : row;
    if (survivor) byId.set(row.id, toPublic(survivor));
  }
  const hrefs: Record<string, string> = {};
  const merged = new Map<string, ArticleEntity>();
  for (const [id, count] of counts) {
    const entity = byId.get(id);
    if (!entity) continue;
    hrefs[id] = entityPath(entity.slug);
    const existing = merged.get(entity.id);
    merged.set(entity.id, { ...entity, mentionCount: (existing?.mentionCount ?? 0) + count });
  }
  const list = [...merged.values()].sort((a, b) => b.mentionCount - a.mentionCount || arabicCollator.compare(a.name, b.name));
  return { entities: list, hrefs };
}

export { entityPath };
