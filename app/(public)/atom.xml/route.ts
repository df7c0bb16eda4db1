import { getSiteName } from '@/lib/config/site';
import { feedResponse } from '@/lib/public/feed-response';

export const dynamic = 'force-dynamic';

/** Atom 1.0 of the latest stories of the whole site. */
export async function GET() {
  const siteName = getSiteName();
  return feedResponse('atom', { filter: {}, title: siteName, description: `آخر الأخبار من ${siteName}`, pagePath: '/', selfPath: '/atom.xml' });
}
