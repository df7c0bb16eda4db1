import Link from 'next/link';
import type { DateFormatSettings } from '@/lib/format/date';
import { formatArabicDateTime } from '@/lib/format/date';
import { STATE_LABELS } from '@/lib/workflow/labels';
import type { QueueArticle } from '@/lib/data/dashboard';

/** A row of a queue: the dashboard's DTO. */
export type QueueItem = QueueArticle;

/** A table of articles for a newsroom queue; titles open the article's history and workflow. */
export function ArticleQueue({
  title,
  items,
  empty,
  dateSettings,
  dateColumn = 'updated',
  testId,
}: {
  title: string;
  items: readonly QueueItem[];
  empty: string;
  dateSettings: DateFormatSettings;
  dateColumn?: 'updated' | 'publishAt' | 'publishedAt';
  testId?: string;
}) {
  const headingId = `queue-${testId ?? title}`;
  const dateLabel = dateColumn === 'publishAt' ? 'موعد النشر' : dateColumn === 'publishedAt' ? 'نُشر في' : 'آخر تعديل';
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId}>
        {title} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">العنوان</th>
              <th scope="col">الحالة</th>
              <th scope="col">الكاتب</th>
              <th scope="col">{dateLabel}</th>
              <th scope="col">للقراء</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const date = dateColumn === 'publishAt' ? item.publishAt : dateColumn === 'publishedAt' ? item.publishedAt : item.updatedAt;
              return (
                <tr key={item.id}>
                  <td>
                    <Link href={`/newsroom/articles/${item.id}/history`}>{item.title}</Link>
                  </td>
                  <td>
                    <span className="status-badge">{STATE_LABELS[item.status]}</span>
                  </td>
                  <td>{item.authorName}</td>
                  <td>{date ? formatArabicDateTime(date, dateSettings) : '—'}</td>
                  <td>
                    {item.status === 'published' ? (
                      <Link href={`/articles/${encodeURIComponent(item.slug)}`}>صفحة القراء</Link>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
