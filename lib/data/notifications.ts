import 'server-only';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { notifications, users } from '@/db/schema';
import type { Actor } from './users';
import { isUuid } from './workflow/apply-event';

export type NotificationDto = {
  id: string;
  kind: string;
  message: string;
  articleId: string | null;
  actorName: string | null;
  createdAt: Date;
  readAt: Date | null;
};

/** The person's own notifications, newest first. Nobody reads anyone else's. */
export async function listNotificationsForActor(actor: Actor, options: { limit?: number } = {}): Promise<NotificationDto[]> {
  const db = await getDb();
  const sender = alias(users, 'sender');
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      message: notifications.message,
      articleId: notifications.articleId,
      actorName: sender.displayName,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(sender, eq(sender.id, notifications.actorId))
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.createdAt))
    .limit(Math.min(options.limit ?? 100, 200));
}

/** Marks some (or all) of the person's own notifications read; others' ids are ignored. Returns how many changed. */
export async function markNotificationsReadForActor(actor: Actor, input: { ids: string[] | 'all' }): Promise<number> {
  const db = await getDb();
  const ids = input.ids === 'all' ? null : input.ids.filter(isUuid);
  if (ids && ids.length === 0) return 0;
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
    .returning({ id: notifications.id });
  return rows.length;
}
