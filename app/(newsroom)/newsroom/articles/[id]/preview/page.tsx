import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { renderArticleBodyHtml } from '@/components/article/article-body';
import { ArticleView } from '@/components/article/article-view';
import { requireActorForPage } from '@/lib/auth/current-user';
import { getArticleForEditing } from '@/lib/data/article-editing';
import { getDateSettings } from '@/lib/config/site';
import { articleReadingMinutes } from '@/lib/content/reading-time';
import { isAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'معاينة المقال', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/** The working copy exactly as the public page will show it, for anyone who may see the article in the newsroom. */
export default async function ArticlePreviewPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActorForPage(`/newsroom/articles/${encodeURIComponent(id)}/preview`);
  let article;
  try {
    article = await getArticleForEditing(actor, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') notFound();
    if (isAppError(err) && err.code === 'forbidden') forbidden();
    throw err;
  }
  return (
    <>
      <p className="article-meta" role="note" data-testid="preview-banner">
        معاينة: هكذا ستظهر النسخة الحالية من المقال للقراء. <Link href={`/newsroom/articles/${article.id}`}>العودة إلى التحرير</Link>
      </p>
      <ArticleView
        title={article.title}
        dek={article.dek}
        authorName={article.authorName}
        date={new Date(article.updatedAt)}
        bodyHtml={renderArticleBodyHtml(article.body)}
        readingMinutes={articleReadingMinutes(article.body)}
        dateSettings={getDateSettings()}
      />
    </>
  );
}
