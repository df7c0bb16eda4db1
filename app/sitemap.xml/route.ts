import { getEnv } from '@/lib/config/env';
import { listEntitiesForSitemap, listPublishedForSitemap, listSections } from '@/lib/data/public-listings';
import { buildSitemap, type SitemapEntry } from '@/lib/public/sitemaps';
import { absoluteUrl, articlePath, entityPath, sectionPath } from '@/lib/public/urls';

export const dynamic = 'force-dynamic';

/** sitemap.xml: the home page, the sections, every published article and the entities that have published stories. */
export async function GET() {
  const site = getEnv().MIDAD_SITE_URL;
  const [articles, sections, entities] = await Promise.all([listPublishedForSitemap(), listSections(), listEntitiesForSitemap()]);
  const entries: SitemapEntry[] = [
    { url: absoluteUrl(site, '/'), modifiedAt: articles[0]?.modifiedAt },
    ...sections.map((section) => ({ url: absoluteUrl(site, sectionPath(section.slug)) })),
    ...articles.map((article) => ({ url: absoluteUrl(site, articlePath(article.slug)), modifiedAt: article.modifiedAt })),
    ...entities.map((entity) => ({ url: absoluteUrl(site, entityPath(entity.slug)), modifiedAt: entity.modifiedAt })),
  ];
  return new Response(buildSitemap(entries), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'no-cache' },
  });
}
