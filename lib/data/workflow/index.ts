import 'server-only';
import { getDb } from '@/db/client';
import { getEnv } from '@/lib/config/env';
import { requireActor } from '@/lib/auth/current-user';
import type { Actor } from '@/lib/data/users';
import { revalidateArticlePages } from '@/lib/data/revalidate';
import { applyWorkflowEventInDb, type WorkflowEventInput, type WorkflowOutcome } from './apply-event';
import { publishDueArticlesInDb } from './publish-due';

export type { WorkflowEventInput, WorkflowOutcome } from './apply-event';
export type { PublicNote } from './publication';

/**
 * A workflow step by a signed-in person (see apply-event.ts): refused with a typed AppError and no change, or done
 * in one transaction; then readers' pages are revalidated when they changed.
 */
export async function applyWorkflowEventForActor(actor: Actor, input: WorkflowEventInput): Promise<WorkflowOutcome> {
  const env = getEnv();
  const outcome = await applyWorkflowEventInDb(await getDb(), actor, input, {
    fourEyes: env.MIDAD_FOUR_EYES,
    timeZone: env.MIDAD_TIME_ZONE,
    siteUrl: env.MIDAD_SITE_URL,
  });
  if (outcome.publicPagesChanged) await revalidateArticlePages([outcome.articleId]);
  return outcome;
}

/** The same, for the person signed in to this request. */
export async function applyWorkflowEvent(input: WorkflowEventInput): Promise<WorkflowOutcome> {
  return applyWorkflowEventForActor(await requireActor(), input);
}

/** Publishes what is due at `now` (the in-process ticker and tests); see publish-due.ts. */
export async function publishDueArticles(now: Date = new Date()): Promise<string[]> {
  const ids = await publishDueArticlesInDb(await getDb(), now, { siteUrl: getEnv().MIDAD_SITE_URL });
  await revalidateArticlePages(ids);
  return ids;
}
