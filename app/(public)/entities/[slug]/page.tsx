import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { connection } from 'next/server';
import { getEnv } from '@/lib/config/env';
import { getDateSettings } from '@/lib/config/site';
import { entityPath } from '@/lib/data/entities';
import { readEntityArticles, readEntityBySlug } from '@/lib/data/public-cache';
import { ENTITY_TYPE_LABELS } from '@/lib/entities/entity-types';
import { formatArabicDate } from '@/lib/format/date';
import { siteFeedTypes } from '@/lib/public/feed-links';
import { absoluteUrl } from '@/lib/public/urls';
import { entityPageJsonLd, serializeJsonLd, wikidataUrl } from '@/lib/seo/json-ld';
import '../../public-entities.css';

// Rendered per request (CSP nonce; never at build time) from Next's data cache, revalidated by tag `entity:ID`.

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Route params may arrive percent-encoded (Arabic slugs); decode once, tolerating malformed input. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function pageNumber(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const parsed = Number.parseInt(raw ?? '1', 10);
  return Number.isSafeInteger(parsed) && parsed >= 1 ? Math.min(parsed, 100_000) : 1;
}

/** The entity, or a permanent redirect to where its slug now lives (a merge or a new slug), or a 404. */
async function loadEntity(params: Props['params'], search?: string) {
  await connection();
  const { slug } = await params;
  const found = await readEntityBySlug(safeDecode(slug));
  if (!found) notFound();
  if (found.kind === 'redirect') permanentRedirect(entityPath(found.slug) + (search ?? ''));
  return found.entity;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const found = await readEntityBySlug(safeDecode(slug));
  if (!found || found.kind !== 'entity') return { title: 'الصفحة غير موجودة' };
  const path = entityPath(found.entity.slug);
  return {
    title: found.entity.name,
    description: found.entity.description || undefined,
    // Next merges metadata key by key: a page that sets `alternates` repeats the site's feeds (feed discovery).
    alternates: {
      canonical: path,
      types: siteFeedTypes([{ url: `${path}/feed.xml`, title: `${found.entity.name}: RSS` }]),
    },
  };
}

export default async function EntityPage({ params, searchParams }: Props) {
  const page = pageNumber((await searchParams).page);
  const entity = await loadEntity(params, page > 1 ? `?page=${page}` : '');
  const articles = await readEntityArticles(entity.id, page);
  if (page > 1 && articles.items.length === 0) notFound();
  const dateSettings = getDateSettings();
  const href = (target: number) => (target > 1 ? `${entityPath(entity.slug)}?page=${target}` : entityPath(entity.slug));

  const jsonLd = entityPageJsonLd({ ...entity, url: absoluteUrl(getEnv().MIDAD_SITE_URL, entityPath(entity.slug)) });
  return (
    <article className="entity-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <header className="article-header">
        <p className="article-meta">{ENTITY_TYPE_LABELS[entity.type]}</p>
        <h1>{entity.name}</h1>
        {entity.description ? <p className="article-dek">{entity.description}</p> : null}
        {entity.wikidataId ? (
          <p className="article-meta">
            <a href={wikidataUrl(entity.wikidataId)} rel="external noopener">
              {entity.name} في ويكي بيانات
            </a>
          </p>
        ) : null}
      </header>
      <section aria-labelledby="entity-articles">
        <h2 id="entity-articles">الأخبار</h2>
        {articles.items.length === 0 ? (
          <p>لا توجد أخبار منشورة عن {entity.name} بعد.</p>
        ) : (
          <ul className="article-list">
            {articles.items.map((article) => (
              <li key={article.id}>
                <h3>
                  <Link href={`/articles/${encodeURIComponent(article.slug)}`}>{article.title}</Link>
                </h3>
                {article.dek ? <p>{article.dek}</p> : null}
                <p>
                  <time dateTime={article.publishedAt.toISOString()}>{formatArabicDate(article.publishedAt, dateSettings)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
        {articles.pageCount > 1 ? (
          <nav className="pagination" aria-label="صفحات الأخبار">
            {articles.page > 1 ? (
              <Link href={href(articles.page - 1)} rel="prev">
                الأحدث
              </Link>
            ) : null}
            <span>
              صفحة {articles.page} من {articles.pageCount}
            </span>
            {articles.page < articles.pageCount ? (
              <Link href={href(articles.page + 1)} rel="next">
                الأقدم
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </article>
  );
}
