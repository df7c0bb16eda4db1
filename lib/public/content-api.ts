import 'server-only';
import { z } from 'zod';
import { getEnv } from '@/lib/config/env';
import {
  getPublicEntityBySlug,
  getPublishedFullBySlug,
  getSectionBySlug,
  listArticleEntities,
  listEntitiesOfArticles,
  listPublishedFull,
  MAX_PAGE,
  MAX_PER_PAGE,
  type PublicArticleFull,
  type PublicEntityRef,
} from '@/lib/data/public-listings';
import { AppError, fromZodError, toErrorResponse } from '@/lib/errors';
import { toNinjsItem, type NinjsItem } from './ninjs';
import { absoluteUrl } from './urls';

/**
 * The read-only content API (ninjs 2.0): published stories only. Errors are the house JSON errors
 * ({ error: { code, message } }) with their HTTP status.
 */

const API_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  // Public, read-only data meant for syndication: any origin may read it.
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'no-cache',
};

export const API_DEFAULT_PER_PAGE = 20;

const slugParam = z.string().trim().min(1).max(300);
const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  per_page: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(API_DEFAULT_PER_PAGE),
  section: slugParam.optional(),
  entity: slugParam.optional(),
});

function site() {
  const env = getEnv();
  return { siteUrl: env.MIDAD_SITE_URL, siteName: env.MIDAD_SITE_NAME, language: 'ar' };
}

function itemOf(article: PublicArticleFull, entities: readonly PublicEntityRef[]): NinjsItem {
  return toNinjsItem({ ...article, entities }, site());
}

export function apiError(err: unknown): Response {
  const { status, body } = toErrorResponse(err);
  if (status >= 500) console.error('content API error', err);
  return new Response(JSON.stringify(body), { status, headers: API_HEADERS });
}

function json(value: unknown): Response {
  return new Response(JSON.stringify(value), { status: 200, headers: API_HEADERS });
}

/** GET /api/content/v1/items?page=&per_page=&section=&entity= */
export async function listItemsResponse(url: URL): Promise<Response> {
  try {
    const raw = Object.fromEntries([...url.searchParams.entries()].filter(([key]) => key in listQuerySchema.shape));
    const parsed = listQuerySchema.safeParse(raw);
    if (!parsed.success) {
      // A query string that cannot be read is a bad request (400), with the Arabic message of each field.
      throw new AppError('bad_request', { detail: 'invalid query', fieldErrors: fromZodError(parsed.error).fieldErrors });
    }
    const query = parsed.data;
    const filter: { sectionId?: string; entityId?: string } = {};
    if (query.section) {
      const section = await getSectionBySlug(query.section);
      if (!section) throw new AppError('not_found', { detail: 'unknown section' });
      filter.sectionId = section.id;
    }
    if (query.entity) {
      const entity = await getPublicEntityBySlug(query.entity);
      if (!entity) throw new AppError('not_found', { detail: 'unknown entity' });
      filter.entityId = entity.id;
    }
    const result = await listPublishedFull(filter, { page: query.page, perPage: query.per_page });
    const entities = await listEntitiesOfArticles(result.items.map((item) => item.id));
    const pageUrl = (page: number) => {
      const next = new URL('/api/content/v1/items', absoluteUrl(site().siteUrl, '/'));
      next.searchParams.set('page', String(page));
      next.searchParams.set('per_page', String(query.per_page));
      if (query.section) next.searchParams.set('section', query.section);
      if (query.entity) next.searchParams.set('entity', query.entity);
      return next.toString();
    };
    return json({
      data: result.items.map((item) => itemOf(item, entities.get(item.id) ?? [])),
      meta: { page: result.page, per_page: result.perPage, total: result.total, page_count: result.pageCount },
      links: {
        self: pageUrl(result.page),
        next: result.page < result.pageCount ? pageUrl(result.page + 1) : null,
        prev: result.page > 1 ? pageUrl(result.page - 1) : null,
      },
    });
  } catch (err) {
    return apiError(err);
  }
}

/** GET /api/content/v1/items/[slug] */
export async function getItemResponse(rawSlug: string): Promise<Response> {
  try {
    let slug = rawSlug;
    try {
      slug = decodeURIComponent(rawSlug);
    } catch {
      // Malformed percent-encoding: look it up as written (it will not be found).
    }
    const article = await getPublishedFullBySlug(slug);
    if (!article) throw new AppError('not_found');
    return json(itemOf(article, await listArticleEntities(article.id)));
  } catch (err) {
    return apiError(err);
  }
}
