'use server';

import { unstable_rethrow } from 'next/navigation';
import * as z from 'zod';
import { requireActor } from '@/lib/auth/current-user';
import { checkArticleSlugForActor, isVersionConflictError, saveArticleContentForActor } from '@/lib/data/article-editing';
import { isBodyOverCap, saveArticleInputSchema } from '@/lib/editor/save-input';
import type { SaveArticleResult, SlugCheck } from '@/lib/editor/types';
import { actionOk, AppError, fromZodError, toActionError, type ActionResult } from '@/lib/errors';

/** Saves the working copy of an article; a stale save answers with the server's copy for the conflict view. */
export async function saveArticle(input: unknown): Promise<SaveArticleResult> {
  try {
    const parsed = saveArticleInputSchema.safeParse(input);
    if (!parsed.success) throw fromZodError(parsed.error);
    if (isBodyOverCap(parsed.data.body)) throw new AppError('document_too_large');
    const actor = await requireActor();
    return actionOk(await saveArticleContentForActor(actor, parsed.data));
  } catch (err) {
    unstable_rethrow(err);
    if (isVersionConflictError(err)) return { ...toActionError(err), conflict: err.current };
    return toActionError(err);
  }
}

const slugCheckSchema = z.object({ id: z.uuid(), slug: z.string().max(400) });

/** Whether a slug is valid and free for this article, with a suggestion when it is not. */
export async function checkArticleSlug(input: unknown): Promise<ActionResult<SlugCheck>> {
  try {
    const parsed = slugCheckSchema.safeParse(input);
    if (!parsed.success) throw fromZodError(parsed.error);
    const actor = await requireActor();
    return actionOk(await checkArticleSlugForActor(actor, parsed.data.id, parsed.data.slug.trim()));
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
}
