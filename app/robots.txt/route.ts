import { getEnv } from '@/lib/config/env';
import { buildRobots } from '@/lib/public/sitemaps';
import { absoluteUrl } from '@/lib/public/urls';

// MIDAD_SITE_URL is read when the request comes, not baked in at build time.
export const dynamic = 'force-dynamic';

export function GET() {
  const site = getEnv().MIDAD_SITE_URL;
  return new Response(buildRobots([absoluteUrl(site, '/sitemap.xml'), absoluteUrl(site, '/news-sitemap.xml')]), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
