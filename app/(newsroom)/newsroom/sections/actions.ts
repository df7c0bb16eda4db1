'use server';

import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import * as z from 'zod';
import { requireActor } from '@/lib/auth/current-user';
import { createSectionForActor, type SectionSummary } from '@/lib/data/sections';
import { SECTION_NAME_MAX_LENGTH } from '@/lib/editor/limits';
import { actionOk, fromZodError, toActionError, type ActionResult } from '@/lib/errors';

const schema = z.object({ name: z.string().trim().min(1).max(SECTION_NAME_MAX_LENGTH) });

/** Adds a section (admins only: checked in the data layer). */
export async function createSection(_previous: ActionResult<SectionSummary> | null, formData: FormData): Promise<ActionResult<SectionSummary>> {
  try {
    const parsed = schema.safeParse({ name: formData.get('name') ?? '' });
    if (!parsed.success) throw fromZodError(parsed.error);
    const actor = await requireActor();
    const section = await createSectionForActor(actor, parsed.data.name);
    revalidatePath('/newsroom/sections');
    return actionOk(section);
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
}
