/**
 * Published (and unpublished) stories for the public-site specs, written straight into the Postgres database of the
 * e2e server (readE2eState().databaseUrl). Every spec creates its own rows with unique titles and slugs.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../db/open-database';
import { articleEntities, articles, entities, sections, slugRedirects, users } from '../../db/schema';
import { slugTag } from '../../lib/cache/tags';
import { documentFromParagraphs, extractPlainText } from '../../lib/content';
import type { EntityType } from '../../lib/entities/entity-types';
import { searchTextFor } from '../../lib/search/search-text';
import type { ArticleState } from '../../lib/workflow/states';
import { readE2eState } from './state';

let handlePromise: Promise<DatabaseHandle> | undefined;

function database(): Promise<DatabaseHandle> {
  handlePromise ??= openDatabase({ DATABASE_URL: readE2eState().databaseUrl, PGLITE_DIR: '' }, { maxConnections: 2 });
  return handlePromise;
}

export async function closeSeedDatabase(): Promise<void> {
  if (!handlePromise) return;
  const handle = await handlePromise;
  handlePromise = undefined;
  await handle.close();
}

/**
 * These seeds write to the database behind the app's back, like another app instance would: so they announce what
 * changed the way instances do (lib/cache/tag-bus.ts: NOTIFY on `midad_cache_tags`), and the server drops its cached
 * copies. Delivery takes milliseconds; the short wait covers it.
 */
export async function announceChanges(tags: string[]): Promise<void> {
  const { db } = await database();
  await db.execute(sql`select pg_notify('midad_cache_tags', ${JSON.stringify(tags)})`);
  await new Promise((resolve) => setTimeout(resolve, 150));
}

const LETTERS = 'سشصضطظعغقمنهيتثجحخدذرزك';

/** A made-up Arabic word that no other story contains: searches for it find only this spec's rows. */
export function uniqueArabicWord(length = 6): string {
  let word = '';
  for (let index = 0; index < length; index++) word += LETTERS[Math.floor(Math.random() * LETTERS.length)];
  return word;
}

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export type SeededStory = { id: string; slug: string; title: string };

export async function createSection(name: string): Promise<{ id: string; slug: string; name: string }> {
  const { db } = await database();
  const slug = uniqueSlug('section');
  const [row] = await db.insert(sections).values({ name, slug, position: 99 }).returning({ id: sections.id });
  await announceChanges(['sections']);
  return { id: row!.id, slug, name };
}

export async function createEntity(input: { name: string; type?: EntityType; aliases?: string[] }): Promise<{ id: string; slug: string }> {
  const { db } = await database();
  const slug = uniqueSlug('entity');
  const [row] = await db
    .insert(entities)
    .values({ name: input.name, type: input.type ?? 'person', aliases: input.aliases ?? [], slug })
    .returning({ id: entities.id });
  return { id: row!.id, slug };
}

/** Inserts a story as the data layer would leave it, search text included. Published now unless told otherwise. */
export async function createStory(input: {
  title: string;
  dek?: string;
  paragraphs: string[];
  status?: ArticleState;
  publishedAt?: Date;
  sectionId?: string;
  entityIds?: string[];
}): Promise<SeededStory> {
  const { db } = await database();
  const [author] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'writer@example.com'));
  if (!author) throw new Error('seed-public: the demo writer is missing');
  const body = documentFromParagraphs(input.paragraphs);
  const bodyText = extractPlainText(body);
  const dek = input.dek ?? '';
  const status = input.status ?? 'published';
  const slug = uniqueSlug('story');
  const story = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(articles)
      .values({
        slug,
        title: input.title,
        dek,
        body,
        bodyText,
        searchText: status === 'published' ? searchTextFor({ title: input.title, dek, bodyText }) : '',
        status,
        sectionId: input.sectionId ?? null,
        authorId: author.id,
        publishedAt: status === 'published' ? (input.publishedAt ?? new Date()) : null,
      })
      .returning({ id: articles.id });
    for (const entityId of input.entityIds ?? []) {
      await tx.insert(articleEntities).values({ articleId: row!.id, entityId, mentionCount: 1 });
    }
    return { id: row!.id, slug, title: input.title };
  });
  await announceChanges(storyTags(story.id, story.slug, input.sectionId, input.entityIds));
  return story;
}

function storyTags(id: string, slug: string, sectionId?: string | null, entityIds: readonly string[] = []): string[] {
  return [
    'home',
    'feeds',
    'sitemap',
    `article:${id}`,
    slugTag('article', slug),
    ...(sectionId ? [`section:${sectionId}`] : []),
    ...entityIds.map((entityId) => `entity:${entityId}`),
  ];
}

/** Changes a story's status straight in the database, then announces it (see announceChanges). */
export async function setStoryStatus(id: string, status: ArticleState, options: { announce?: boolean } = {}): Promise<void> {
  const { db } = await database();
  const [row] = await db
    .update(articles)
    .set({ status })
    .where(eq(articles.id, id))
    .returning({ slug: articles.slug, sectionId: articles.sectionId });
  const mentioned = await db.select({ id: articleEntities.entityId }).from(articleEntities).where(eq(articleEntities.articleId, id));
  if (row && options.announce !== false) await announceChanges(storyTags(id, row.slug, row.sectionId, mentioned.map((m) => m.id)));
}

/**
 * Rewrites a story's public text straight in the database (a story seeded without revisions shows its row), as a
 * publish_update on another instance would, announcing it unless told not to.
 */
export async function rewriteStory(id: string, input: { title: string; paragraphs: string[] }, options: { announce?: boolean } = {}): Promise<void> {
  const { db } = await database();
  const body = documentFromParagraphs(input.paragraphs);
  const [row] = await db
    .update(articles)
    .set({ title: input.title, body, bodyText: extractPlainText(body), updatedAt: new Date() })
    .where(eq(articles.id, id))
    .returning({ slug: articles.slug, sectionId: articles.sectionId });
  if (row && options.announce !== false) await announceChanges(storyTags(id, row.slug, row.sectionId));
}

/** Gives a published story a new slug, keeping the old one as a redirect (as a republish with a new slug does). */
export async function renameStorySlug(id: string, newSlug: string): Promise<void> {
  const { db } = await database();
  const [old] = await db.select({ slug: articles.slug, sectionId: articles.sectionId }).from(articles).where(eq(articles.id, id));
  if (!old) throw new Error(`no story ${id}`);
  await db.transaction(async (tx) => {
    await tx.update(articles).set({ slug: newSlug }).where(eq(articles.id, id));
    await tx.insert(slugRedirects).values({ kind: 'article', oldSlug: old.slug, targetId: id });
  });
  await announceChanges([...storyTags(id, old.slug, old.sectionId), slugTag('article', newSlug)]);
}
