import { and, asc, eq, isNull } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { openDatabase, type DatabaseHandle } from '../../db/open-database';
import { articleEntities, articleRevisions, articles, entities, users } from '../../db/schema';
import type { EntityType } from '../../lib/entities/entity-types';
import { documentFromParagraphs } from '../../lib/content/from-paragraphs';
import { extractPlainText } from '../../lib/content/plain-text';
import { slugify } from '../../lib/text/slug';
import type { ArticleState } from '../../lib/workflow/states';
import { readE2eState } from './state';

/**
 * Test data for the e2e specs, written straight into the Postgres database of the test server (one connection per
 * spec file; close it in afterAll).
 */
export type E2eSeed = {
  handle: DatabaseHandle;
  userId(email: string): Promise<string>;
  insertUser(input: { email: string; displayName: string; role?: 'writer' | 'editor' | 'admin' }): Promise<string>;
  insertArticle(input: {
    authorEmail: string;
    title: string;
    status?: ArticleState;
    dek?: string;
    body?: JSONContent;
    paragraphs?: string[];
  }): Promise<{ id: string; slug: string }>;
  readArticle(id: string): Promise<typeof articles.$inferSelect>;
  /** The article's row in article_entities (what the last save indexed), by entity name. */
  readArticleEntities(id: string): Promise<Array<{ entityId: string; name: string; mentionCount: number }>>;
  /** Every entity of the registry that was not merged into another (what the editor's suggestions match). */
  readRegistry(): Promise<Array<{ id: string; type: EntityType; name: string; slug: string; aliases: string[] }>>;
  deleteArticle(id: string): Promise<void>;
  close(): Promise<void>;
};

let counter = 0;

export async function openE2eSeed(): Promise<E2eSeed> {
  const handle = await openDatabase({ DATABASE_URL: readE2eState().databaseUrl, PGLITE_DIR: '' }, { maxConnections: 2 });
  const db = handle.db;
  const userId = async (email: string) => {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!row) throw new Error(`e2e seed: no user ${email}`);
    return row.id;
  };
  return {
    handle,
    userId,
    async insertUser({ email, displayName, role = 'writer' }) {
      const [row] = await db
        .insert(users)
        .values({ email, displayName, role, passwordHash: 'not-a-password' })
        .onConflictDoUpdate({ target: users.email, set: { displayName } })
        .returning({ id: users.id });
      return row!.id;
    },
    async insertArticle({ authorEmail, title, status = 'draft', dek = '', body, paragraphs }) {
      const authorId = await userId(authorEmail);
      const doc = body ?? documentFromParagraphs(paragraphs ?? []);
      const slug = `${slugify(title) || 'مقال'}-${Date.now().toString(36)}${counter++}`;
      const bodyText = extractPlainText(doc);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(articles)
          .values({
            slug,
            title,
            dek,
            body: doc,
            bodyText,
            status,
            authorId,
            publishedAt: status === 'published' ? new Date() : null,
          })
          .returning({ id: articles.id, slug: articles.slug });
        await tx.insert(articleRevisions).values({ articleId: row!.id, version: 1, title, dek, slug, body: doc, bodyText, authorId });
        return row!;
      });
    },
    async readArticle(id) {
      const [row] = await db.select().from(articles).where(and(eq(articles.id, id)));
      if (!row) throw new Error(`e2e seed: no article ${id}`);
      return row;
    },
    async readArticleEntities(id) {
      return db
        .select({ entityId: articleEntities.entityId, name: entities.name, mentionCount: articleEntities.mentionCount })
        .from(articleEntities)
        .innerJoin(entities, eq(entities.id, articleEntities.entityId))
        .where(eq(articleEntities.articleId, id))
        .orderBy(asc(entities.name));
    },
    async readRegistry() {
      return db
        .select({ id: entities.id, type: entities.type, name: entities.name, slug: entities.slug, aliases: entities.aliases })
        .from(entities)
        .where(isNull(entities.mergedIntoId));
    },
    async deleteArticle(id) {
      await db.delete(articles).where(eq(articles.id, id));
    },
    async close() {
      await handle.close();
    },
  };
}
