/**
 * An unpublished story is gone from every public route: a story is published and then unpublished through the real
 * workflow (so it keeps its published revision, its section, its entity link and its search text as the product
 * leaves them), and every public page and route handler is called as Next would call it — the article page, the
 * home page, the section page, the entity page, search, RSS, Atom, the section and entity feeds, the sitemap, the
 * news sitemap, and the content API's list (also filtered by section and by entity) and item. None may show its
 * title or its slug; its own addresses answer 404. A published control story proves each route does list stories.
 */
import { eq } from 'drizzle-orm';
import { renderToString } from 'react-dom/server';
import { createElement, type ReactElement } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { articleEntities, articles, entities, sections } from '@/db/schema';
import { documentFromParagraphs, extractPlainText } from '@/lib/content';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { createTestUser } from '@/test/support/workflow-fixtures';
import type { Actor } from './users';
import { applyWorkflowEventForActor } from './workflow';

// Public pages call connection() to render per request; outside Next there is no request scope to ask.
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  connection: async () => undefined,
}));


const articlePage = await import('@/pages/articles/[slug]');
// What instrumentation.ts does at server start.
(await import('@/lib/public/article-page-loader')).provideArticlePageLoader((await import('@/lib/public/article-page')).loadArticlePage);
const HomePage = (await import('@/app/(public)/page')).default;
const SectionPage = (await import('@/app/(public)/sections/[slug]/page')).default;
const EntityPage = (await import('@/app/(public)/entities/[slug]/page')).default;
const SearchPage = (await import('@/app/(public)/search/page')).default;
const rss = await import('@/app/(public)/feed.xml/route');
const atom = await import('@/app/(public)/atom.xml/route');
const sectionFeed = await import('@/app/(public)/sections/[slug]/feed.xml/route');
const entityFeed = await import('@/app/(public)/entities/[slug]/feed.xml/route');
const sitemap = await import('@/app/sitemap.xml/route');
const newsSitemap = await import('@/app/news-sitemap.xml/route');
const apiList = await import('@/app/api/content/v1/items/route');
const apiItem = await import('@/app/api/content/v1/items/[slug]/route');

type Story = { id: string; slug: string; title: string };

/** What a page or route shows: its HTML or body, or the status of the notFound()/redirect it threw. */
async function show(render: () => Promise<ReactElement | Response>): Promise<{ status: number; text: string }> {
  try {
    const result = await render();
    if (result instanceof Response) return { status: result.status, text: await result.text() };
    return { status: 200, text: renderToString(result) };
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return { status: 404, text: '' };
    if (digest.startsWith('NEXT_REDIRECT')) return { status: 308, text: digest };
    throw error;
  }
}

const params = <T,>(value: T) => Promise.resolve(value);

/** The article page (Pages Router) as Next renders it: its getStaticProps, then the page with the props. */
async function renderArticlePage(slug: string): Promise<ReactElement> {
  const result = await articlePage.getStaticProps({ params: { slug } });
  if ('notFound' in result) throw Object.assign(new Error('not found'), { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' });
  if ('redirect' in result) throw Object.assign(new Error('redirect'), { digest: `NEXT_REDIRECT;${result.redirect.destination}` });
  return createElement(articlePage.default, await result.props);
}
const noSearch = params({});

describe.each(testDrivers())('an unpublished story on every public route (%s)', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let editor: Actor;
  let writer: Actor;
  let gone: Story;
  let control: Story;
  const section = { id: '', slug: 'siyasa' };
  const entity = { id: '', slug: 'baghdad' };
  const word = 'زرقاءاليمامة';

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    editor = await createTestUser(handle.db, 'editor');
    writer = await createTestUser(handle.db, 'writer');
    const [sectionRow] = await handle.db.insert(sections).values({ name: 'سياسة', slug: section.slug, position: 0 }).returning({ id: sections.id });
    section.id = sectionRow!.id;
    const [entityRow] = await handle.db.insert(entities).values({ type: 'place', name: 'بغداد', slug: entity.slug }).returning({ id: entities.id });
    entity.id = entityRow!.id;

    async function story(slug: string, title: string): Promise<Story> {
      const body = documentFromParagraphs([`${word} في بغداد اليوم.`]);
      const [row] = await handle.db
        .insert(articles)
        .values({ slug, title, dek: 'موجز', body, bodyText: extractPlainText(body), status: 'approved', authorId: writer.id, sectionId: section.id })
        .returning({ id: articles.id });
      await handle.db.insert(articleEntities).values({ articleId: row!.id, entityId: entity.id, mentionCount: 1 });
      await applyWorkflowEventForActor(editor, { articleId: row!.id, event: 'publish' });
      return { id: row!.id, slug, title };
    }
    gone = await story('khabar-sahab', `${word} خبر سُحب`);
    control = await story('khabar-baqi', `${word} خبر باق`);
    await applyWorkflowEventForActor(editor, { articleId: gone.id, event: 'unpublish' });
    const [row] = await handle.db.select({ status: articles.status, publishedRevisionId: articles.publishedRevisionId }).from(articles).where(eq(articles.id, gone.id));
    expect(row?.status).toBe('unpublished');
  });
  afterAll(async () => dispose());

  const LISTINGS: Array<[string, () => Promise<ReactElement | Response>]> = [
    ['home page', () => HomePage({ searchParams: noSearch })],
    ['section page', () => SectionPage({ params: params({ slug: 'siyasa' }), searchParams: noSearch })],
    ['entity page', () => EntityPage({ params: params({ slug: 'baghdad' }), searchParams: noSearch })],
    ['search', () => SearchPage({ searchParams: params({ q: word }) })],
    ['RSS', () => rss.GET()],
    ['Atom', () => atom.GET()],
    ['section feed', () => sectionFeed.GET(new Request('http://x/sections/siyasa/feed.xml'), { params: params({ slug: 'siyasa' }) })],
    ['entity feed', () => entityFeed.GET(new Request('http://x/entities/baghdad/feed.xml'), { params: params({ slug: 'baghdad' }) })],
    ['sitemap', () => sitemap.GET()],
    ['news sitemap', () => newsSitemap.GET()],
    ['content API list', () => apiList.GET(new Request('http://x/api/content/v1/items'))],
    ['content API list by section', () => apiList.GET(new Request('http://x/api/content/v1/items?section=siyasa'))],
    ['content API list by entity', () => apiList.GET(new Request('http://x/api/content/v1/items?entity=baghdad'))],
  ];

  for (const [name, render] of LISTINGS) {
    it(`${name}: lists the published story, not the unpublished one`, async () => {
      const { status, text } = await show(render);
      expect(status).toBe(200);
      expect(text).toContain(control.slug);
      expect(text).not.toContain(gone.slug);
      expect(text).not.toContain('خبر سُحب');
    });
  }

  it('its article page and its content API item answer 404', async () => {
    expect((await show(() => renderArticlePage(gone.slug))).status).toBe(404);
    expect((await show(() => apiItem.GET(new Request(`http://x/api/content/v1/items/${gone.slug}`), { params: params({ slug: gone.slug }) }))).status).toBe(404);
    // The control story is served by both.
    expect((await show(() => renderArticlePage(control.slug))).status).toBe(200);
    expect((await show(() => apiItem.GET(new Request(`http://x/api/content/v1/items/${control.slug}`), { params: params({ slug: control.slug }) }))).status).toBe(200);
  });
});
