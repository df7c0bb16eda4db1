/**
 * Published (and unpublished) stories for the public-site specs, written straight into the Postgres database of the
 * e2e server (readE2eState().databaseUrl). Every spec creates its own rows with unique titles and slugs.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../db/open-database';
import { articleEntities, articles, entities, sections, users } from '../../db/schema';
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
  return db.transaction(async (tx) => {
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
}

export async function setStoryStatus(id: string, status: ArticleState): Promise<void> {
  const { db } = await database();
  await db.update(articles).set({ status }).where(eq(articles.id, id));
}
