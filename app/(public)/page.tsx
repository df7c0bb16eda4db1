import Link from 'next/link';
import { getDateSettings } from '@/lib/config/site';
import { listPublishedArticles } from '@/lib/data/public-articles';
import { formatArabicDate } from '@/lib/format/date';

// Reads the database at request time, never during `next build`.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const articles = await listPublishedArticles({ limit: 30 });
  const dateSettings = getDateSettings();
  return (
    <>
      <h1>آخر الأخبار</h1>
      {articles.length === 0 ? (
        <p>لا توجد أخبار منشورة بعد.</p>
      ) : (
        <ol className="article-list">
          {articles.map((article) => (
            <li key={article.id}>
              <h2>
                <Link href={`/articles/${encodeURIComponent(article.slug)}`}>{article.title}</Link>
              </h2>
              {article.dek ? <p>{article.dek}</p> : null}
              <p>
                <time dateTime={article.publishedAt.toISOString()}>{formatArabicDate(article.publishedAt, dateSettings)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
