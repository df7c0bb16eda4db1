'use server';

import { headers } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import { clientAddress } from '@/lib/auth/client-address';
import { getEnv } from '@/lib/config/env';
import { endAllSessions } from '@/lib/data/sessions';
import { toActionError, type ActionResult } from '@/lib/errors';

/** «تسجيل الخروج من كل الأجهزة»: ends every session of the signed-in user, then goes to sign-in. */
export async function endAllSessionsAction(): Promise<ActionResult<null>> {
  try {
    await endAllSessions({ ip: clientAddress(await headers(), getEnv().trustedProxyHops) });
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
  redirect('/signin?callbackUrl=%2Fnewsroom%2Faccount');
}
