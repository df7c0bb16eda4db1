import { getSiteName } from '@/lib/config/site';

type FeedLink = { url: string; title: string };

/**
 * `<link rel="alternate">` types for page metadata: the site's RSS and Atom feeds, plus any feeds of the page itself
 * (a section's RSS). Next merges metadata key by key, so every page that sets `alternates` includes these.
 */
export function siteFeedTypes(extraRss: FeedLink[] = []): { 'application/rss+xml': FeedLink[]; 'application/atom+xml': FeedLink[] } {
  const siteName = getSiteName();
  return {
    'application/rss+xml': [{ url: '/feed.xml', title: `${siteName}: RSS` }, ...extraRss],
    'application/atom+xml': [{ url: '/atom.xml', title: `${siteName}: Atom` }],
  };
}
