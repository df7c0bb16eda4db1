import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { requireActor } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import { AUDIT_ACTIONS, recordAuditEvent } from './audit';
import type { Actor } from './users';

/**
 * Ends every session of the actor, on every device, this one included: bumps their session version, which every
 * request compares with the one in its token (lib/auth/current-user.ts). For someone who lost a laptop or signed in
 * on a shared computer. Recorded in the audit trail.
 */
export async function endAllSessionsForActor(actor: Actor, context: { ip: string | null }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const bumped = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id))
      .returning({ sessionVersion: users.sessionVersion });
    if (bumped.length === 0) throw new AppError('unauthenticated', { detail: 'user vanished' });
    await recordAuditEvent(tx, {
      action: AUDIT_ACTIONS.sessionsEnded,
      actorId: actor.id,
      targetUserId: actor.id,
      details: { email: actor.email },
      ip: context.ip,
    });
  });
}

export async function endAllSessions(context: { ip: string | null }): Promise<void> {
  await endAllSessionsForActor(await requireActor(), context);
}
