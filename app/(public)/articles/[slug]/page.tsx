import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleBody } from '@/components/article/article-body';
import '@/components/article/article-notes.css';
import { getDateSettings } from '@/lib/config/site';
import { getPublishedArticleBySlug, isArticleRedirect } from '@/lib/data/public-articles';
import { formatArabicDate, formatArabicDateTime } from '@/lib/format/date';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

const NOTE_LABELS = { update: 'تحديث', correction: 'تصحيح' } as const;

async function loadArticle(params: Props['params']) {
  const { slug } = await params;
  const found = await getPublishedArticleBySlug(safeDecode(slug));
  // An old slug of a published story: 308 permanent redirect to its current address.
  if (isArticleRedirect(found)) permanentRedirect(found.redirectTo);
  return found;
}

/** Route params may arrive percent-encoded (Arabic slugs); decode once, tolerating malformed input. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle(params);
  if (!article) return { title: 'الصفحة غير موجودة' };
  return { title: article.title, description: article.dek || undefined };
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle(params);
  if (!article) notFound();
  const dateSettings = getDateSettings();
  const updated = article.updatedAt.getTime() > article.publishedAt.getTime();
  return (
    <article>
      <header className="article-header">
        <h1>{article.title}</h1>
        {article.dek ? <p className="article-dek">{article.dek}</p> : null}
        <p className="article-meta">
          {article.authorName} ·{' '}
          <time dateTime={article.publishedAt.toISOString()}>{formatArabicDate(article.publishedAt, dateSettings)}</time>
          {updated ? (
            <>
              {' '}
              · <span>حُدّث في </span>
              <time dateTime={article.updatedAt.toISOString()} data-testid="article-updated">
                {formatArabicDateTime(article.updatedAt, dateSettings)}
              </time>
            </>
          ) : null}
        </p>
      </header>
      <ArticleBody doc={article.body} />
      {article.notes.length > 0 ? (
        <aside className="article-notes" aria-labelledby="article-notes-title">
          <h2 id="article-notes-title">التحديثات والتصحيحات</h2>
          <ul>
            {article.notes.map((note) => (
              <li key={note.at.toISOString()} data-note-kind={note.kind}>
                <strong>{NOTE_LABELS[note.kind]}</strong> ·{' '}
                <time dateTime={note.at.toISOString()}>{formatArabicDateTime(note.at, dateSettings)}</time>: {note.text}
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </article>
  );
}
