import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/article/article-body';
import { getDateSettings, getSiteName } from '@/lib/config/site';
import { getPublishedArticleBySlug } from '@/lib/data/public-articles';
import { formatArabicDate } from '@/lib/format/date';
import { siteFeedTypes } from '@/lib/public/feed-links';
import { articlePath } from '@/lib/public/urls';

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

/**
 * Canonical URL, OpenGraph and Twitter card tags. URLs are relative: the root layout's metadataBase (MIDAD_SITE_URL)
 * makes them absolute.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle(params);
  if (!article) return { title: 'الصفحة غير موجودة' };
  const url = articlePath(article.slug);
  const description = article.dek || undefined;
  const modifiedAt = article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt;
  return {
    title: article.title,
    description,
    authors: [{ name: article.authorName }],
    alternates: { canonical: url, types: siteFeedTypes() },
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description,
      siteName: getSiteName(),
      locale: 'ar_IQ',
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: modifiedAt.toISOString(),
      authors: [article.authorName],
    },
    twitter: { card: 'summary', title: article.title, description },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle(params);
  if (!article) notFound();
  const dateSettings = getDateSettings();
  return (
    <article>
      <header className="article-header">
        <h1>{article.title}</h1>
        {article.dek ? <p className="article-dek">{article.dek}</p> : null}
        <p className="article-meta">
          {article.authorName} ·{' '}
          <time dateTime={article.publishedAt.toISOString()}>{formatArabicDate(article.publishedAt, dateSettings)}</time>
        </p>
      </header>
      <ArticleBody doc={article.body} />
    </article>
  );
}
