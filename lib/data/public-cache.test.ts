import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { articleRevisions, articles, entities, sections, slugRedirects } from '@/db/schema';
import { readSeedArticle, seedDatabase } from '@/db/seed';
import { slugTag } from '@/lib/cache/tags';
import { documentFromParagraphs } from '@/lib/content/from-paragraphs';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { createTestUser } from '@/test/support/workflow-fixtures';
import { getPublishedArticleBySlug } from './public-articles';
import { readArticlePage } from './public-cache';
import type { Actor } from './users';

/**
 * The article page's read (MIDAD_PUBLIC_CACHE=0 in tests, so every call reads the database): what readers see of a
 * published story, its notes, its section and its entities, a redirect from an old slug, and nothing else.
 */
describe.each(testDrivers())('the article page read on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let writer: Actor;
  let counter = 0;
  const nextSlug = (base: string) => `${base}-${driver}-${++counter}`;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    await seedDatabase(handle.db, { demoMode: false });
    writer = await createTestUser(handle.db, 'writer', 'كاتب الاختبار');
  });
  afterAll(async () => dispose());

  /** A published story: its working copy, and a published revision (unless `revision` is false) with its own fields. */
  async function publishStory(options: {
    slug: string;
    revisionSlug?: string;
    revision?: boolean;
    publishedAt?: Date;
    sectionSlug?: string;
  }) {
    const body = documentFromParagraphs(['نص النسخة العاملة.']);
    const section = options.sectionSlug
      ? (await handle.db.select().from(sections).where(eq(sections.slug, options.sectionSlug)))[0]
      : undefined;
    const publishedAt = options.publishedAt ?? new Date('2024-03-01T08:00:00Z');
    const [article] = await handle.db
      .insert(articles)
      .values({
        slug: options.slug,
        title: 'عنوان النسخة العاملة',
        dek: 'موجز النسخة العاملة',
        body,
        bodyText: 'نص النسخة العاملة.',
        status: 'published',
        authorId: writer.id,
        publishedAt,
        updatedAt: new Date('2024-03-05T08:00:00Z'),
      })
      .returning();
    if (options.revision === false) return { article: article!, revision: null };
    const revisionBody = documentFromParagraphs(['نص النسخة المنشورة.']);
    const [revision] = await handle.db
      .insert(articleRevisions)
      .values({
        articleId: article!.id,
        version: 1,
        title: 'عنوان النسخة المنشورة',
        dek: 'موجز النسخة المنشورة',
        slug: options.revisionSlug ?? options.slug,
        sectionId: section?.id ?? null,
        body: revisionBody,
        bodyText: 'نص النسخة المنشورة.',
        authorId: writer.id,
        publishedAt,
      })
      .returning();
    await handle.db.update(articles).set({ publishedRevisionId: revision!.id }).where(eq(articles.id, article!.id));
    return { article: article!, revision: revision! };
  }

  it('reads the seeded story once: its published revision, section, entities with their pages, and the tags', async () => {
    const seed = readSeedArticle();
    const found = await readArticlePage(seed.slug);
    expect(found?.kind).toBe('article');
    if (found?.kind !== 'article') return;
    const { article, cacheTags } = found;
    const [row] = await handle.db.select().from(articles).where(eq(articles.slug, seed.slug));
    expect(article).toMatchObject({ id: row!.id, slug: seed.slug, title: seed.title, dek: seed.dek, authorName: 'بغداد اليوم', notes: [] });
    expect(article.publishedAt.toISOString()).toBe(seed.publishedAt.toISOString());
    expect(article.updatedAt.toISOString()).toBe(seed.publishedAt.toISOString());
    expect(article.body).toEqual(row!.body);
    expect(article.section?.name).toBeTruthy();
    expect(article.entities.length).toBeGreaterThan(3);
    // Most mentioned first; every entity links to its page by slug.
    const counts = article.entities.map((entity) => entity.mentionCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const registry = await handle.db.select({ id: entities.id, slug: entities.slug }).from(entities);
    const slugOf = new Map(registry.map((entity) => [entity.id, entity.slug]));
    for (const entity of article.entities) expect(article.hrefs[entity.id]).toBe(`/entities/${encodeURIComponent(slugOf.get(entity.id)!)}`);
    expect(cacheTags).toEqual([`article:${row!.id}`, slugTag('article', seed.slug), 'sections']);
    // The same story as the data layer's own read.
    const direct = await getPublishedArticleBySlug(seed.slug);
    const { entities: _entities, hrefs: _hrefs, ...story } = article;
    expect(story).toEqual(direct);
  });

  it('shows the published revision, not the working copy, with its section and dated notes oldest first', async () => {
    const slug = nextSlug('revision');
    const { article, revision } = await publishStory({ slug, sectionSlug: (await handle.db.select().from(sections))[0]!.slug });
    // Earlier published revisions carry notes; a revision never published and one without a note show nothing.
    await handle.db.insert(articleRevisions).values([
      { articleId: article.id, version: 2, title: 't', dek: '', slug, body: revision!.body, bodyText: '', authorId: writer.id, publishedAt: new Date('2024-03-03T10:00:00Z'), noteKind: 'update', noteText: 'تحديث ثان.' },
      { articleId: article.id, version: 3, title: 't', dek: '', slug, body: revision!.body, bodyText: '', authorId: writer.id, publishedAt: new Date('2024-03-02T10:00:00Z'), noteKind: 'correction', noteText: 'تصحيح أول.' },
      { articleId: article.id, version: 4, title: 't', dek: '', slug, body: revision!.body, bodyText: '', authorId: writer.id, publishedAt: null, noteKind: 'update', noteText: 'لم ينشر.' },
      { articleId: article.id, version: 5, title: 't', dek: '', slug, body: revision!.body, bodyText: '', authorId: writer.id, publishedAt: new Date('2024-03-04T10:00:00Z') },
    ]);
    const found = await readArticlePage(slug);
    if (found?.kind !== 'article') throw new Error(`expected the story, got ${JSON.stringify(found)}`);
    const [section] = await handle.db.select().from(sections).where(eq(sections.id, revision!.sectionId!));
    expect(found.article).toMatchObject({
      id: article.id,
      title: 'عنوان النسخة المنشورة',
      dek: 'موجز النسخة المنشورة',
      authorName: 'كاتب الاختبار',
      body: revision!.body,
      section: { slug: section!.slug, name: section!.name },
      entities: [],
      hrefs: {},
    });
    expect(found.article.notes).toEqual([
      { kind: 'correction', text: 'تصحيح أول.', at: new Date('2024-03-02T10:00:00Z') },
      { kind: 'update', text: 'تحديث ثان.', at: new Date('2024-03-03T10:00:00Z') },
    ]);
  });

  it('shows the working copy of a published story without a revision, dated at its publication', async () => {
    const slug = nextSlug('no-revision');
    const { article } = await publishStory({ slug, revision: false, publishedAt: new Date('2024-04-01T06:00:00Z') });
    const found = await readArticlePage(slug);
    if (found?.kind !== 'article') throw new Error('expected the story');
    expect(found.article).toMatchObject({ id: article.id, title: 'عنوان النسخة العاملة', section: null, notes: [] });
    expect(found.article.updatedAt.toISOString()).toBe('2024-04-01T06:00:00.000Z');
    expect(found.article.publishedAt.toISOString()).toBe('2024-04-01T06:00:00.000Z');
  });

  it('answers the working copy slug of a story whose published revision has another with nothing', async () => {
    const slug = nextSlug('working');
    const revisionSlug = nextSlug('published');
    await publishStory({ slug, revisionSlug });
    expect(await readArticlePage(slug)).toBeNull();
    expect((await readArticlePage(revisionSlug))?.kind).toBe('article');
  });

  it('redirects an old slug of a published story, and answers nothing for an unpublished one or a bad slug', async () => {
    const slug = nextSlug('current');
    const { article } = await publishStory({ slug });
    const old = nextSlug('old');
    await handle.db.insert(slugRedirects).values({ kind: 'article', oldSlug: old, targetId: article.id });
    expect(await readArticlePage(old)).toEqual({ kind: 'redirect', redirectTo: `/articles/${encodeURIComponent(slug)}` });

    await handle.db.update(articles).set({ status: 'draft' }).where(eq(articles.id, article.id));
    expect(await readArticlePage(slug)).toBeNull();
    expect(await readArticlePage(old)).toBeNull();
    for (const bad of ['', 'a\u0000b', 'x'.repeat(301), 'لا-يوجد']) expect(await readArticlePage(bad)).toBeNull();
  });
});
