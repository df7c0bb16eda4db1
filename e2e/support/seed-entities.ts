/**
 * Test data for e2e/entities.spec.ts, written straight into the Postgres database of the test server: entities and
 * a published article whose body tags them.
 */
import { eq, inArray } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { openDatabase } from '../../db/open-database';
import { articleEntities, articles, entities, users } from '../../db/schema';
import { collectEntityMentions, entitySearchText, type TiptapNodeJSON } from '../../lib/entities';
import type { EntityType } from '../../lib/entities/entity-types';
import { slugify } from '../../lib/text/slug';
import { readE2eState } from './state';

async function withDb<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ DATABASE_URL: readE2eState().databaseUrl, PGLITE_DIR: '' }, { maxConnections: 1 });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

export type SeededEntity = { id: string; name: string; slug: string; type: EntityType };

export async function seedEntity(input: { name: string; type: EntityType; aliases?: string[] }): Promise<SeededEntity> {
  return withDb(async (db) => {
    const aliases = input.aliases ?? [];
    const [row] = await db
      .insert(entities)
      .values({ type: input.type, name: input.name, slug: slugify(input.name), aliases, searchText: entitySearchText(input.name, aliases) })
      .returning({ id: entities.id, name: entities.name, slug: entities.slug, type: entities.type });
    return row!;
  });
}

/** A published article whose one paragraph says "{before} <tagged name> {between} <tagged name>". */
export async function seedTaggedArticle(title: string, tagged: SeededEntity[]): Promise<{ id: string; slug: string }> {
  return withDb(async (db) => {
    const [author] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'writer@example.com'));
    const content: JSONContent[] = [{ type: 'text', text: 'قال مصدر إن ' }];
    tagged.forEach((entity, index) => {
      if (index > 0) content.push({ type: 'text', text: ' و' });
      content.push({ type: 'text', text: entity.name, marks: [{ type: 'entity', attrs: { entityId: entity.id, entityType: entity.type } }] });
    });
    content.push({ type: 'text', text: ' اجتمعا اليوم.' });
    const body: JSONContent = { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: null }, content }] };
    const [article] = await db
      .insert(articles)
      .values({
        slug: slugify(title),
        title,
        body,
        bodyText: 'نص',
        authorId: author!.id,
        status: 'published',
        publishedAt: new Date(),
      })
      .returning({ id: articles.id, slug: articles.slug });
    const { counts } = collectEntityMentions(body as TiptapNodeJSON);
    await db.insert(articleEntities).values([...counts].map(([entityId, mentionCount]) => ({ articleId: article!.id, entityId, mentionCount })));
    return article!;
  });
}

export async function readEntities(ids: string[]) {
  return withDb((db) => db.select().from(entities).where(inArray(entities.id, ids)));
}

export async function readArticle(id: string) {
  return withDb(async (db) => {
    const [article] = await db.select().from(articles).where(eq(articles.id, id));
    const index = await db.select().from(articleEntities).where(eq(articleEntities.articleId, id));
    return { article: article!, index, mentions: collectEntityMentions(article!.body as TiptapNodeJSON) };
  });
}
