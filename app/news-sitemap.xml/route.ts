import { getEnv } from '@/lib/config/env';
import { listLatestPublished } from '@/lib/data/public-listings';
import { buildNewsSitemap } from '@/lib/public/sitemaps';
import { absoluteUrl, articlePath } from '@/lib/public/urls';

export const dynamic = 'force-dynamic';

const WINDOW_MS = 48 * 60 * 60 * 1000;
/** Google News reads at most 1,000 URLs per news sitemap. */
const LIMIT = 1000;

/** Google News sitemap: the stories first published in the last 48 hours. */
export async function GET() {
  const env = getEnv();
  const since = new Date(Date.now() - WINDOW_MS);
  const stories = await listLatestPublished({ since }, LIMIT);
  const xml = buildNewsSitemap(
    { name: env.MIDAD_SITE_NAME, language: 'ar' },
    stories.map((story) => ({ url: absoluteUrl(env.MIDAD_SITE_URL, articlePath(story.slug)), title: story.title, publishedAt: story.publishedAt })),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'no-cache' } });
}
