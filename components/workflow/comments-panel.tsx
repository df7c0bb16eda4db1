'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { addCommentAction, setCommentResolvedAction } from '@/app/(newsroom)/newsroom/articles/[id]/workflow-actions';

/** A comment as the panel shows it (lib/data/comments.ts CommentDto, passed from a server component). */
export type CommentView = {
  id: string;
  parentId: string | null;
  authorName: string;
  mine: boolean;
  body: string;
  anchor: { quote: string; from: number; to: number } | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  replies: CommentView[];
};

export type CommentsPanelProps = {
  articleId: string;
  comments: CommentView[];
  canComment: boolean;
  /** The passage selected in the editor, to anchor a new comment to (the editor passes its positions). */
  selection?: { quote: string; from: number; to: number } | null;
  /** Formats dates the way the newsroom does (defaults to ar-IQ in Baghdad time). */
  timeZone?: string;
};

function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('ar-IQ', { dateStyle: 'medium', timeStyle: 'short', timeZone, numberingSystem: 'latn' }).format(
    new Date(date),
  );
}

/** Review comments of one article: threads, replies, resolving, and comments anchored to a quoted passage. */
export function CommentsPanel({ articleId, comments, canComment, selection, timeZone = 'Asia/Baghdad' }: CommentsPanelProps) {
  const ids = useId();
  const open = comments.filter((comment) => !comment.resolvedAt);
  const resolved = comments.filter((comment) => comment.resolvedAt);
  return (
    <section className="comments-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>تعليقات المراجعة ({open.length})</h2>
      {canComment ? <CommentForm articleId={articleId} selection={selection ?? null} /> : null}
      {comments.length === 0 ? <p className="muted">لا تعليقات بعد.</p> : null}
      <ol className="comment-threads">
        {open.map((comment) => (
          <Thread key={comment.id} articleId={articleId} comment={comment} canComment={canComment} timeZone={timeZone} />
        ))}
      </ol>
      {resolved.length > 0 ? (
        <details className="comment-resolved">
          <summary>نقاشات محلولة ({resolved.length})</summary>
          <ol className="comment-threads">
            {resolved.map((comment) => (
              <Thread key={comment.id} articleId={articleId} comment={comment} canComment={canComment} timeZone={timeZone} />
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

function Thread({ articleId, comment, canComment, timeZone }: { articleId: string; comment: CommentView; canComment: boolean; timeZone: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [replying, setReplying] = useState(false);
  const toggle = () =>
    startTransition(async () => {
      const result = await setCommentResolvedAction({ commentId: comment.id, resolved: !comment.resolvedAt });
      if (!result.ok) setError(result.error.message);
      else router.refresh();
    });
  return (
    <li className={comment.resolvedAt ? 'comment comment--resolved' : 'comment'} data-testid="comment-thread">
      <CommentBody comment={comment} timeZone={timeZone} />
      {comment.replies.length > 0 ? (
        <ol className="comment-replies">
          {comment.replies.map((reply) => (
            <li key={reply.id} className="comment comment--reply">
              <CommentBody comment={reply} timeZone={timeZone} />
            </li>
          ))}
        </ol>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {canComment ? (
        <div className="comment__actions">
          <button type="button" className="button button--secondary button--small" onClick={() => setReplying((value) => !value)}>
            ردّ
          </button>
          <button type="button" className="button button--secondary button--small" disabled={pending} onClick={toggle}>
            {comment.resolvedAt ? 'إعادة فتح النقاش' : 'تعليم كمحلول'}
          </button>
        </div>
      ) : null}
      {replying ? <CommentForm articleId={articleId} parentId={comment.id} selection={null} onDone={() => setReplying(false)} /> : null}
    </li>
  );
}

function CommentBody({ comment, timeZone }: { comment: CommentView; timeZone: string }) {
  return (
    <>
      <p className="comment__meta">
        <strong>{comment.authorName}</strong> · <time dateTime={new Date(comment.createdAt).toISOString()}>{formatDate(comment.createdAt, timeZone)}</time>
        {comment.resolvedAt ? <> · حُلّ{comment.resolvedByName ? ` (${comment.resolvedByName})` : ''}</> : null}
      </p>
      {comment.anchor ? <blockquote className="comment__quote">{comment.anchor.quote}</blockquote> : null}
      <p className="comment__body" dir="auto">
        {comment.body}
      </p>
    </>
  );
}

function CommentForm({
  articleId,
  parentId,
  selection,
  onDone,
}: {
  articleId: string;
  parentId?: string;
  selection: { quote: string; from: number; to: number } | null;
  onDone?: () => void;
}) {
  const router = useRouter();
  const ids = useId();
  const [body, setBody] = useState('');
  const [quote, setQuote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const anchor = selection ?? (quote.trim() ? { quote } : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (body.trim() === '') {
      setError('اكتب نص التعليق أولًا.');
      return;
    }
    startTransition(async () => {
      const result = await addCommentAction({ articleId, body, parentId: parentId ?? null, anchor });
      if (!result.ok) {
        setError([result.error.message, ...Object.values(result.error.fieldErrors ?? {}).flat()].join(' '));
        return;
      }
      setBody('');
      setQuote('');
      onDone?.();
      router.refresh();
    });
  }

  return (
    <form className="comment-form" onSubmit={submit} noValidate>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {!parentId && !selection ? (
        <>
          <label htmlFor={`${ids}-quote`}>المقطع المعني من النص (اختياري)</label>
          <input id={`${ids}-quote`} value={quote} onChange={(event) => setQuote(event.target.value)} maxLength={500} dir="auto" />
        </>
      ) : null}
      {selection ? <blockquote className="comment__quote">{selection.quote}</blockquote> : null}
      <label htmlFor={`${ids}-body`}>{parentId ? 'نص الرد' : 'تعليق جديد'}</label>
      <textarea id={`${ids}-body`} value={body} onChange={(event) => setBody(event.target.value)} rows={3} maxLength={4000} dir="auto" />
      <button type="submit" className="button" disabled={pending}>
        {parentId ? 'إرسال الرد' : 'إضافة التعليق'}
      </button>
    </form>
  );
}
