import { getSiteName } from '@/lib/config/site';
import { feedResponse } from '@/lib/public/feed-response';

export const dynamic = 'force-dynamic';

/** RSS 2.0 of the latest stories of the whole site. */
export async function GET() {
  const siteName = getSiteName();
  return feedResponse('rss', { filter: {}, title: siteName, description: `آخر الأخبار من ${siteName}`, pagePath: '/', selfPath: '/feed.xml' });
}
