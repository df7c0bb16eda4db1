import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { articleEntities, articleRevisions, articles, entities, sections, slugRedirects } from '@/db/schema';
import { revalidatePublicTags } from '@/lib/cache/tag-bus';
import { slugTag } from '@/lib/cache/tags';

/**
 * Cache tags of the public pages (ARCHITECTURE.md, "Caching and scale"). Pages and fetches that cache article data
 * tag themselves with these; the workflow revalidates them after every publishing event.
 */
export const CACHE_TAGS = {
  home: 'home',
  feeds: 'feeds',
  sitemap: 'sitemap',
  sections: 'sections',
  article: (id: string) => `article:${id}`,
  section: (id: string) => `section:${id}`,
  entity: (id: string) => `entity:${id}`,
} as const;

/** Public paths that list articles whatever they are: feeds and sitemaps. */
const LIST_PATHS = ['/', '/feed.xml', '/rss.xml', '/atom.xml', '/sitemap.xml', '/news-sitemap.xml'];

/**
 * Revalidates every public page that shows these articles: each one's page (by id, and by its current, published
 * and old slugs), the home page, its section, the pages of the entities it mentions, the feeds and the sitemap, on
 * every app instance (lib/cache/tag-bus.ts).
 *
 * Call it after the transaction that published, updated or unpublished the articles has committed. It works inside
 * and outside a request (the scheduler's ticker); a cache failure is logged and never fails the step that was
 * already saved.
 */
export async function revalidateArticlePages(articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  try {
    const targets = await collectTargets(articleIds);
    await revalidatePublicTags(targets.tags);
    runRevalidation(() => {
      for (const path of targets.paths) revalidatePath(path);
    });
  } catch (error) {
    console.error('midad: could not revalidate article pages:', error);
  }
}

/**
 * After an entity changed (edited, merged): its page and the pages of the entities merged into it, under every slug
 * they answered to, and every published story that mentions them (their links, lists and JSON-LD).
 */
export async function revalidateEntityPages(entityIds: readonly string[], articleIds: readonly string[] = []): Promise<void> {
  if (entityIds.length === 0) return;
  try {
    const db = await getDb();
    const ids = [...entityIds];
    const tags = new Set<string>(ids.map((id) => CACHE_TAGS.entity(id)));
    const rows = await db.select({ slug: entities.slug }).from(entities).where(inArray(entities.id, ids));
    const redirects = await db.select({ slug: slugRedirects.oldSlug }).from(slugRedirects).where(inArray(slugRedirects.targetId, ids));
    for (const row of [...rows, ...redirects]) tags.add(slugTag('entity', row.slug));
    const mentioning = await db
      .select({ id: articleEntities.articleId })
      .from(articleEntities)
      .where(inArray(articleEntities.entityId, ids));
    await revalidatePublicTags([...tags]);
    await revalidateArticlePages([...new Set([...articleIds, ...mentioning.map((row) => row.id)])]);
  } catch (error) {
    console.error('midad: could not revalidate entity pages:', error);
  }
}

/** After sections changed (a new one, a new name): every page that shows section names or looks sections up. */
export async function revalidateSectionPages(): Promise<void> {
  await revalidatePublicTags([CACHE_TAGS.sections]);
}

async function collectTargets(articleIds: readonly string[]): Promise<{ tags: string[]; paths: string[] }> {
  const db = await getDb();
  const ids = [...articleIds];
  const tags = new Set<string>([CACHE_TAGS.home, CACHE_TAGS.feeds, CACHE_TAGS.sitemap]);
  const paths = new Set<string>(LIST_PATHS);
  const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;

  const rows = await db
    .select({ id: articles.id, slug: articles.slug, sectionId: articles.sectionId, sectionSlug: sections.slug })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(inArray(articles.id, ids));
  for (const row of rows) {
    tags.add(CACHE_TAGS.article(row.id));
    tags.add(slugTag('article', row.slug));
    paths.add(articlePath(row.slug));
    if (row.sectionId) tags.add(CACHE_TAGS.section(row.sectionId));
    if (row.sectionSlug) paths.add(`/sections/${encodeURIComponent(row.sectionSlug)}`);
  }
  const publishedSlugs = await db
    .select({ slug: articleRevisions.slug, sectionId: articleRevisions.sectionId, sectionSlug: sections.slug })
    .from(articleRevisions)
    .innerJoin(articles, eq(articles.publishedRevisionId, articleRevisions.id))
    .leftJoin(sections, eq(sections.id, articleRevisions.sectionId))
    .where(inArray(articles.id, ids));
  for (const row of publishedSlugs) {
    tags.add(slugTag('article', row.slug));
    paths.add(articlePath(row.slug));
    if (row.sectionId) tags.add(CACHE_TAGS.section(row.sectionId));
    if (row.sectionSlug) paths.add(`/sections/${encodeURIComponent(row.sectionSlug)}`);
  }
  const redirects = await db
    .select({ slug: slugRedirects.oldSlug })
    .from(slugRedirects)
    .where(inArray(slugRedirects.targetId, ids));
  for (const row of redirects) {
    tags.add(slugTag('article', row.slug));
    paths.add(articlePath(row.slug));
  }
  const mentioned = await db
    .select({ id: entities.id, slug: entities.slug })
    .from(articleEntities)
    .innerJoin(entities, eq(entities.id, articleEntities.entityId))
    .where(inArray(articleEntities.articleId, ids));
  for (const row of mentioned) {
    tags.add(CACHE_TAGS.entity(row.id));
    paths.add(`/entities/${encodeURIComponent(row.slug)}`);
  }
  return { tags: [...tags], paths: [...paths] };
}

/** Next's path revalidation (the publisher's router cache); outside a request Next throws an invariant: nothing to do. */
function runRevalidation(revalidate: () => void): void {
  try {
    revalidate();
  } catch (error) {
    if (error instanceof Error && /static generation store missing/.test(error.message)) return;
    throw error;
  }
}
