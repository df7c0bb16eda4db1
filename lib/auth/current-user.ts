import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { findSessionUser, type Actor } from '@/lib/data/users';
import type { Role } from '@/lib/workflow/states';
import { getAuthOptions } from './auth-options';

/**
 * The signed-in user, re-read from the database on every call (so a disabled user, a changed role or a changed
 * password counts at once), or null.
 */
export async function getCurrentActor(): Promise<Actor | null> {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user;
  if (!user?.id || typeof user.sessionVersion !== 'number') return null;
  return findSessionUser({ userId: user.id, sessionVersion: user.sessionVersion });
}

/** For data-layer calls: the actor, or an `unauthenticated` error. */
export async function requireActor(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) throw new AppError('unauthenticated');
  return actor;
}

/** For data-layer calls that need one of `roles`. */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const actor = await requireActor();
  if (!roles.includes(actor.role)) throw new AppError('forbidden');
  return actor;
}

/** For newsroom pages: the actor, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireActorForPage(returnTo: string): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
