/** sitemap.xml (sitemaps.org 0.9) and a Google News sitemap, built with strict escaping. Pure. */
import { element, escapeXml } from './xml';

export type SitemapEntry = { url: string; modifiedAt?: Date };

export function buildSitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries
    .map(
      (entry) =>
        `<url>${element('loc', entry.url)}${entry.modifiedAt ? element('lastmod', entry.modifiedAt.toISOString()) : ''}</url>`,
    )
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    urls,
    '</urlset>',
  ].join('\n');
}

export type NewsSitemapEntry = { url: string; title: string; publishedAt: Date };

/** Google News sitemap: articles of the last 48 hours, with the publication's name and language. */
export function buildNewsSitemap(publication: { name: string; language: string }, entries: readonly NewsSitemapEntry[]): string {
  const urls = entries
    .map((entry) =>
      [
        '<url>',
        element('loc', entry.url),
        '<news:news><news:publication>',
        element('news:name', publication.name),
        element('news:language', publication.language),
        '</news:publication>',
        element('news:publication_date', entry.publishedAt.toISOString()),
        element('news:title', entry.title),
        '</news:news></url>',
      ].join(''),
    )
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="${escapeXml('http://www.google.com/schemas/sitemap-news/0.9')}">`,
    urls,
    '</urlset>',
  ].join('\n');
}

/** robots.txt: the newsroom, the API and sign-in are not for crawlers. */
export function buildRobots(sitemapUrls: readonly string[]): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /newsroom',
    'Disallow: /api/',
    'Disallow: /signin',
    '',
    ...sitemapUrls.map((url) => `Sitemap: ${url}`),
    '',
  ].join('\n');
}
