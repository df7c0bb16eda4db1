import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/article/article-body';
import { getEnv } from '@/lib/config/env';
import { getDateSettings, getSiteName } from '@/lib/config/site';
import { getPublicEntitiesForDocument } from '@/lib/data/entities';
import { getPublishedArticleBySlug } from '@/lib/data/public-articles';
import { ENTITY_TYPE_LABELS } from '@/lib/entities/entity-types';
import { formatArabicDate } from '@/lib/format/date';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/seo/json-ld';
import '../../public-entities.css';

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
  const dateSettings = getDateSettings();
  const { entities, hrefs } = await getPublicEntitiesForDocument(article.body);
  const siteUrl = getEnv().MIDAD_SITE_URL.replace(/\/+$/, '');
  const jsonLd = newsArticleJsonLd({
    headline: article.title,
    description: article.dek,
    url: `${siteUrl}/articles/${encodeURIComponent(article.slug)}`,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    authorName: article.authorName,
    publisherName: getSiteName(),
    entities: entities.map((entity) => ({ ...entity, url: `${siteUrl}${hrefs[entity.id] ?? `/entities/${encodeURIComponent(entity.slug)}`}` })),
  });
  return (
    <article>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <header className="article-header">
        <h1>{article.title}</h1>
        {article.dek ? <p className="article-dek">{article.dek}</p> : null}
        <p className="article-meta">
          {article.authorName} ·{' '}
          <time dateTime={article.publishedAt.toISOString()}>{formatArabicDate(article.publishedAt, dateSettings)}</time>
        </p>
      </header>
      <ArticleBody doc={article.body} entityHrefs={hrefs} />
      {entities.length > 0 ? (
        <aside className="article-entities" aria-labelledby="article-entities-title">
          <h2 id="article-entities-title">في هذا الخبر</h2>
          <ul>
            {entities.map((entity) => (
              <li key={entity.id}>
                <Link href={`/entities/${encodeURIComponent(entity.slug)}`} className={`entity-chip entity-chip--${entity.type}`}>
                  {entity.name}
                </Link>{' '}
                <span className="article-entities__type">({ENTITY_TYPE_LABELS[entity.type]})</span>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </article>
  );
}
