import 'server-only';
import { renderArticleBodyHtml } from '@/components/article/render-article-body';
import type { ArticleViewEntity } from '@/components/article/article-view';
import { getEnv } from '@/lib/config/env';
import { getDateSettings, getSiteName } from '@/lib/config/site';
import { articleReadingMinutes } from '@/lib/content/reading-time';
import { readArticlePage } from '@/lib/data/public-cache';
import type { DateFormatSettings } from '@/lib/format/date';
import { siteFeedTypes } from '@/lib/public/feed-links';
import { absoluteUrl, articlePath, entityPath, sectionPath } from '@/lib/public/urls';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/seo/json-ld';

/**
 * Everything the public article page shows, as plain JSON (the page's props: dates are ISO strings). Built on the
 * server from the published revision (lib/data/public-cache.ts): the body is rendered to HTML here, so the page
 * itself needs neither the document nor the renderer.
 */
export type ArticlePageProps = {
  siteName: string;
  title: string;
  dek: string;
  authorName: string;
  publishedAt: string;
  /** The published revision's date (equal to publishedAt for a story never updated). */
  updatedAt: string;
  bodyHtml: string;
  readingMinutes: number;
  dateSettings: DateFormatSettings;
  section: { name: string; href: string } | null;
  entities: ArticleViewEntity[];
  notes: { kind: 'update' | 'correction'; text: string; at: string }[];
  /** Absolute address of the page (canonical, OpenGraph, share links). */
  url: string;
  jsonLd: string;
  feeds: { type: 'application/rss+xml' | 'application/atom+xml'; href: string; title: string }[];
  /**
   * The tags the page's data was read under. The cache handler (lib/cache/cache-handler.cjs) keeps the rendered page
   * under these, so publishing, updating, unpublishing or merging anything it shows makes it stale at once; null
   * when the public cache is off (MIDAD_PUBLIC_CACHE=0): the page is then rendered on every request.
   */
  cacheTags: string[] | null;
};

export type ArticlePageResult = { kind: 'article'; props: ArticlePageProps } | { kind: 'redirect'; destination: string } | { kind: 'not-found' };

export async function loadArticlePage(slug: string): Promise<ArticlePageResult> {
  const found = await readArticlePage(slug);
  if (!found) return { kind: 'not-found' };
  if (found.kind === 'redirect') return { kind: 'redirect', destination: found.redirectTo };
  const { article, cacheTags } = found;
  const env = getEnv();
  const siteUrl = env.MIDAD_SITE_URL;
  const siteName = getSiteName();
  const url = absoluteUrl(siteUrl, articlePath(article.slug));
  const hrefOf = (entity: { id: string; slug: string }) => article.hrefs[entity.id] ?? entityPath(entity.slug);
  const jsonLd = newsArticleJsonLd({
    headline: article.title,
    description: article.dek,
    url,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    authorName: article.authorName,
    publisherName: siteName,
    entities: article.entities.map((entity) => ({ ...entity, url: absoluteUrl(siteUrl, hrefOf(entity)) })),
  });
  const feedTypes = siteFeedTypes();
  return {
    kind: 'article',
    props: {
      siteName,
      title: article.title,
      dek: article.dek,
      authorName: article.authorName,
      publishedAt: article.publishedAt.toISOString(),
      updatedAt: article.updatedAt.toISOString(),
      bodyHtml: renderArticleBodyHtml(article.body, article.hrefs),
      readingMinutes: articleReadingMinutes(article.body),
      dateSettings: getDateSettings(),
      section: article.section ? { name: article.section.name, href: sectionPath(article.section.slug) } : null,
      entities: article.entities.map((entity) => ({ id: entity.id, name: entity.name, type: entity.type, href: hrefOf(entity) })),
      notes: article.notes.map((note) => ({ kind: note.kind, text: note.text, at: note.at.toISOString() })),
      url,
      jsonLd: serializeJsonLd(jsonLd),
      feeds: [
        ...feedTypes['application/rss+xml'].map((feed) => ({ type: 'application/rss+xml' as const, href: absoluteUrl(siteUrl, feed.url), title: feed.title })),
        ...feedTypes['application/atom+xml'].map((feed) => ({ type: 'application/atom+xml' as const, href: absoluteUrl(siteUrl, feed.url), title: feed.title })),
      ],
      cacheTags: env.MIDAD_PUBLIC_CACHE ? cacheTags : null,
    },
  };
}
