import { getSiteName } from '@/lib/config/site';
import { getSectionBySlug } from '@/lib/data/public-listings';
import { decodeSlug, feedResponse } from '@/lib/public/feed-response';
import { sectionPath } from '@/lib/public/urls';
import { AppError, toErrorResponse } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** RSS 2.0 of a section's latest stories; 404 for an unknown section. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const section = await getSectionBySlug(decodeSlug((await params).slug));
  if (!section) {
    const error = toErrorResponse(new AppError('not_found'));
    return Response.json(error.body, { status: error.status });
  }
  const path = sectionPath(section.slug);
  return feedResponse('rss', {
    filter: { sectionId: section.id },
    title: `${section.name} | ${getSiteName()}`,
    description: `آخر أخبار قسم ${section.name}`,
    pagePath: path,
    selfPath: `${path}/feed.xml`,
  });
}
