import 'server-only';
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, notifications, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { isEditorial } from '@/lib/workflow';
import type { ArticleState } from '@/lib/workflow/states';
import type { Actor } from './users';

export type QueueArticle = {
  id: string;
  title: string;
  slug: string;
  status: ArticleState;
  authorName: string;
  updatedAt: Date;
  publishAt: Date | null;
  publishedAt: Date | null;
};

export type Dashboard = {
  myDrafts: QueueArticle[];
  changesRequested: QueueArticle[];
  myInReview: QueueArticle[];
  /** Editors and admins only (null for writers). */
  editorial: {
    reviewQueue: QueueArticle[];
    approved: QueueArticle[];
    scheduled: QueueArticle[];
    recentPublications: QueueArticle[];
  } | null;
};

const LIMIT = 50;

async function queue(where: SQL | undefined, orderBy: SQL[], limit = LIMIT): Promise<QueueArticle[]> {
  const db = await getDb();
  return db
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      status: articles.status,
      authorName: users.displayName,
      updatedAt: articles.updatedAt,
      publishAt: articles.publishAt,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(where)
    .orderBy(...orderBy)
    .limit(limit);
}

const mine = (actor: Actor, status: ArticleState) => and(eq(articles.authorId, actor.id), eq(articles.status, status));

/** The newsroom home: the person's own work, and for editors the queues of the desk. */
export async function getDashboardForActor(actor: Actor): Promise<Dashboard> {
  const [myDrafts, changesRequested, myInReview] = await Promise.all([
    queue(mine(actor, 'draft'), [desc(articles.updatedAt)]),
    queue(mine(actor, 'changes_requested'), [desc(articles.updatedAt)]),
    queue(mine(actor, 'in_review'), [desc(articles.updatedAt)]),
  ]);
  if (!isEditorial(actor)) return { myDrafts, changesRequested, myInReview, editorial: null };
  const [reviewQueue, approved, scheduled, recentPublications] = await Promise.all([
    listReviewQueueForActor(actor),
    queue(eq(articles.status, 'approved'), [asc(articles.updatedAt)]),
    queue(eq(articles.status, 'scheduled'), [asc(articles.publishAt)]),
    queue(eq(articles.status, 'published'), [desc(articles.publishedAt)], 10),
  ]);
  return { myDrafts, changesRequested, myInReview, editorial: { reviewQueue, approved, scheduled, recentPublications } };
}

/** Articles waiting for review, oldest first: editors and admins only. */
export async function listReviewQueueForActor(actor: Actor): Promise<QueueArticle[]> {
  if (!isEditorial(actor)) throw new AppError('forbidden');
  return queue(eq(articles.status, 'in_review'), [asc(articles.updatedAt)]);
}

export type NavigationCounts = { review: number | null; unreadNotifications: number };

/** The counts in the newsroom navigation: the review queue (editors) and unread notifications. */
export async function getNavigationCountsForActor(actor: Actor): Promise<NavigationCounts> {
  const db = await getDb();
  const [unread] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
  let review: number | null = null;
  if (isEditorial(actor)) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(articles).where(eq(articles.status, 'in_review'));
    review = row?.n ?? 0;
  }
  return { review, unreadNotifications: unread?.n ?? 0 };
}
