import type { Metadata } from 'next';
import Link from 'next/link';
import { renderArticleBodyHtml } from '@/components/article/render-article-body';
import { ArticleView } from '@/components/article/article-view';
import { getDateSettings } from '@/lib/config/site';
import { articleReadingMinutes } from '@/lib/content/reading-time';
import { loadArticleForPage } from '../load-article-for-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'معاينة المقال', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/** The working copy exactly as the public page will show it, for anyone who may see the article in the newsroom. */
export default async function ArticlePreviewPage({ params }: Props) {
  const { id } = await params;
  const { article } = await loadArticleForPage(id, `/newsroom/articles/${encodeURIComponent(id)}/preview`);
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
