import Link from 'next/link';
import { requireActorForPage } from '@/lib/auth/current-user';
import { getDateSettings } from '@/lib/config/site';
import { listArticlesForActor } from '@/lib/data/newsroom-articles';
import { formatArabicDateTime } from '@/lib/format/date';
import { STATE_LABELS } from '@/lib/workflow/labels';

export default async function NewsroomPage() {
  const actor = await requireActorForPage('/newsroom');
  const articles = await listArticlesForActor(actor);
  const dateSettings = getDateSettings();
  return (
    <>
      <h1>مرحبًا، {actor.displayName}</h1>
      <h2>{actor.role === 'writer' ? 'مقالاتي' : 'كل المقالات'}</h2>
      {articles.length === 0 ? (
        <p>لا توجد مقالات بعد.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">العنوان</th>
              <th scope="col">الحالة</th>
              <th scope="col">الكاتب</th>
              <th scope="col">آخر تعديل</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <td>
                  {article.status === 'published' ? (
                    <Link href={`/articles/${encodeURIComponent(article.slug)}`}>{article.title}</Link>
                  ) : (
                    article.title
                  )}
                </td>
                <td>
                  <span className="status-badge">{STATE_LABELS[article.status]}</span>
                </td>
                <td>{article.authorName}</td>
                <td>{formatArabicDateTime(article.updatedAt, dateSettings)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
