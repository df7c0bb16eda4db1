/**
 * One workflow step on one article, in one transaction. Shared with scripts (no 'server-only'; see publication.ts);
 * Next code calls `applyWorkflowEventForActor` from ./index.ts.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/open-database';
import { articles, auditEvents } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { sendMailQuietly, type MailMessage } from '@/lib/notify';
import { zonedLocalToUtc } from '@/lib/time/zoned';
import { canView, isMeaningfulComment, transition } from '@/lib/workflow';
import type { ArticleState, UserActor, WorkflowEvent } from '@/lib/workflow/states';
import { notifyWorkflowStep } from './notify-people';
import { publishWorkingCopy, type PublicNote } from './publication';

export const MAX_COMMENT_LENGTH = 4000;
export const MAX_NOTE_LENGTH = 2000;
/** How far ahead a schedule may be set. */
const MAX_SCHEDULE_AHEAD_MS = 2 * 366 * 24 * 3_600_000;

export type WorkflowEventInput = {
  articleId: string;
  event: WorkflowEvent;
  /** The article version the person saw; a different current version is refused with `version_conflict`. */
  expectedVersion?: number | undefined;
  comment?: string | null | undefined;
  /** For `schedule`: a local date-time ("YYYY-MM-DDTHH:mm") in the newsroom's time zone. */
  publishAt?: string | null | undefined;
  /** For `publish_update`: a public, dated note of update or correction. */
  note?: PublicNote | null | undefined;
};

export type WorkflowSettings = {
  fourEyes: boolean;
  /** The newsroom's time zone (MIDAD_TIME_ZONE), for `publishAt`. */
  timeZone: string;
  siteUrl?: string;
  now?: () => Date;
};

export type WorkflowOutcome = {
  articleId: string;
  event: WorkflowEvent;
  from: ArticleState;
  to: ArticleState;
  version: number;
  publishAt: Date | null;
  publishedRevisionId: string | null;
  /** Whether readers' pages changed (publish, update, unpublish): the caller revalidates them. */
  publicPagesChanged: boolean;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

const PUBLISHING_EVENTS: readonly WorkflowEvent[] = ['publish', 'publish_update', 'publish_due'];

/**
 * Applies `input.event` to the article as `actor`: loads the article `FOR UPDATE`, asks the state machine, and
 * either refuses with its typed code (changing nothing) or updates the status (guarded by the status it had, so two
 * people doing the same thing at once do it once), publishes the working copy when the step publishes, writes the
 * audit event and the notifications — all in one transaction — then sends the e-mails.
 */
export async function applyWorkflowEventInDb(
  db: Database,
  actor: UserActor,
  input: WorkflowEventInput,
  settings: WorkflowSettings,
): Promise<WorkflowOutcome> {
  const now = settings.now?.() ?? new Date();
  if (!isUuid(input.articleId)) throw new AppError('not_found');
  const comment = isMeaningfulComment(input.comment) ? input.comment.trim() : null;
  if (comment && comment.length > MAX_COMMENT_LENGTH) {
    throw new AppError('validation_failed', { fieldErrors: { comment: [`الملاحظة أطول من ${MAX_COMMENT_LENGTH} حرف.`] } });
  }
  const note = validateNote(input);

  let mail: MailMessage[] = [];
  const outcome = await db.transaction(async (tx) => {
    const [article] = await tx.select().from(articles).where(eq(articles.id, input.articleId)).for('update');
    // Someone who may not see the article learns nothing about it, not even that it exists.
    if (!article || !canView(article, actor)) throw new AppError('not_found');

    const result = transition(article, input.event, actor, { fourEyes: settings.fourEyes, comment });
    if (!result.ok) throw new AppError(result.code);
    if (input.expectedVersion !== undefined && input.expectedVersion !== article.version) {
      throw new AppError('version_conflict');
    }
    const publishAt = input.event === 'schedule' ? parseSchedule(input.publishAt, settings.timeZone, now) : null;

    const [updated] = await tx
      .update(articles)
      .set({ status: result.to, publishAt, updatedAt: now })
      .where(
        and(
          eq(articles.id, article.id),
          eq(articles.status, result.from),
          input.expectedVersion === undefined ? undefined : eq(articles.version, input.expectedVersion),
        ),
      )
      .returning();
    if (!updated) throw new AppError('transition_invalid');

    let version = updated.version;
    let publishedRevisionId = updated.publishedRevisionId;
    const details: Record<string, unknown> = { version };
    if (PUBLISHING_EVENTS.includes(input.event)) {
      const published = await publishWorkingCopy(tx, updated, { now, note, actorId: actor.id });
      version = published.version;
      publishedRevisionId = published.revisionId;
      Object.assign(details, { version, revisionId: published.revisionId });
      if (published.redirectedFrom) details.redirectedFrom = published.redirectedFrom;
      if (note) details.note = note;
    }
    if (publishAt) details.publishAt = publishAt.toISOString();

    await tx.insert(auditEvents).values({
      at: now,
      actorId: actor.id,
      action: `article.${input.event}`,
      articleId: article.id,
      fromStatus: result.from,
      toStatus: result.to,
      comment,
      details,
    });
    mail = await notifyWorkflowStep(tx, {
      event: input.event,
      articleId: article.id,
      title: article.title,
      authorId: article.authorId,
      actorId: actor.id,
      comment,
      ...(settings.siteUrl ? { siteUrl: settings.siteUrl } : {}),
    });
    return {
      articleId: article.id,
      event: input.event,
      from: result.from,
      to: result.to,
      version,
      publishAt,
      publishedRevisionId,
      publicPagesChanged: PUBLISHING_EVENTS.includes(input.event) || input.event === 'unpublish',
    } satisfies WorkflowOutcome;
  });
  await sendMailQuietly(mail);
  return outcome;
}

function validateNote(input: WorkflowEventInput): PublicNote | null {
  const note = input.note;
  if (!note) return null;
  const text = note.text.trim();
  if (text === '') return null;
  if (input.event !== 'publish_update') {
    throw new AppError('validation_failed', { fieldErrors: { note: ['ملاحظة التحديث أو التصحيح تُرفق بنشر تحديث فقط.'] } });
  }
  if (note.kind !== 'update' && note.kind !== 'correction') {
    throw new AppError('validation_failed', { fieldErrors: { noteKind: ['اختر نوع الملاحظة: تحديث أو تصحيح.'] } });
  }
  if (text.length > MAX_NOTE_LENGTH) {
    throw new AppError('validation_failed', { fieldErrors: { note: [`الملاحظة أطول من ${MAX_NOTE_LENGTH} حرف.`] } });
  }
  return { kind: note.kind, text };
}

/** A schedule entered in the newsroom's time zone, as a UTC instant in the future (but not absurdly far). */
export function parseSchedule(local: string | null | undefined, timeZone: string, now: Date): Date {
  const at = local ? zonedLocalToUtc(local, timeZone) : null;
  if (!at || at.getTime() <= now.getTime() || at.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_MS) {
    throw new AppError('invalid_schedule');
  }
  return at;
}
