/**
 * In-app notifications and e-mails for workflow steps. Shared with scripts (no 'server-only'; see publication.ts).
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '@/db/open-database';
import { notifications, users } from '@/db/schema';
import type { MailMessage } from '@/lib/notify';
import { EVENT_HISTORY_LABELS } from '@/lib/workflow/labels';
import type { WorkflowEvent } from '@/lib/workflow/states';

/** Who hears about a step: the editors (a story waits for them) or the author (their story moved). */
const AUDIENCE: Partial<Record<WorkflowEvent, 'editorial' | 'author'>> = {
  submit: 'editorial',
  request_changes: 'author',
  approve: 'author',
  schedule: 'author',
  publish: 'author',
  publish_due: 'author',
  unpublish: 'author',
};

export function notificationMessage(event: WorkflowEvent, title: string, comment: string | null): string {
  const base = `«${title}»: ${EVENT_HISTORY_LABELS[event]}`;
  return comment ? `${base} — ${comment}` : base;
}

/**
 * Stores the notifications of a workflow step (inside the step's transaction) and returns the e-mails to send once
 * it has committed. The person who acted is never notified of their own step.
 */
export async function notifyWorkflowStep(
  tx: Database,
  step: {
    event: WorkflowEvent;
    articleId: string;
    title: string;
    authorId: string;
    actorId: string | null;
    comment: string | null;
    siteUrl?: string;
  },
): Promise<MailMessage[]> {
  const audience = AUDIENCE[step.event];
  if (!audience) return [];
  const active = eq(users.disabled, false);
  const recipients =
    audience === 'editorial'
      ? await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(and(active, inArray(users.role, ['editor', 'admin']), step.actorId ? ne(users.id, step.actorId) : undefined))
      : await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(and(active, eq(users.id, step.authorId)));
  const targets = recipients.filter((user) => user.id !== step.actorId);
  if (targets.length === 0) return [];
  const message = notificationMessage(step.event, step.title, step.comment);
  await tx.insert(notifications).values(
    targets.map((user) => ({
      userId: user.id,
      kind: step.event,
      articleId: step.articleId,
      actorId: step.actorId,
      message,
    })),
  );
  const link = step.siteUrl ? `\n${step.siteUrl.replace(/\/$/, '')}/newsroom/articles/${step.articleId}/history` : '';
  return targets.map((user) => ({ to: user.email, subject: message, text: `${message}${link}` }));
}
