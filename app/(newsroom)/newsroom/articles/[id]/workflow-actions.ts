'use server';

import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { requireActor } from '@/lib/auth/current-user';
import { addCommentForActor, MAX_ANCHOR_QUOTE, MAX_COMMENT_BODY, setCommentResolvedForActor } from '@/lib/data/comments';
import { restoreRevisionForActor } from '@/lib/data/revisions';
import { applyWorkflowEventForActor } from '@/lib/data/workflow';
import { MAX_COMMENT_LENGTH, MAX_NOTE_LENGTH } from '@/lib/data/workflow/apply-event';
import { actionOk, fromZodError, toActionError, type ActionResult } from '@/lib/errors';
import { WORKFLOW_EVENTS, type ArticleState } from '@/lib/workflow/states';

/**
 * Server actions of the workflow, the review comments and the revision history. Thin: parse (zod, length caps) and
 * call lib/data, which authenticates and authorizes every call itself.
 */

const id = z.uuid();

const workflowEventSchema = z.object({
  articleId: id,
  event: z.enum(WORKFLOW_EVENTS),
  expectedVersion: z.number().int().positive().optional(),
  comment: z.string().max(MAX_COMMENT_LENGTH).optional(),
  publishAt: z.string().max(40).optional(),
  note: z
    .object({ kind: z.enum(['update', 'correction']), text: z.string().max(MAX_NOTE_LENGTH) })
    .nullable()
    .optional(),
});

export async function applyWorkflowEventAction(
  input: z.input<typeof workflowEventSchema>,
): Promise<ActionResult<{ status: ArticleState; version: number }>> {
  try {
    const parsed = workflowEventSchema.safeParse(input);
    if (!parsed.success) return toActionError(fromZodError(parsed.error));
    const outcome = await applyWorkflowEventForActor(await requireActor(), parsed.data);
    return actionOk({ status: outcome.to, version: outcome.version });
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
}

const addCommentSchema = z.object({
  articleId: id,
  body: z.string().max(MAX_COMMENT_BODY),
  parentId: id.nullable().optional(),
  anchor: z
    .object({
      quote: z.string().max(MAX_ANCHOR_QUOTE),
      from: z.number().int().min(0).optional(),
      to: z.number().int().min(0).optional(),
    })
    .nullable()
    .optional(),
});

export async function addCommentAction(input: z.input<typeof addCommentSchema>): Promise<ActionResult<{ id: string }>> {
  try {
    const parsed = addCommentSchema.safeParse(input);
    if (!parsed.success) return toActionError(fromZodError(parsed.error));
    return actionOk(await addCommentForActor(await requireActor(), parsed.data));
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
}

const resolveSchema = z.object({ commentId: id, resolved: z.boolean() });

export async function setCommentResolvedAction(input: z.input<typeof resolveSchema>): Promise<ActionResult<null>> {
  try {
    const parsed = resolveSchema.safeParse(input);
    if (!parsed.success) return toActionError(fromZodError(parsed.error));
    await setCommentResolvedForActor(await requireActor(), parsed.data);
    return actionOk(null);
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
}

const restoreSchema = z.object({ articleId: id, revisionId: id, expectedVersion: z.number().int().positive() });

export async function restoreRevisionAction(
  input: z.input<typeof restoreSchema>,
): Promise<ActionResult<{ version: number }>> {
  try {
    const parsed = restoreSchema.safeParse(input);
    if (!parsed.success) return toActionError(fromZodError(parsed.error));
    const { version } = await restoreRevisionForActor(await requireActor(), parsed.data);
    return actionOk({ version });
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
}
