import { getSiteName } from '@/lib/config/site';
import { getPublicEntityBySlug } from '@/lib/data/public-listings';
import { AppError, toErrorResponse } from '@/lib/errors';
import { decodeSlug, feedResponse } from '@/lib/public/feed-response';
import { entityPath } from '@/lib/public/urls';

export const dynamic = 'force-dynamic';

/** RSS 2.0 of the latest stories tagged with an entity; 404 for an unknown or merged entity. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const entity = await getPublicEntityBySlug(decodeSlug((await params).slug));
  if (!entity) {
    const error = toErrorResponse(new AppError('not_found'));
    return Response.json(error.body, { status: error.status });
  }
  const path = entityPath(entity.slug);
  return feedResponse('rss', {
    filter: { entityId: entity.id },
    title: `${entity.name} | ${getSiteName()}`,
    description: `آخر الأخبار عن ${entity.name}`,
    pagePath: path,
    selfPath: `${path}/feed.xml`,
  });
}
