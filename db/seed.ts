import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { hashPassword } from '../lib/auth/password';
import { documentFromParagraphs, extractPlainText, parseSeedArticle } from '../lib/content';
import {
  applyEntityMarks,
  collectEntityMentions,
  createEntityMatcher,
  entitySearchText,
  suggestUntagged,
  type TiptapNodeJSON,
} from '../lib/entities';
import { ENTITY_TYPES, type EntityType } from '../lib/entities/entity-types';
import { searchTextFor } from '../lib/search/search-text';
import { slugify } from '../lib/text/slug';
import type { Role } from '../lib/workflow/states';
import type { Database } from './open-database';
import { articleEntities, articleRevisions, articles, entities, sections, users } from './schema';

const SEED_DIR = path.join(process.cwd(), 'db', 'seed-data');

export const DEMO_PASSWORD = 'midad-demo';
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; displayName: string; role: Role }> = [
  { email: 'writer@example.com', displayName: 'سارة الكاتبة', role: 'writer' },
  { email: 'editor@example.com', displayName: 'علي المحرر', role: 'editor' },
  { email: 'admin@example.com', displayName: 'مريم المديرة', role: 'admin' },
];

/** The wire service the sample report comes from: its byline. It cannot sign in. */
const WIRE_AUTHOR = { email: 'wire@baghdadtoday.invalid', displayName: 'بغداد اليوم' };

export const SAMPLE_ARTICLE = {
  title: 'القيادة الوسطى الأمريكية تكشف عن مساعدة عراقية ضد الهجمات الصاروخية',
  dek: 'واشنطن تشيد بجهود قوات الأمن العراقية، والسوداني يعلن تشكيل لجنة ثنائية لإنهاء مهمة التحالف الدولي في العراق.',
  /** 5 January 2024, as the dateline says, at noon in Baghdad. */
  publishedAt: new Date('2024-01-05T09:00:00Z'),
};

/** The sections a fresh install starts with; admins extend the list. */
export const DEFAULT_SECTIONS = ['سياسة', 'أمن', 'اقتصاد', 'دولي', 'ثقافة', 'رياضة'] as const;
const SAMPLE_SECTION = 'أمن';

type RegistryFile = { entities: Array<{ type: string; name: string; aliases: string[] }> };

export function readSeedRegistry(): Array<{ type: EntityType; name: string; aliases: string[]; slug: string }> {
  const registry = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'entities.json'), 'utf8')) as RegistryFile;
  return registry.entities.map((entity) => {
    if (!(ENTITY_TYPES as readonly string[]).includes(entity.type)) {
      throw new Error(`Seed registry: unknown entity type "${entity.type}" for ${entity.name}`);
    }
    return { type: entity.type as EntityType, name: entity.name, aliases: entity.aliases, slug: slugify(entity.name) };
  });
}

export function readSeedArticle() {
  const parsed = parseSeedArticle(fs.readFileSync(path.join(SEED_DIR, 'article.ar.txt'), 'utf8'));
  const body = documentFromParagraphs(parsed.paragraphs);
  return { ...SAMPLE_ARTICLE, ...parsed, slug: slugify(SAMPLE_ARTICLE.title), body, bodyText: extractPlainText(body) };
}

/**
 * The sample body with every mention of the registry tagged: the matcher runs over each paragraph and the entity
 * marks are written into the JSON (the ids are those of the inserted registry rows).
 */
export function tagSeedBody(
  body: JSONContent,
  registry: ReadonlyArray<{ id: string; type: EntityType; name: string; aliases: readonly string[] }>,
): JSONContent {
  const matcher = createEntityMatcher(registry.map((entity) => ({ entityId: entity.id, names: [entity.name, ...entity.aliases] })));
  const typeOf = new Map(registry.map((entity) => [entity.id, entity.type]));
  const suggestions = suggestUntagged(body as TiptapNodeJSON, matcher);
  return applyEntityMarks(
    body as TiptapNodeJSON,
    suggestions.map((suggestion) => ({ ...suggestion, entityType: typeOf.get(suggestion.entityId)! })),
  ) as JSONContent;
}

export type SeedReport = { users: number; sections: number; entities: number; articles: number };

/**
 * Seeds the demo content: the entity registry and the sample article (published), and, in demo mode only, the three
 * demo accounts. Idempotent: rows that exist (by email or slug) are left as they are.
 */
export async function seedDatabase(db: Database, options: { demoMode: boolean }): Promise<SeedReport> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const wirePasswordHash = await hashPassword(crypto.randomUUID() + crypto.randomUUID());
  return db.transaction(async (tx) => {
    const accounts = options.demoMode ? DEMO_ACCOUNTS.map((account) => ({ ...account, passwordHash })) : [];
    const insertedUsers = await tx
      .insert(users)
      .values([
        ...accounts,
        { ...WIRE_AUTHOR, role: 'writer' as const, passwordHash: wirePasswordHash, disabled: true },
      ])
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });

    const seedRegistry = readSeedRegistry();
    const insertedEntities = await tx
      .insert(entities)
      .values(seedRegistry.map((entity) => ({ ...entity, searchText: entitySearchText(entity.name, entity.aliases) })))
      .onConflictDoNothing({ target: entities.slug })
      .returning({ id: entities.id });
    // Rows written before the search column existed get their search text (idempotent: only empty ones).
    const unindexed = await tx
      .select({ id: entities.id, name: entities.name, aliases: entities.aliases })
      .from(entities)
      .where(eq(entities.searchText, ''));
    for (const row of unindexed) {
      await tx.update(entities).set({ searchText: entitySearchText(row.name, row.aliases) }).where(eq(entities.id, row.id));
    }
    const registryRows = await tx
      .select({ id: entities.id, type: entities.type, name: entities.name, aliases: entities.aliases, mergedIntoId: entities.mergedIntoId })
      .from(entities)
      .where(inArray(entities.slug, seedRegistry.map((entity) => entity.slug)));

    const insertedSections = await tx
      .insert(sections)
      .values(DEFAULT_SECTIONS.map((name, position) => ({ name, slug: slugify(name), position })))
      .onConflictDoNothing({ target: sections.slug })
      .returning({ id: sections.id });
    const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, slugify(SAMPLE_SECTION)));

    const [wire] = await tx.select({ id: users.id }).from(users).where(eq(users.email, WIRE_AUTHOR.email));
    if (!wire) throw new Error('Seed: the wire author is missing');
    const sample = readSeedArticle();
    const taggedBody = tagSeedBody(
      sample.body,
      registryRows.filter((row) => row.mergedIntoId === null),
    );
    const insertedArticles = await tx
      .insert(articles)
      .values({
        slug: sample.slug,
        title: sample.title,
        dek: sample.dek,
        body: taggedBody,
        bodyText: sample.bodyText,
        searchText: searchTextFor(sample),
        status: 'published',
        sectionId: section?.id ?? null,
        authorId: wire.id,
        createdAt: sample.publishedAt,
        updatedAt: sample.publishedAt,
        publishedAt: sample.publishedAt,
      })
      .onConflictDoNothing({ target: articles.slug })
      .returning({ id: articles.id });
    for (const article of insertedArticles) {
      const { counts } = collectEntityMentions(taggedBody as TiptapNodeJSON);
      const rows = [...counts].map(([entityId, mentionCount]) => ({ articleId: article.id, entityId, mentionCount }));
      if (rows.length > 0) await tx.insert(articleEntities).values(rows).onConflictDoNothing();
    }
    await ensurePublishedRevisions(tx);

    return {
      users: insertedUsers.length,
      sections: insertedSections.length,
      entities: insertedEntities.length,
      articles: insertedArticles.length,
    };
  });
}

/**
 * Gives every published article that has none its published revision (a snapshot of its working copy, dated at its
 * publication), so readers see revisions only. Idempotent.
 */
async function ensurePublishedRevisions(tx: Database): Promise<void> {
  const missing = await tx
    .select()
    .from(articles)
    .where(and(eq(articles.status, 'published'), isNull(articles.publishedRevisionId)));
  for (const article of missing) {
    const at = article.publishedAt ?? article.updatedAt;
    const [revision] = await tx
      .insert(articleRevisions)
      .values({
        articleId: article.id,
        version: article.version,
        title: article.title,
        dek: article.dek,
        slug: article.slug,
        sectionId: article.sectionId,
        body: article.body,
        bodyText: article.bodyText,
        authorId: article.authorId,
        publishedAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing({ target: [articleRevisions.articleId, articleRevisions.version] })
      .returning({ id: articleRevisions.id });
    if (revision) await tx.update(articles).set({ publishedRevisionId: revision.id }).where(eq(articles.id, article.id));
  }
}

/** Whether the database has no users yet: the first start of an empty database. */
export async function isEmptyDatabase(db: Database): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return (row?.count ?? 0) === 0;
}
