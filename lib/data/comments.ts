import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { articles, comments, notifications, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { canComment, canView, isMeaningfulComment } from '@/lib/workflow';
import type { Actor } from './users';
import { isUuid } from './workflow/apply-event';

export const MAX_COMMENT_BODY = 4000;
export const MAX_ANCHOR_QUOTE = 500;

export type CommentAnchor = { quote: string; from: number; to: number };

export type CommentDto = {
  id: string;
  parentId: string | null;
  authorName: string;
  mine: boolean;
  body: string;
  anchor: CommentAnchor | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  replies: CommentDto[];
};

async function loadArticle(actor: Actor, articleId: string) {
  if (!isUuid(articleId)) throw new AppError('not_found');
  const db = await getDb();
  const [article] = await db
    .select({ id: articles.id, title: articles.title, status: articles.status, authorId: articles.authorId, bodyText: articles.bodyText })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!article || !canView(article, actor)) throw new AppError('not_found');
  return article;
}

/** The review comments of an article as threads (oldest first), for its author and the editors. */
export async function listCommentsForActor(actor: Actor, articleId: string): Promise<CommentDto[]> {
  const article = await loadArticle(actor, articleId);
  const db = await getDb();
  const resolver = alias(users, 'resolver');
  const rows = await db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      authorId: comments.authorId,
      authorName: users.displayName,
      body: comments.body,
      anchor: comments.anchor,
      createdAt: comments.createdAt,
      resolvedAt: comments.resolvedAt,
      resolvedByName: resolver.displayName,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(resolver, eq(resolver.id, comments.resolvedById))
    .where(eq(comments.articleId, article.id))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const byId = new Map<string, CommentDto>();
  for (const row of rows) {
    byId.set(row.id, {
      id: row.id,
      parentId: row.parentId,
      authorName: row.authorName,
      mine: row.authorId === actor.id,
      body: row.body,
      anchor: row.anchor ?? null,
      createdAt: row.createdAt,
      resolvedAt: row.resolvedAt,
      resolvedByName: row.resolvedByName ?? null,
      replies: [],
    });
  }
  const roots: CommentDto[] = [];
  for (const comment of byId.values()) {
    const parent = comment.parentId ? byId.get(comment.parentId) : undefined;
    if (parent) parent.replies.push(comment);
    else roots.push(comment);
  }
  return roots;
}

/** An anchor from the editor carries the selection's positions; without them the quote is looked up in the text. */
export type NewCommentAnchor = { quote: string; from?: number | undefined; to?: number | undefined };

export type NewComment = { articleId: string; body: string; parentId?: string | null; anchor?: NewCommentAnchor | null };

/** Adds a comment, or a reply to one of the same article; optionally anchored to a quoted passage of the text. */
export async function addCommentForActor(actor: Actor, input: NewComment): Promise<{ id: string }> {
  const article = await loadArticle(actor, input.articleId);
  if (!canComment(article, actor)) throw new AppError('forbidden');
  const body = input.body.trim();
  if (!isMeaningfulComment(body) || body.length > MAX_COMMENT_BODY) {
    throw new AppError('validation_failed', { fieldErrors: { body: [`اكتب تعليقًا من حرف واحد إلى ${MAX_COMMENT_BODY} حرف.`] } });
  }
  const anchor = resolveAnchor(input.anchor ?? null, article.bodyText);
  if (anchor) {
    const valid =
      Number.isInteger(anchor.from) &&
      Number.isInteger(anchor.to) &&
      anchor.from >= 0 &&
      anchor.to > anchor.from &&
      anchor.quote.trim() !== '' &&
      anchor.quote.length <= MAX_ANCHOR_QUOTE;
    if (!valid) throw new AppError('validation_failed', { fieldErrors: { anchor: ['المقطع المقتبس غير صالح.'] } });
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    let parentAuthorId: string | null = null;
    if (input.parentId) {
      if (!isUuid(input.parentId)) throw new AppError('not_found');
      const [parent] = await tx
        .select({ authorId: comments.authorId })
        .from(comments)
        .where(and(eq(comments.id, input.parentId), eq(comments.articleId, article.id)));
      if (!parent) throw new AppError('not_found');
      parentAuthorId = parent.authorId;
    }
    const [row] = await tx
      .insert(comments)
      .values({ articleId: article.id, parentId: input.parentId ?? null, authorId: actor.id, body, anchor })
      .returning({ id: comments.id });
    if (!row) throw new Error('comment not inserted');
    const recipients = new Set([article.authorId, parentAuthorId].filter((id): id is string => !!id && id !== actor.id));
    if (recipients.size > 0) {
      await tx.insert(notifications).values(
        [...recipients].map((userId) => ({
          userId,
          kind: 'comment',
          articleId: article.id,
          actorId: actor.id,
          message: `«${article.title}»: تعليق جديد من ${actor.displayName}`,
        })),
      );
    }
    return { id: row.id };
  });
}

function resolveAnchor(anchor: NewCommentAnchor | null, bodyText: string): CommentAnchor | null {
  if (!anchor || anchor.quote.trim() === '') return null;
  const quote = anchor.quote.trim();
  if (anchor.from !== undefined && anchor.to !== undefined) return { quote, from: anchor.from, to: anchor.to };
  const from = bodyText.indexOf(quote);
  if (from < 0) throw new AppError('validation_failed', { fieldErrors: { anchor: ['لم نجد هذا المقطع في نص المقال. انسخه من النص كما هو.'] } });
  return { quote, from, to: from + quote.length };
}

/** Marks a thread resolved (or open again). Anyone who may comment on the article may. */
export async function setCommentResolvedForActor(actor: Actor, input: { commentId: string; resolved: boolean }): Promise<void> {
  if (!isUuid(input.commentId)) throw new AppError('not_found');
  const db = await getDb();
  const [comment] = await db
    .select({ articleId: comments.articleId, parentId: comments.parentId })
    .from(comments)
    .where(eq(comments.id, input.commentId));
  if (!comment) throw new AppError('not_found');
  const article = await loadArticle(actor, comment.articleId);
  if (!canComment(article, actor)) throw new AppError('forbidden');
  if (comment.parentId) {
    throw new AppError('validation_failed', { messageAr: 'يُحَلّ النقاش كله من تعليقه الأول، لا من ردّ عليه.' });
  }
  await db
    .update(comments)
    .set(input.resolved ? { resolvedAt: new Date(), resolvedById: actor.id, updatedAt: new Date() } : { resolvedAt: null, resolvedById: null, updatedAt: new Date() })
    .where(and(eq(comments.id, input.commentId), input.resolved ? isNull(comments.resolvedAt) : undefined));
}
