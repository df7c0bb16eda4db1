/**
 * Scheduled publishing: publishes every scheduled article whose time has come. Shared with scripts/publish-due.ts
 * (no 'server-only'; see publication.ts); Next code calls `publishDueArticles` from ./index.ts.
 */
import { and, eq, lte } from 'drizzle-orm';
import type { Database } from '@/db/open-database';
import { articles, auditEvents } from '@/db/schema';
import { sendMailQuietly, type MailMessage } from '@/lib/notify';
import { SYSTEM_ACTOR, transition } from '@/lib/workflow';
import { notifyWorkflowStep } from './notify-people';
import { publishWorkingCopy } from './publication';

/**
 * One atomic `UPDATE articles SET status = 'published' WHERE status = 'scheduled' AND publish_at <= now RETURNING`,
 * then, in the same transaction, each article's published revision, audit event (the system as actor) and
 * notifications. Idempotent and safe with several app instances: a second run at the same moment waits for the
 * first one's row locks, finds the rows no longer scheduled, and publishes nothing. Returns the published ids.
 */
export async function publishDueArticlesInDb(
  db: Database,
  now: Date,
  options: { siteUrl?: string } = {},
): Promise<string[]> {
  let mail: MailMessage[] = [];
  const ids = await db.transaction(async (tx) => {
    const due = await tx
      .update(articles)
      .set({ status: 'published', updatedAt: now })
      .where(and(eq(articles.status, 'scheduled'), lte(articles.publishAt, now)))
      .returning();
    const published: string[] = [];
    for (const article of due) {
      // The machine agrees by construction (scheduled → published by the system); checked so it can never drift.
      const result = transition({ status: 'scheduled', authorId: article.authorId }, 'publish_due', SYSTEM_ACTOR);
      if (!result.ok) throw new Error(`publish_due refused by the workflow: ${result.code}`);
      const publication = await publishWorkingCopy(tx, article, { now, actorId: null });
      await tx.insert(auditEvents).values({
        at: now,
        actorId: null,
        action: 'article.publish_due',
        articleId: article.id,
        fromStatus: 'scheduled',
        toStatus: 'published',
        details: {
          version: publication.version,
          revisionId: publication.revisionId,
          publishAt: article.publishAt?.toISOString() ?? null,
          ...(publication.redirectedFrom ? { redirectedFrom: publication.redirectedFrom } : {}),
        },
      });
      mail = mail.concat(
        await notifyWorkflowStep(tx, {
          event: 'publish_due',
          articleId: article.id,
          title: article.title,
          authorId: article.authorId,
          actorId: null,
          comment: null,
          ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
        }),
      );
      published.push(article.id);
    }
    return published;
  });
  await sendMailQuietly(mail);
  return ids;
}
