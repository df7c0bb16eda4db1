import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { getDb, type Database } from '@/db/client';
import { articles, auditEvents, users } from '@/db/schema';
import { requireActor } from '@/lib/auth/current-user';
import { AppError, fromZodError } from '@/lib/errors';
import type { ArticleState } from '@/lib/workflow/states';
import type { Actor } from './users';

/** The security events this module writes; workflow transitions use their own action names. */
export const AUDIT_ACTIONS = {
  signIn: 'auth.sign_in',
  signInFailed: 'auth.sign_in_failed',
  sessionsEnded: 'auth.sessions_ended',
} as const;

/** Anything that can run a statement: the database or a transaction. */
type Executor = Pick<Database, 'insert'>;

export type NewAuditEvent = {
  action: string;
  actorId?: string | null;
  targetUserId?: string | null;
  articleId?: string | null;
  entityId?: string | null;
  fromStatus?: ArticleState | null;
  toStatus?: ArticleState | null;
  comment?: string | null;
  /** Never a password or a secret: emails, reasons, counts. */
  details?: Record<string, unknown>;
  ip?: string | null;
};

/** Appends one event to the audit trail (inside the caller's transaction when given one). */
export async function recordAuditEvent(executor: Executor, event: NewAuditEvent): Promise<void> {
  await executor.insert(auditEvents).values({
    action: event.action,
    actorId: event.actorId ?? null,
    targetUserId: event.targetUserId ?? null,
    articleId: event.articleId ?? null,
    entityId: event.entityId ?? null,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    comment: event.comment ?? null,
    details: event.details ?? {},
    ip: event.ip ?? null,
  });
}

// ── Reading the trail (admins) ────────────────────────────────────────────────

export const AUDIT_PAGE_SIZE = 50;

export const auditFiltersSchema = z.object({
  action: z.string().trim().max(100).optional(),
  /** Cursor: the id of the last event of the previous page. */
  before: z.uuid().optional(),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export type AuditEventView = {
  id: string;
  at: Date;
  action: string;
  actorName: string | null;
  actorEmail: string | null;
  targetUserName: string | null;
  targetUserEmail: string | null;
  articleId: string | null;
  articleTitle: string | null;
  fromStatus: ArticleState | null;
  toStatus: ArticleState | null;
  comment: string | null;
  /** Only the plain values of `details` (strings, numbers, booleans), for display. */
  details: Record<string, string | number | boolean>;
  ip: string | null;
};

export type AuditPage = {
  events: AuditEventView[];
  /** Cursor of the next (older) page, or null on the last page. */
  nextCursor: string | null;
  /** Every action name present in the trail, for the filter. */
  actions: string[];
};

function plainDetails(details: Record<string, unknown>): AuditEventView['details'] {
  const kept: AuditEventView['details'] = {};
  for (const [key, value] of Object.entries(details ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') kept[key] = value;
  }
  return kept;
}

/**
 * The audit trail, newest first, `AUDIT_PAGE_SIZE` events a page (keyset pagination on `at, id`, so pages stay
 * stable while new events arrive). Admins only: anyone else gets `forbidden`.
 */
export async function listAuditEventsForActor(actor: Actor, input: unknown = {}): Promise<AuditPage> {
  if (actor.role !== 'admin') throw new AppError('forbidden', { detail: 'audit trail: admins only' });
  const parsed = auditFiltersSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const filters = parsed.data;

  const db = await getDb();
  const actorUser = alias(users, 'actor_user');
  const targetUser = alias(users, 'target_user');
  const conditions: SQL[] = [];
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.before) {
    // Compared in the database at full (microsecond) precision.
    conditions.push(
      sql`(${auditEvents.at}, ${auditEvents.id}) < (select c.at, c.id from ${auditEvents} c where c.id = ${filters.before})`,
    );
  }

  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorName: actorUser.displayName,
      actorEmail: actorUser.email,
      targetUserName: targetUser.displayName,
      targetUserEmail: targetUser.email,
      articleId: auditEvents.articleId,
      articleTitle: articles.title,
      fromStatus: auditEvents.fromStatus,
      toStatus: auditEvents.toStatus,
      comment: auditEvents.comment,
      details: auditEvents.details,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorId))
    .leftJoin(targetUser, eq(targetUser.id, auditEvents.targetUserId))
    .leftJoin(articles, eq(articles.id, auditEvents.articleId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1);

  const events = rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({ ...row, details: plainDetails(row.details) }));
  const last = events.at(-1);
  const nextCursor = rows.length > AUDIT_PAGE_SIZE && last ? last.id : null;
  const actionRows = await db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .orderBy(sql`1`);
  return { events, nextCursor, actions: actionRows.map((row) => row.action) };
}

/** For the audit page: the signed-in actor's view of the trail. */
export async function listAuditEvents(input: unknown = {}): Promise<AuditPage> {
  return listAuditEventsForActor(await requireActor(), input);
}
