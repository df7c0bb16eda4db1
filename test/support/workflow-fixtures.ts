/**
 * Test data for the workflow, revisions, comments and users tests: people by role and articles by status, written
 * straight into a test database, plus a snapshot of every table a refused call must leave alone.
 */
import { asc, sql } from 'drizzle-orm';
import type { Database } from '../../db/open-database';
import {
  articleEntities,
  articleRevisions,
  articles,
  auditEvents,
  comments,
  entities,
  notifications,
  sections,
  slugRedirects,
  users,
} from '../../db/schema';
import { documentFromParagraphs, extractPlainText } from '../../lib/content';
import type { Actor } from '../../lib/data/users';
import type { ArticleState, Role } from '../../lib/workflow/states';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

/** A user row whose hash no password matches (these people never sign in). */
export async function createTestUser(db: Database, role: Role, displayName = `${role} ${next()}`): Promise<Actor> {
  const email = `${role}-${next()}@example.test`;
  const [row] = await db
    .insert(users)
    .values({ email, displayName, role, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$invalid$invalid' })
    .returning();
  if (!row) throw new Error('no user');
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role };
}

export type TestArticleOptions = {
  authorId: string;
  status?: ArticleState;
  title?: string;
  paragraphs?: string[];
  slug?: string;
  publishAt?: Date | null;
};

export async function createTestArticle(db: Database, options: TestArticleOptions) {
  const title = options.title ?? `خبر ${next()}`;
  const body = documentFromParagraphs(options.paragraphs ?? ['أعلنت الحكومة في بغداد اليوم خطة جديدة.']);
  const [row] = await db
    .insert(articles)
    .values({
      title,
      slug: options.slug ?? `khabar-${next()}`,
      dek: 'موجز الخبر',
      body,
      bodyText: extractPlainText(body),
      status: options.status ?? 'draft',
      authorId: options.authorId,
      publishAt: options.publishAt ?? null,
    })
    .returning();
  if (!row) throw new Error('no article');
  return row;
}

/** Every row of the tables the newsroom writes, in a stable order: equal snapshots mean nothing changed. */
export async function snapshotTables(db: Database): Promise<string> {
  const dump = {
    users: await db.select().from(users).orderBy(asc(users.id)),
    articles: await db.select().from(articles).orderBy(asc(articles.id)),
    revisions: await db.select().from(articleRevisions).orderBy(asc(articleRevisions.id)),
    audit: await db.select().from(auditEvents).orderBy(asc(auditEvents.id)),
    comments: await db.select().from(comments).orderBy(asc(comments.id)),
    notifications: await db.select().from(notifications).orderBy(asc(notifications.id)),
    redirects: await db.select().from(slugRedirects).orderBy(asc(slugRedirects.id)),
    entities: await db.select().from(articleEntities).orderBy(asc(articleEntities.articleId), asc(articleEntities.entityId)),
    registry: await db.select().from(entities).orderBy(asc(entities.id)),
    sections: await db.select().from(sections).orderBy(asc(sections.id)),
  };
  return JSON.stringify(dump);
}

export async function countRows(db: Database, table: typeof auditEvents | typeof articleRevisions | typeof notifications, where?: ReturnType<typeof sql>) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return row?.n ?? 0;
}
