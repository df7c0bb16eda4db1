import type { Metadata } from 'next';
import Link from 'next/link';
import { MarkReadButton } from '@/components/workflow/mark-read-button';
import { requireActorForPage } from '@/lib/auth/current-user';
import { getDateSettings } from '@/lib/config/site';
import { listNotificationsForActor } from '@/lib/data/notifications';
import { formatArabicDateTime } from '@/lib/format/date';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'الإشعارات' };

export default async function NotificationsPage() {
  const actor = await requireActorForPage('/newsroom/notifications');
  const items = await listNotificationsForActor(actor);
  const dateSettings = getDateSettings();
  const unread = items.filter((item) => !item.readAt);
  return (
    <>
      <h1>الإشعارات</h1>
      {unread.length > 0 ? <MarkReadButton ids="all" label={`تعليم الكل كمقروء (${unread.length})`} /> : null}
      {items.length === 0 ? <p className="muted">لا إشعارات.</p> : null}
      <ol className="notification-list">
        {items.map((item) => (
          <li key={item.id} className={item.readAt ? 'notification' : 'notification notification--unread'} data-testid="notification">
            <p>
              {item.readAt ? null : <span className="status-badge">جديد</span>}{' '}
              {item.articleId ? <Link href={`/newsroom/articles/${item.articleId}/history`}>{item.message}</Link> : item.message}
            </p>
            <p className="muted">
              {item.actorName ?? 'النظام'} · <time dateTime={item.createdAt.toISOString()}>{formatArabicDateTime(item.createdAt, dateSettings)}</time>{' '}
              {item.readAt ? null : <MarkReadButton ids={[item.id]} label="تعليم كمقروء" />}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
