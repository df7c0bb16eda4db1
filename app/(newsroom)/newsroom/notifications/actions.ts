'use server';

import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { requireActor } from '@/lib/auth/current-user';
import { markNotificationsReadForActor } from '@/lib/data/notifications';
import { actionOk, fromZodError, toActionError, type ActionResult } from '@/lib/errors';

const schema = z.object({ ids: z.union([z.literal('all'), z.array(z.uuid()).max(200)]) });

export async function markNotificationsReadAction(input: z.input<typeof schema>): Promise<ActionResult<{ count: number }>> {
  try {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return toActionError(fromZodError(parsed.error));
    const count = await markNotificationsReadForActor(await requireActor(), parsed.data);
    return actionOk({ count });
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
}
