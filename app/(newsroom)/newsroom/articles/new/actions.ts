'use server';

import { redirect, unstable_rethrow } from 'next/navigation';
import * as z from 'zod';
import { requireActor } from '@/lib/auth/current-user';
import { createDraftForActor } from '@/lib/data/article-editing';
import { TITLE_MAX_LENGTH } from '@/lib/editor/limits';
import { fromZodError, toActionError, type ActionResult } from '@/lib/errors';

const schema = z.object({
  title: z.string().max(TITLE_MAX_LENGTH).optional().default(''),
  sectionId: z.union([z.uuid(), z.literal('')]).optional(),
});

/** Creates a draft and opens it in the editor. */
export async function createArticle(_previous: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  let id: string;
  try {
    const parsed = schema.safeParse({ title: formData.get('title') ?? '', sectionId: formData.get('sectionId') ?? '' });
    if (!parsed.success) throw fromZodError(parsed.error);
    const actor = await requireActor();
    ({ id } = await createDraftForActor(actor, { title: parsed.data.title, sectionId: parsed.data.sectionId || null }));
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
  redirect(`/newsroom/articles/${id}`);
}
