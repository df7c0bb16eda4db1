/**
 * RSS 2.0 and Atom 1.0 documents, built by hand with strict escaping (lib/public/xml.ts): every text and attribute
 * is escaped and stripped of characters XML forbids. Pure: the route handlers pass items and absolute URLs.
 */
import { element, escapeXml } from './xml';

export type FeedItem = {
  title: string;
  /** Absolute URL of the article page. */
  url: string;
  summary: string;
  authorName: string;
  publishedAt: Date;
  modifiedAt: Date;
  category?: string;
};

export type FeedChannel = {
  title: string;
  description: string;
  /** Absolute URL of the page this feed follows (the home page, a section, an entity). */
  siteUrl: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  language: string;
  items: readonly FeedItem[];
};

function latest(channel: FeedChannel): Date {
  let newest = new Date(0);
  for (const item of channel.items) if (item.modifiedAt > newest) newest = item.modifiedAt;
  return newest;
}

export function buildRss(channel: FeedChannel): string {
  const items = channel.items
    .map((item) =>
      [
        '<item>',
        element('title', item.title),
        element('link', item.url),
        element('guid', item.url, { isPermaLink: 'true' }),
        element('pubDate', item.publishedAt.toUTCString()),
        element('dc:creator', item.authorName),
        item.category ? element('category', item.category) : '',
        element('description', item.summary),
        '</item>',
      ].join(''),
    )
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.siteUrl),
    element('description', channel.description),
    element('language', channel.language),
    element('lastBuildDate', (channel.items.length > 0 ? latest(channel) : new Date()).toUTCString()),
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    items,
    '</channel>',
    '</rss>',
  ].join('\n');
}

export function buildAtom(channel: FeedChannel): string {
  const entries = channel.items
    .map((item) =>
      [
        '<entry>',
        element('title', item.title),
        `<link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
        element('id', item.url),
        element('published', item.publishedAt.toISOString()),
        element('updated', item.modifiedAt.toISOString()),
        `<author>${element('name', item.authorName)}</author>`,
        item.category ? `<category term="${escapeXml(item.category)}"/>` : '',
        element('summary', item.summary),
        '</entry>',
      ].join(''),
    )
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(channel.language)}">`,
    element('title', channel.title),
    element('subtitle', channel.description),
    `<link rel="alternate" type="text/html" href="${escapeXml(channel.siteUrl)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(channel.selfUrl)}"/>`,
    element('id', channel.selfUrl),
    element('updated', (channel.items.length > 0 ? latest(channel) : new Date(0)).toISOString()),
    entries,
    '</feed>',
  ].join('\n');
}
