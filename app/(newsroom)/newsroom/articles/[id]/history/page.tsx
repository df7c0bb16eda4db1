import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentsPanel } from '@/components/workflow/comments-panel';
import { DiffView } from '@/components/workflow/diff-view';
import { RestoreButton } from '@/components/workflow/restore-button';
import { WorkflowPanel } from '@/components/workflow/workflow-panel';
import { requireActorForPage } from '@/lib/auth/current-user';
import { getEnv } from '@/lib/config/env';
import { getDateSettings } from '@/lib/config/site';
import { listCommentsForActor } from '@/lib/data/comments';
import {
  compareRevisionsForActor,
  defaultComparison,
  getArticleHistoryForActor,
  type HistoryEvent,
  type RevisionComparison,
} from '@/lib/data/revisions';
import { isAppError } from '@/lib/errors';
import { formatArabicDateTime } from '@/lib/format/date';
import { utcToZonedLocal } from '@/lib/time/zoned';
import { availableEvents, canComment, EVENT_HISTORY_LABELS, isWorkflowEvent, STATE_LABELS } from '@/lib/workflow';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'سجل المقال' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string | string[]; to?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const OTHER_ACTIONS: Record<string, string> = { 'article.restore': 'استُعيدت نسخة سابقة' };
const NOTE_LABELS = { update: 'تحديث', correction: 'تصحيح' } as const;

function eventLabel(event: HistoryEvent): string {
  const name = event.action.replace(/^article\./, '');
  return isWorkflowEvent(name) ? EVENT_HISTORY_LABELS[name] : (OTHER_ACTIONS[event.action] ?? event.action);
}

export default async function ArticleHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireActorForPage(`/newsroom/articles/${id}/history`);
  const env = getEnv();
  const dateSettings = getDateSettings();
  const history = await getArticleHistoryForActor(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const { article, revisions, timeline } = history;
  const comments = await listCommentsForActor(actor, id);

  const query = await searchParams;
  const fallback = defaultComparison(revisions);
  const fromId = first(query.from) ?? fallback?.from;
  const toId = first(query.to) ?? fallback?.to;
  let comparison: RevisionComparison | null = null;
  let comparisonError: string | null = null;
  if (fromId && toId) {
    try {
      comparison = await compareRevisionsForActor(actor, { articleId: id, fromRevisionId: fromId, toRevisionId: toId });
    } catch (error) {
      if (!isAppError(error)) throw error;
      comparisonError = error.messageAr;
    }
  }
  const events = availableEvents(article, actor, { fourEyes: env.MIDAD_FOUR_EYES });
  const when = (date: Date) => formatArabicDateTime(date, dateSettings);

  return (
    <div className="history-page">
      <p>
        <Link href="/newsroom">غرفة الأخبار</Link> ‹ <Link href={`/newsroom/articles/${article.id}`}>المقال</Link> ‹ السجل
      </p>
      <h1>سجل المقال: {article.title}</h1>
      <p>
        الكاتب: {article.authorName} · النسخة الحالية: {article.version} · الحالة:{' '}
        <span className="status-badge">{STATE_LABELS[article.status]}</span>
      </p>

      <div className="history-page__panels">
        <WorkflowPanel
          articleId={article.id}
          status={article.status}
          version={article.version}
          events={events}
          timeZone={env.MIDAD_TIME_ZONE}
          publishAtLocal={article.publishAt ? utcToZonedLocal(article.publishAt, env.MIDAD_TIME_ZONE) : null}
          publishAtLabel={article.publishAt ? when(article.publishAt) : null}
        />
        <CommentsPanel articleId={article.id} comments={comments} canComment={canComment(article, actor)} timeZone={env.MIDAD_TIME_ZONE} />
      </div>

      <section aria-labelledby="compare-title">
        <h2 id="compare-title">مقارنة نسختين</h2>
        {revisions.length < 2 ? (
          <p className="muted">تظهر المقارنة حين تكون للمقال نسختان على الأقل.</p>
        ) : (
          <form className="compare-form" method="get">
            <label>
              من النسخة
              <select name="from" defaultValue={comparison?.from.id ?? fromId}>
                {revisions.map((revision) => (
                  <option key={revision.id} value={revision.id}>
                    {revision.version} · {revision.authorName} · {when(revision.updatedAt)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              إلى النسخة
              <select name="to" defaultValue={comparison?.to.id ?? toId}>
                {revisions.map((revision) => (
                  <option key={revision.id} value={revision.id}>
                    {revision.version} · {revision.authorName} · {when(revision.updatedAt)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button">
              قارن
            </button>
          </form>
        )}
        {comparisonError ? (
          <p className="form-error" role="alert">
            {comparisonError}
          </p>
        ) : null}
        {comparison ? (
          <div className="comparison" data-testid="comparison">
            <p className="muted">
              من النسخة {comparison.from.version} ({comparison.from.authorName}) إلى النسخة {comparison.to.version} (
              {comparison.to.authorName}). <ins>المضاف</ins> · <del>المحذوف</del>
            </p>
            <h3>العنوان</h3>
            <DiffView segments={comparison.title} label="فروق العنوان" />
            <h3>الموجز</h3>
            <DiffView segments={comparison.dek} label="فروق الموجز" />
            {comparison.slug ? (
              <p>
                الرابط المختصر: <del dir="auto">{comparison.slug.from}</del> ← <ins dir="auto">{comparison.slug.to}</ins>
              </p>
            ) : null}
            <h3>النص</h3>
            <DiffView segments={comparison.body} label="فروق النص" />
            <h3>وسوم الكيانات</h3>
            {comparison.entities.added.length === 0 && comparison.entities.removed.length === 0 ? (
              <p className="muted">لم تتغير وسوم الكيانات.</p>
            ) : (
              <ul className="entity-changes">
                {comparison.entities.added.map((entity) => (
                  <li key={`+${entity.id}`}>
                    <ins>أُضيف وسم: {entity.name}</ins>
                  </li>
                ))}
                {comparison.entities.removed.map((entity) => (
                  <li key={`-${entity.id}`}>
                    <del>أُزيل وسم: {entity.name}</del>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">التسلسل الزمني</h2>
        {timeline.length === 0 ? <p className="muted">لا شيء في السجل بعد.</p> : null}
        <ol className="timeline">
          {timeline.map((item) =>
            item.kind === 'revision' ? (
              <li key={`r${item.revision.id}`} className="timeline__item timeline__item--revision" data-testid="timeline-revision">
                <time dateTime={item.at.toISOString()}>{when(item.at)}</time> · النسخة {item.revision.version} بقلم{' '}
                {item.revision.authorName}
                {item.revision.isPublic ? <span className="status-badge">المنشورة للقراء</span> : null}
                {item.revision.isCurrent ? <span className="status-badge">الحالية</span> : null}
                {item.revision.restoredFromId ? (
                  <span> (استعادة لنسخة {revisions.find((r) => r.id === item.revision.restoredFromId)?.version ?? 'سابقة'})</span>
                ) : null}
                {item.revision.noteKind && item.revision.noteText ? (
                  <p className="muted">
                    {NOTE_LABELS[item.revision.noteKind]}: {item.revision.noteText}
                  </p>
                ) : null}
                {history.canRestore && !item.revision.isCurrent ? (
                  <RestoreButton
                    articleId={article.id}
                    revisionId={item.revision.id}
                    version={item.revision.version}
                    expectedVersion={article.version}
                  />
                ) : null}
              </li>
            ) : (
              <li key={`e${item.event.id}`} className="timeline__item timeline__item--event" data-testid="timeline-event">
                <time dateTime={item.at.toISOString()}>{when(item.at)}</time> · {eventLabel(item.event)} ·{' '}
                {item.event.actorName ?? 'النظام'}
                {item.event.fromStatus && item.event.toStatus && item.event.fromStatus !== item.event.toStatus ? (
                  <span className="muted">
                    {' '}
                    ({STATE_LABELS[item.event.fromStatus]} ← {STATE_LABELS[item.event.toStatus]})
                  </span>
                ) : null}
                {item.event.comment ? <blockquote className="timeline__comment">{item.event.comment}</blockquote> : null}
              </li>
            ),
          )}
        </ol>
      </section>
    </div>
  );
}
