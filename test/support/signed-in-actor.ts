/**
 * A stand-in for lib/auth/current-user (the session layer) in data-layer and action tests: whoever `signInAs` names
 * is the signed-in person; everything below the session layer stays real. vi.mock is hoisted per file, so each test
 * file keeps its own one-line mock that loads this module:
 *
 *   vi.mock('@/lib/auth/current-user', () => import('@/test/support/signed-in-actor'));
 *   import { signInAs } from '@/test/support/signed-in-actor';
 *
 * The factory's dynamic import and the test's static import resolve to the same module instance, so `signInAs`
 * changes what the mocked `requireActor` returns.
 */
import type * as CurrentUser from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/data/users';

let signedIn: Actor | null = null;

/** Signs `actor` in for the calls that follow; null signs everyone out (anonymous). */
export function signInAs(actor: Actor | null): void {
  signedIn = actor;
}

export const getCurrentActor: typeof CurrentUser.getCurrentActor = async () => signedIn;

export const requireActor: typeof CurrentUser.requireActor = async () => {
  if (!signedIn) throw new AppError('unauthenticated');
  return signedIn;
};

// Data-layer code takes its actor from requireActor; pages (and role checks made before the data layer) are not
// exercised by these tests, so a call to either fails loudly instead of passing by accident.
export const requireRole: typeof CurrentUser.requireRole = async () => {
  throw new Error('requireRole is not used by the data layer under test');
};

export const requireActorForPage: typeof CurrentUser.requireActorForPage = async () => {
  throw new Error('requireActorForPage is not used by the data layer under test');
};
