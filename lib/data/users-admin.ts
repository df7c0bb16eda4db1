import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { assertPasswordPolicy } from '@/lib/auth/password-policy';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/workflow/states';
import { createUserAccount, passwordSchema, type NewUser } from './user-accounts';
import type { Actor } from './users';
import { isUuid } from './workflow/apply-event';

/**
 * User management, for admins only. Every role change, disabling and password reset bumps the user's
 * session_version, so their open sessions end at their next request (lib/auth compares it), and writes an audit
 * event. Admins cannot change their own role or disable themselves (so the newsroom never locks itself out).
 */

export type ManagedUser = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
};

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('forbidden');
}

export async function listUsersForActor(actor: Actor): Promise<ManagedUser[]> {
  requireAdmin(actor);
  const db = await getDb();
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      disabled: users.disabled,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.disabled), asc(users.displayName));
}

export async function createUserForActor(actor: Actor, input: NewUser): Promise<{ id: string }> {
  requireAdmin(actor);
  const { id } = await createUserAccount(await getDb(), input, actor.id);
  return { id };
}

async function changeUser(
  actor: Actor,
  userId: string,
  change: (current: typeof users.$inferSelect) => { set: Partial<typeof users.$inferInsert>; action: string; details: Record<string, unknown> } | null,
): Promise<void> {
  requireAdmin(actor);
  if (!isUuid(userId)) throw new AppError('not_found');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!current) throw new AppError('not_found');
    const planned = change(current);
    if (!planned) return;
    await tx
      .update(users)
      .set({ ...planned.set, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, userId)));
    await tx.insert(auditEvents).values({ actorId: actor.id, action: planned.action, targetUserId: userId, details: planned.details });
  });
}

const SELF_MESSAGE = 'لا يمكنك تغيير دورك أو إيقاف حسابك بنفسك. يُرجى أن يقوم بذلك مدير آخر.';

export async function changeUserRoleForActor(actor: Actor, input: { userId: string; role: Role }): Promise<void> {
  if (actor.id === input.userId && actor.role === 'admin') throw new AppError('forbidden', { messageAr: SELF_MESSAGE });
  await changeUser(actor, input.userId, (current) =>
    current.role === input.role
      ? null
      : { set: { role: input.role }, action: 'user.role_change', details: { from: current.role, to: input.role } },
  );
}

export async function setUserDisabledForActor(actor: Actor, input: { userId: string; disabled: boolean }): Promise<void> {
  if (actor.id === input.userId && actor.role === 'admin') throw new AppError('forbidden', { messageAr: SELF_MESSAGE });
  await changeUser(actor, input.userId, (current) =>
    current.disabled === input.disabled
      ? null
      : { set: { disabled: input.disabled }, action: input.disabled ? 'user.disable' : 'user.enable', details: {} },
  );
}

export async function resetUserPasswordForActor(actor: Actor, input: { userId: string; password: string }): Promise<void> {
  requireAdmin(actor);
  const parsed = passwordSchema.safeParse(input.password);
  if (!parsed.success) {
    throw new AppError('validation_failed', { fieldErrors: { password: parsed.error.issues.map((issue) => issue.message) } });
  }
  if (!isUuid(input.userId)) throw new AppError('not_found');
  const db = await getDb();
  const [target] = await db.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
  if (!target) throw new AppError('not_found');
  assertPasswordPolicy(parsed.data, { email: target.email });
  const passwordHash = await hashPassword(parsed.data);
  await changeUser(actor, input.userId, () => ({ set: { passwordHash }, action: 'user.password_reset', details: {} }));
}
