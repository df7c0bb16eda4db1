import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireActorForPage } from '@/lib/auth/current-user';
import { auditActionLabel, SIGN_IN_FAILURE_LABELS } from '@/lib/audit/labels';
import { getDateSettings } from '@/lib/config/site';
import { listAuditEventsForActor, type AuditEventView } from '@/lib/data/audit';
import { isAppError } from '@/lib/errors';
import { formatArabicDateTime } from '@/lib/format/date';
import { ROLE_LABELS, STATE_LABELS } from '@/lib/workflow/labels';
import { isRole } from '@/lib/workflow/states';

export const metadata: Metadata = { title: 'سجل التدقيق' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ action?: string | string[]; before?: string | string[] }> };

function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

function pageHref(filters: { action?: string; before?: string }): string {
  const params = new URLSearchParams();
  if (filters.action) params.set('action', filters.action);
  if (filters.before) params.set('before', filters.before);
  const query = params.toString();
  return query ? `/newsroom/audit?${query}` : '/newsroom/audit';
}

function EventDetails({ event }: { event: AuditEventView }) {
  const parts: ReactNode[] = [];
  if (typeof event.details.email === 'string') {
    parts.push(
      <>
        البريد: <bdi dir="ltr">{event.details.email}</bdi>
      </>,
    );
  }
  if (typeof event.details.reason === 'string') {
    parts.push(`السبب: ${SIGN_IN_FAILURE_LABELS[event.details.reason] ?? event.details.reason}`);
  }
  if (event.fromStatus || event.toStatus) {
    parts.push(`${event.fromStatus ? STATE_LABELS[event.fromStatus] : '—'} ← ${event.toStatus ? STATE_LABELS[event.toStatus] : '—'}`);
  }
  if (typeof event.details.fromRole === 'string' || typeof event.details.toRole === 'string') {
    const role = (value: unknown) => (isRole(value) ? ROLE_LABELS[value] : '—');
    parts.push(`الدور: ${role(event.details.fromRole)} ← ${role(event.details.toRole)}`);
  }
  if (event.comment) parts.push(`ملاحظة: ${event.comment}`);
  if (parts.length === 0) return <>—</>;
  return (
    <ul className="audit-details">
      {parts.map((part, index) => (
        <li key={index}>{part}</li>
      ))}
    </ul>
  );
}

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActorForPage('/newsroom/audit');
  const params = await searchParams;
  const filters = { action: single(params.action), before: single(params.before) };

  let page;
  try {
    page = await listAuditEventsForActor(actor, filters);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'forbidden') forbidden();
    return (
      <>
        <h1>سجل التدقيق</h1>
        <p className="form-error" role="alert">
          {error.messageAr}
        </p>
      </>
    );
  }

  const dateSettings = getDateSettings();
  return (
    <>
      <h1 id="audit-heading">سجل التدقيق</h1>
      <p>عمليات الدخول والمحاولات الفاشلة وتغييرات الأدوار وإيقاف المستخدمين والنشر وإلغاؤه، الأحدث أولًا.</p>
      <form className="form form--inline" method="get" action="/newsroom/audit">
        <label>
          نوع الحدث
          <select name="action" defaultValue={filters.action ?? ''}>
            <option value="">كل الأحداث</option>
            {page.actions.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action)}
              </option>
            ))}
          </select>
        </label>
        <button className="button" type="submit">
          عرض
        </button>
      </form>
      {page.events.length === 0 ? (
        <p>لا توجد أحداث.</p>
      ) : (
        <table className="table audit-table" data-testid="audit-table" aria-labelledby="audit-heading">
          <thead>
            <tr>
              <th scope="col">الوقت</th>
              <th scope="col">الحدث</th>
              <th scope="col">المنفّذ</th>
              <th scope="col">المعنيّ</th>
              <th scope="col">التفاصيل</th>
              <th scope="col">العنوان</th>
            </tr>
          </thead>
          <tbody>
            {page.events.map((event) => (
              <tr key={event.id} data-action={event.action}>
                <td>
                  <time dateTime={event.at.toISOString()}>{formatArabicDateTime(event.at, dateSettings)}</time>
                </td>
                <td>{auditActionLabel(event.action)}</td>
                <td>{event.actorName ?? (event.action.startsWith('auth.') ? 'زائر' : 'النظام')}</td>
                <td>
                  {event.articleTitle ?? event.targetUserName ?? '—'}
                  {event.targetUserEmail && !event.articleTitle ? (
                    <>
                      {' '}
                      <bdi dir="ltr">{event.targetUserEmail}</bdi>
                    </>
                  ) : null}
                </td>
                <td>
                  <EventDetails event={event} />
                </td>
                <td>
                  <bdi dir="ltr">{event.ip ?? '—'}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pagination" aria-label="صفحات السجل">
        {filters.before ? <Link href={pageHref({ action: filters.action })}>الأحدث</Link> : null}
        {page.nextCursor ? (
          <Link href={pageHref({ action: filters.action, before: page.nextCursor })} rel="next">
            أحداث أقدم
          </Link>
        ) : null}
      </nav>
    </>
  );
}
