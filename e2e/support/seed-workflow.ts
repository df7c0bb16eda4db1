/**
 * Test data for e2e/workflow.spec.ts, written straight into the Postgres database of the e2e server: articles by
 * status (with their revisions), and reads of what the server wrote.
 */
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../db/open-database';
import { articleRevisions, articles, auditEvents, users } from '../../db/schema';
import { documentFromParagraphs, extractPlainText } from '../../lib/content';
import type { ArticleState } from '../../lib/workflow/states';
import { readE2eState } from './state';

export type SeedArticle = {
  authorEmail: string;
  status: ArticleState;
  title: string;
  paragraphs: string[];
  /** Older texts of the story, oldest first: each becomes a revision before the working copy's. */
  history?: Array<{ title: string; paragraphs: string[] }>;
};

export class WorkflowSeed {
  private constructor(private readonly handle: DatabaseHandle) {}

  static async open(): Promise<WorkflowSeed> {
    const { databaseUrl } = readE2eState();
    return new WorkflowSeed(await openDatabase({ DATABASE_URL: databaseUrl, PGLITE_DIR: '' }, { maxConnections: 2 }));
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  get db() {
    return this.handle.db;
  }

  async userId(email: string): Promise<string> {
    const [row] = await this.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!row) throw new Error(`no user ${email}`);
    return row.id;
  }

  /** An article in the given status, with one revision per text (history then the working copy). Published ones get
   * their published revision, as the workflow would have made it. */
  async article(input: SeedArticle): Promise<{ id: string; slug: string; version: number }> {
    const authorId = await this.userId(input.authorEmail);
    const slug = `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const texts = [...(input.history ?? []), { title: input.title, paragraphs: input.paragraphs }];
    return this.db.transaction(async (tx) => {
      const last = texts.at(-1)!;
      const body = documentFromParagraphs(last.paragraphs);
      const [article] = await tx
        .insert(articles)
        .values({
          slug,
          title: last.title,
          dek: 'موجز للاختبار',
          body,
          bodyText: extractPlainText(body),
          status: input.status,
          authorId,
          version: texts.length,
        })
        .returning();
      let revisionId = '';
      for (const [index, text] of texts.entries()) {
        const revisionBody = documentFromParagraphs(text.paragraphs);
        const at = new Date(Date.now() - (texts.length - index) * 60_000);
        const [revision] = await tx
          .insert(articleRevisions)
          .values({
            articleId: article!.id,
            version: index + 1,
            title: text.title,
            dek: 'موجز للاختبار',
            slug,
            body: revisionBody,
            bodyText: extractPlainText(revisionBody),
            authorId,
            createdAt: at,
            updatedAt: at,
            publishedAt: input.status === 'published' && index === texts.length - 1 ? at : null,
          })
          .returning();
        revisionId = revision!.id;
      }
      if (input.status === 'published') {
        await tx.update(articles).set({ publishedRevisionId: revisionId, publishedAt: new Date() }).where(eq(articles.id, article!.id));
      }
      return { id: article!.id, slug, version: texts.length };
    });
  }

  /** Changes the working copy as a save would (new version), without publishing it. */
  async editWorkingCopy(articleId: string, edit: { title: string; paragraphs: string[] }): Promise<void> {
    const body = documentFromParagraphs(edit.paragraphs);
    await this.db
      .update(articles)
      .set({ title: edit.title, body, bodyText: extractPlainText(body), version: sql`${articles.version} + 1`, updatedAt: new Date() })
      .where(eq(articles.id, articleId));
  }

  async get(articleId: string) {
    const [row] = await this.db.select().from(articles).where(eq(articles.id, articleId));
    if (!row) throw new Error('no article');
    return row;
  }

  async revisions(articleId: string) {
    return this.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, articleId)).orderBy(articleRevisions.version);
  }

  async auditCount(articleId: string, action: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(and(eq(auditEvents.articleId, articleId), eq(auditEvents.action, action)));
    return row?.n ?? 0;
  }
}
