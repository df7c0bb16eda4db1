import 'server-only';
import { unstable_cache } from 'next/cache';
import { slugTag } from '@/lib/cache/tags';
import { getEnv } from '@/lib/config/env';
import {
  getPublicEntitiesForDocument,
  getPublicEntityBySlug,
  listPublishedArticlesForEntity,
  type ArticleEntity,
  type EntityArticlesPage,
  type PublicEntityLookup,
} from './entities';
import { getPublishedArticleBySlug, isArticleRedirect, type PublishedArticle } from './public-articles';
import { getSectionBySlug, listPublishedPage, type Page, type PublicArticleListItem, type PublicSection } from './public-listings';

/**
 * The public pages' reads, served from Next's data cache (`unstable_cache`, kept by lib/cache/cache-handler.cjs) and
 * revalidated by tag (lib/data/revalidate.ts, lib/cache/tag-bus.ts). The App Router pages render per request (each
 * carries its CSP nonce), so a request costs a render but no query; the article page (pages/articles/[slug].tsx) is
 * itself kept whole under the tags `readArticlePage` returns. MIDAD_PUBLIC_CACHE=0 reads the database every time.
 *
 * Tags (CACHE_TAGS in revalidate.ts): `article:ID`, `entity:ID`, `section:ID`, `home`, `sections`, and the slug tags
 * below for lookups by slug, including those that found nothing (a story published later under that slug).
 */

/** Revalidated after an hour even if no tag says so: a safety net, never the freshness mechanism. */
const SAFETY_REVALIDATE_SECONDS = 3600;

/** unstable_cache keeps JSON: Dates travel as {"$date": iso}. */
function encode(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, current: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : current;
  });
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) =>
    value && typeof value === 'object' && '$date' in value && typeof (value as { $date: unknown }).$date === 'string'
      ? new Date((value as { $date: string }).$date)
      : value,
  ) as T;
}

async function cached<T>(keyParts: string[], tags: string[], load: () => Promise<T>): Promise<T> {
  if (!getEnv().MIDAD_PUBLIC_CACHE) return load();
  const text = await unstable_cache(async () => encode(await load()), ['midad-public', ...keyParts], {
    tags,
    revalidate: SAFETY_REVALIDATE_SECONDS,
  })();
  return decode<T>(text);
}

export type ArticlePageData = PublishedArticle & { entities: ArticleEntity[]; hrefs: Record<string, string> };
export type ArticlePageLookup =
  | {
      kind: 'article';
      article: ArticlePageData;
      /** Every tag the story's data was read under: a page built from it is stale when one of them is revalidated. */
      cacheTags: string[];
    }
  | { kind: 'redirect'; redirectTo: string }
  | null;

/** The story's data as the page needs it: the published article and the entities its body mentions. */
async function withEntities(published: PublishedArticle): Promise<ArticlePageData> {
  const { entities, hrefs } = await getPublicEntitiesForDocument(published.body);
  return { ...published, entities, hrefs };
}

/** The tags the article page's data is read under. `sections`: the page shows its section's name. */
function articlePageTags(id: string, slug: string): string[] {
  return [`article:${id}`, slugTag('article', slug), 'sections'];
}

/** The article page: the published story and its entities, or a redirect from an old slug, or null (404). */
export async function readArticlePage(slug: string): Promise<ArticlePageLookup> {
  if (!getEnv().MIDAD_PUBLIC_CACHE) {
    // Nothing is kept: one read of the story serves both the slug lookup and the page.
    const published = await getPublishedArticleBySlug(slug);
    if (!published) return null;
    if (isArticleRedirect(published)) return { kind: 'redirect', redirectTo: published.redirectTo };
    return { kind: 'article', article: await withEntities(published), cacheTags: articlePageTags(published.id, slug) };
  }
  // Slug → id (or redirect), tagged by slug; then the story, tagged by its id (publish, update, unpublish, merge).
  const found = await cached<{ id: string } | { redirectTo: string } | null>(['article-slug', slug], [slugTag('article', slug)], async () => {
    const article = await getPublishedArticleBySlug(slug);
    if (!article) return null;
    return isArticleRedirect(article) ? { redirectTo: article.redirectTo } : { id: article.id };
  });
  if (!found) return null;
  if ('redirectTo' in found) return { kind: 'redirect', redirectTo: found.redirectTo };
  const id = found.id;
  const cacheTags = articlePageTags(id, slug);
  const article = await cached(['article', id, slug], cacheTags, async () => {
    const published = await getPublishedArticleBySlug(slug);
    if (!published || isArticleRedirect(published) || published.id !== id) return null;
    return withEntities(published);
  });
  return article ? { kind: 'article', article, cacheTags } : null;
}

export async function readEntityBySlug(slug: string): Promise<PublicEntityLookup | null> {
  return cached(['entity-slug', slug], [slugTag('entity', slug)], async () => {
    const found = await getPublicEntityBySlug(slug);
    return found;
  }).then(async (found) => {
    if (found?.kind !== 'entity') return found;
    // The entity's own fields are revalidated by its id too (edits, merges).
    const fresh = await cached(['entity', found.entity.id, slug], [`entity:${found.entity.id}`, slugTag('entity', slug)], () =>
      getPublicEntityBySlug(slug),
    );
    return fresh;
  });
}

export async function readEntityArticles(entityId: string, page: number): Promise<EntityArticlesPage> {
  return cached(['entity-articles', entityId, String(page)], [`entity:${entityId}`], () => listPublishedArticlesForEntity(entityId, page));
}

export async function readSectionBySlug(slug: string): Promise<PublicSection | null> {
  return cached(['section-slug', slug], ['sections', slugTag('section', slug)], () => getSectionBySlug(slug));
}

/** A page of the home page (no section) or of a section's page. */
export async function readListing(sectionId: string | null, page: number, perPage: number): Promise<Page<PublicArticleListItem>> {
  const tags = sectionId ? [`section:${sectionId}`, 'sections'] : ['home', 'sections'];
  return cached(['listing', sectionId ?? 'home', String(page), String(perPage)], tags, () =>
    listPublishedPage(sectionId ? { sectionId } : {}, { page, perPage }),
  );
}
