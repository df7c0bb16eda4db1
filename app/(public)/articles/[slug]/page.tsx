import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { connection } from 'next/server';
import { ArticleView } from '@/components/article/article-view';
import { getEnv } from '@/lib/config/env';
import { getSiteName } from '@/lib/config/site';
import { readArticlePage } from '@/lib/data/public-cache';
import { siteFeedTypes } from '@/lib/public/feed-links';
import { absoluteUrl, articlePath } from '@/lib/public/urls';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/seo/json-ld';
import '../../public-entities.css';

// Rendered per request (its scripts carry the request's CSP nonce; never touches the database at build time), from
// data in Next's cache revalidated by tag (lib/data/public-cache.ts). Not `force-dynamic`: that would bypass the cache.

type Props = { params: Promise<{ slug: string }> };

async function loadArticle(params: Props['params']) {
  await connection();
  const { slug } = await params;
  const found = await readArticlePage(safeDecode(slug));
  // An old slug of a published story: a permanent redirect to its current address.
  if (found?.kind === 'redirect') permanentRedirect(found.redirectTo);
  return found?.article ?? null;
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
  const { entities, hrefs } = article;
  const siteUrl = getEnv().MIDAD_SITE_URL;
  const url = absoluteUrl(siteUrl, articlePath(article.slug));
  const jsonLd = newsArticleJsonLd({
    headline: article.title,
    description: article.dek,
    url,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    authorName: article.authorName,
    publisherName: getSiteName(),
    entities: entities.map((entity) => ({ ...entity, url: absoluteUrl(siteUrl, hrefs[entity.id] ?? `/entities/${encodeURIComponent(entity.slug)}`) })),
  });
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <ArticleView
        title={article.title}
        dek={article.dek}
        authorName={article.authorName}
        date={article.publishedAt}
        updatedAt={article.updatedAt}
        body={article.body}
        entityHrefs={hrefs}
        entities={entities.map((entity) => ({ id: entity.id, name: entity.name, type: entity.type, href: hrefs[entity.id] ?? `/entities/${encodeURIComponent(entity.slug)}` }))}
        notes={article.notes}
        share={{ url, title: article.title }}
      />
    </>
  );
}
