import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { getPublishedArticleBySlug } from '@/lib/data/public-articles';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

async function loadArticle(params: Props['params']) {
  const { slug } = await params;
  return getPublishedArticleBySlug(safeDecode(slug));
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
  return (
    <ArticleView title={article.title} dek={article.dek} authorName={article.authorName} date={article.publishedAt} body={article.body} />
  );
}
