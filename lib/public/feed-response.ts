import 'server-only';
import { getEnv } from '@/lib/config/env';
import { listLatestPublished, type ListFilter } from '@/lib/data/public-listings';
import { buildAtom, buildRss, type FeedChannel } from './feeds';
import { absoluteUrl, articlePath } from './urls';

/** Stories per feed. */
export const FEED_SIZE = 30;

export type FeedFormat = 'rss' | 'atom';

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

/**
 * A feed of the latest published stories matching `filter`. `pagePath` is the page the feed follows, `selfPath` the
 * feed's own path. Not cached for now (the caching decision is the lead's): `no-cache` lets readers revalidate.
 */
export async function feedResponse(
  format: FeedFormat,
  options: { filter: ListFilter; title: string; description: string; pagePath: string; selfPath: string },
): Promise<Response> {
  const env = getEnv();
  const stories = await listLatestPublished(options.filter, FEED_SIZE);
  const channel: FeedChannel = {
    title: options.title,
    description: options.description,
    siteUrl: absoluteUrl(env.MIDAD_SITE_URL, options.pagePath),
    selfUrl: absoluteUrl(env.MIDAD_SITE_URL, options.selfPath),
    language: 'ar',
    items: stories.map((story) => ({
      title: story.title,
      url: absoluteUrl(env.MIDAD_SITE_URL, articlePath(story.slug)),
      summary: story.dek,
      authorName: story.authorName,
      publishedAt: story.publishedAt,
      modifiedAt: story.modifiedAt,
      category: story.section?.name,
    })),
  };
  const body = format === 'rss' ? buildRss(channel) : buildAtom(channel);
  return new Response(body, { headers: { 'Content-Type': CONTENT_TYPES[format], 'Cache-Control': 'no-cache' } });
}

/** Route params arrive percent-encoded (Arabic slugs): decode once, tolerating malformed input. */
export function decodeSlug(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
