import { and, eq, sql } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { articleEntities, articleRevisions, articles, auditEvents, entities, slugRedirects, users } from '@/db/schema';
import { readSeedArticle, seedDatabase } from '@/db/seed';
import { collectEntityMentions, entityIdsIn, type TiptapNodeJSON } from '@/lib/entities';
import { extractPlainText, validateDocument } from '@/lib/content';
import { isAppError } from '@/lib/errors';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import {
  createEntityForActor,
  createQuickEntityForActor,
  getEntitiesByIdsForActor,
  getEntitiesForArticle,
  getEntityForActor,
  getPublicEntitiesForDocument,
  getPublicEntityBySlug,
  listEntitiesForActor,
  listPublishedArticlesForEntity,
  listRegistryForActor,
  mergeEntitiesForActor,
  searchEntitiesForActor,
  updateEntityForActor,
} from './entities';
import type { Actor } from './users';

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
}

describe.each(testDrivers())('entity registry on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  const actors = {} as Record<'writer' | 'editor' | 'admin', Actor>;
  let sampleId: string;

  const entityBySlug = async (slug: string) => (await handle.db.select().from(entities).where(eq(entities.slug, slug)))[0]!;
  const entityByName = async (name: string) => (await handle.db.select().from(entities).where(eq(entities.name, name)))[0]!;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    await seedDatabase(handle.db, { demoMode: true });
    for (const role of ['writer', 'editor', 'admin'] as const) {
      const [row] = await handle.db.select().from(users).where(eq(users.email, `${role}@example.com`));
      actors[role] = { id: row!.id, email: row!.email, displayName: row!.displayName, role };
    }
    sampleId = (await handle.db.select({ id: articles.id }).from(articles))[0]!.id;
  });
  afterAll(async () => dispose());

  it('seeds the sample article with every registry mention tagged and its index filled', async () => {
    const [article] = await handle.db.select().from(articles).where(eq(articles.id, sampleId));
    const { mentions, counts } = collectEntityMentions(article!.body as TiptapNodeJSON);
    const iraq = await entityByName('العراق');
    const us = await entityByName('الولايات المتحدة');
    // The dateline is not part of the body; the 13 paragraphs hold the fixture's other mentions.
    expect(mentions.length).toBe(46);
    expect(counts.get(iraq.id)).toBe(6);
    expect(counts.get(us.id)).toBe(4);
    expect(mentions.find((mention) => mention.text === 'القوات الامريكية')).toBeDefined();
    const index = await handle.db.select().from(articleEntities).where(eq(articleEntities.articleId, sampleId));
    expect(new Map(index.map((row) => [row.entityId, row.mentionCount]))).toEqual(counts);
    // Tagging changes no text, and the tagged body is one the validator accepts as it is.
    expect(extractPlainText(article!.body)).toBe(readSeedArticle().bodyText);
    expect(validateDocument(article!.body)).toEqual({ ok: true, doc: article!.body });
  });

  it('searches Arabic-normalized over names and aliases, exact and prefix matches first', async () => {
    const found = await searchEntitiesForActor(actors.writer, { query: 'الامريكية' });
    expect(found.map((entity) => entity.name)).toEqual(
      expect.arrayContaining(['القوات الأمريكية', 'القيادة الوسطى الأمريكية', 'وزارة الدفاع الأمريكية']),
    );
    // Harakat, hamza and taa marbuta in the query do not matter; an alias finds its entity.
    expect((await searchEntitiesForActor(actors.writer, { query: 'البنتاغون' }))[0]?.name).toBe('وزارة الدفاع الأمريكية');
    expect((await searchEntitiesForActor(actors.writer, { query: 'أمريكا' }))[0]?.name).toBe('الولايات المتحدة');
    const baghdad = await searchEntitiesForActor(actors.writer, { query: 'بَغداد' });
    expect(baghdad.map((entity) => entity.name)).toEqual(['بغداد', 'بغداد اليوم']);
    expect(await searchEntitiesForActor(actors.writer, { query: '   ' })).toEqual([]);
    expect(await searchEntitiesForActor(actors.writer, { query: '%' })).toEqual([]);
    const places = await searchEntitiesForActor(actors.writer, { query: 'ال', type: 'place' });
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((entity) => entity.type === 'place')).toBe(true);
  });

  it('lists the registry a page at a time with counts of articles', async () => {
    const first = await listEntitiesForActor(actors.writer, {});
    expect(first.total).toBe(23);
    expect(first.items).toHaveLength(23);
    const iraq = first.items.find((entity) => entity.name === 'العراق');
    expect(iraq?.articleCount).toBe(1);
    const people = await listEntitiesForActor(actors.writer, { type: 'person' });
    expect(people.items.map((entity) => entity.type)).toEqual(people.items.map(() => 'person'));
    const beyond = await listEntitiesForActor(actors.writer, { page: 2 });
    expect(beyond.items).toEqual([]);
    expect((await listRegistryForActor(actors.writer)).length).toBe(23);
  });

  it('lets a writer create an entity, with a free Arabic slug, and refuses bad input', async () => {
    const created = await createEntityForActor(actors.writer, {
      type: 'person',
      name: 'بات رايدر',
      aliases: ['Pat Ryder', 'بات رايدر', ' '],
      description: 'متحدث',
      wikidataId: 'q123',
    });
    // The seed already has "بات رايدر": the slug gets a suffix.
    expect(created.slug).toBe('بات-رايدر-2');
    expect(created.aliases).toEqual(['Pat Ryder']);
    expect(created.wikidataId).toBe('Q123');
    const [row] = await handle.db.select().from(entities).where(eq(entities.id, created.id));
    expect(row!.searchText).toBe('\nبات رايدر\npat ryder\n');
    await expectCode(createEntityForActor(actors.writer, { type: 'person', name: 'س', wikidataId: 'Q0' }), 'validation_failed');
    await expectCode(createEntityForActor(actors.writer, { type: 'person', name: 'س', wikidataId: 'P31' }), 'validation_failed');
    await expectCode(createEntityForActor(actors.writer, { type: 'robot' as never, name: 'س' }), 'validation_failed');
    await expectCode(createEntityForActor(actors.writer, { type: 'person', name: ' ' }), 'validation_failed');
    await expectCode(createEntityForActor(actors.editor, { type: 'person', name: 'س', slug: 'بغداد' }), 'entity_slug_taken');
    await expectCode(createEntityForActor(actors.editor, { type: 'person', name: 'س', slug: 'a b' }), 'invalid_slug');
    const quick = await createQuickEntityForActor(actors.writer, { type: 'event', name: 'مؤتمر بغداد' });
    expect(quick).toMatchObject({ type: 'event', name: 'مؤتمر بغداد', slug: 'مؤتمر-بغداد', aliases: [] });
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'entity.create'));
    expect(audit.map((event) => event.entityId)).toEqual(expect.arrayContaining([created.id, quick.id]));
  });

  it('refuses a writer editing an entity, and changes nothing', async () => {
    const before = await entityByName('بابل');
    await expectCode(updateEntityForActor(actors.writer, before.id, { type: 'place', name: 'بابل الجديدة' }), 'forbidden');
    expect(await entityByName('بابل')).toEqual(before);
  });

  it('lets an editor edit: a new slug redirects from the old one, a new type is written into the marks', async () => {
    const babylon = await entityByName('بابل');
    const [beforeArticle] = await handle.db.select().from(articles).where(eq(articles.id, sampleId));
    const updated = await updateEntityForActor(actors.editor, babylon.id, {
      type: 'organization',
      name: 'بابل',
      slug: 'محافظة-بابل',
      aliases: ['Babylon'],
      description: 'محافظة عراقية',
      wikidataId: '',
    });
    expect(updated).toMatchObject({ slug: 'محافظة-بابل', type: 'organization', aliases: ['Babylon'], wikidataId: null });
    expect(await getPublicEntityBySlug('بابل')).toEqual({ kind: 'redirect', slug: 'محافظة-بابل' });
    const [afterArticle] = await handle.db.select().from(articles).where(eq(articles.id, sampleId));
    expect(afterArticle!.version).toBe(beforeArticle!.version + 1);
    const marks = collectEntityMentions(afterArticle!.body as TiptapNodeJSON).mentions.filter((m) => m.entityId === babylon.id);
    expect(marks.map((mark) => mark.entityType)).toEqual(['organization']);
    // Back to a place, and the old slug back: the redirect for it goes away.
    await updateEntityForActor(actors.admin, babylon.id, { type: 'place', name: 'بابل', slug: 'بابل' });
    expect(await getPublicEntityBySlug('بابل')).toMatchObject({ kind: 'entity', entity: { name: 'بابل' } });
    expect(await getPublicEntityBySlug('محافظة-بابل')).toEqual({ kind: 'redirect', slug: 'بابل' });
  });

  it('refuses a writer merging, and nothing changes', async () => {
    const source = await entityByName('وزارة الدفاع الأمريكية');
    const target = await entityByName('القوات الأمريكية');
    const [before] = await handle.db.select().from(articles).where(eq(articles.id, sampleId));
    await expectCode(mergeEntitiesForActor(actors.writer, { sourceId: source.id, targetId: target.id }), 'forbidden');
    expect(await entityByName('وزارة الدفاع الأمريكية')).toEqual(source);
    const [after] = await handle.db.select().from(articles).where(eq(articles.id, sampleId));
    expect(after).toEqual(before);
    expect(await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'entity.merge'))).toEqual([]);
  });

  it('merges: re-points every tag in working copies and revisions, bumps versions, re-indexes, redirects, audits', async () => {
    const source = await entityByName('وزارة الدفاع الأمريكية');
    const target = await entityByName('القوات الأمريكية');
    const [before] = await handle.db.select().from(articles).where(eq(articles.id, sampleId));
    const sourceMentions = collectEntityMentions(before!.body as TiptapNodeJSON).counts.get(source.id)!;
    const targetMentions = collectEntityMentions(before!.body as TiptapNodeJSON).counts.get(target.id)!;
    expect(sourceMentions).toBe(2);
    // The seed stores the sample article with its published revision: the merge must re-point that one too.
    const seededRevisions = await handle.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, sampleId));
    expect(seededRevisions).toHaveLength(1);
    expect(seededRevisions[0]!.publishedAt).not.toBeNull();

    const result = await mergeEntitiesForActor(actors.editor, { sourceId: source.id, targetId: target.id });
    expect(result.articleIds).toEqual([sampleId]);
    expect(result.revisionCount).toBe(1);

    const [after] = await handle.db.select().from(articles).where(eq(articles.id, sampleId));
    expect(after!.version).toBe(before!.version + 1);
    expect(entityIdsIn(after!.body as TiptapNodeJSON)).not.toContain(source.id);
    expect(collectEntityMentions(after!.body as TiptapNodeJSON).counts.get(target.id)).toBe(sourceMentions + targetMentions);
    expect(after!.bodyText).toBe(before!.bodyText);
    const [revision] = await handle.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, sampleId));
    expect(entityIdsIn(revision!.body as TiptapNodeJSON)).not.toContain(source.id);

    const index = await handle.db.select().from(articleEntities).where(eq(articleEntities.articleId, sampleId));
    expect(index.find((row) => row.entityId === source.id)).toBeUndefined();
    expect(index.find((row) => row.entityId === target.id)?.mentionCount).toBe(sourceMentions + targetMentions);

    const merged = await getEntityForActor(actors.writer, source.id);
    expect(merged.mergedInto).toEqual({ id: target.id, name: target.name, slug: target.slug });
    const survivor = await getEntityForActor(actors.writer, target.id);
    expect(survivor.aliases).toEqual(expect.arrayContaining(['وزارة الدفاع الأمريكية', 'البنتاغون']));
    expect((await searchEntitiesForActor(actors.writer, { query: 'البنتاغون' })).map((entity) => entity.id)).toEqual([target.id]);
    expect((await listEntitiesForActor(actors.writer, {})).items.some((entity) => entity.id === source.id)).toBe(false);

    expect(await getPublicEntityBySlug(source.slug)).toEqual({ kind: 'redirect', slug: target.slug });
    const [redirect] = await handle.db
      .select()
      .from(slugRedirects)
      .where(and(eq(slugRedirects.kind, 'entity'), eq(slugRedirects.oldSlug, source.slug)));
    expect(redirect?.targetId).toBe(target.id);
    const [audit] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'entity.merge'));
    expect(audit).toMatchObject({ actorId: actors.editor.id, entityId: target.id, details: { articles: 1, revisions: 1 } });

    // Merging again, or into itself, or into a merged entity, is refused.
    await expectCode(mergeEntitiesForActor(actors.editor, { sourceId: source.id, targetId: target.id }), 'entity_merge_invalid');
    await expectCode(mergeEntitiesForActor(actors.admin, { sourceId: target.id, targetId: source.id }), 'entity_merge_invalid');
    await expectCode(mergeEntitiesForActor(actors.admin, { sourceId: target.id, targetId: target.id }), 'validation_failed');
    await expectCode(
      mergeEntitiesForActor(actors.admin, { sourceId: target.id, targetId: '00000000-0000-4000-8000-000000000000' }),
      'entity_not_found',
    );
  });

  it('lists the published articles of an entity newest first, a page at a time, never a draft', async () => {
    const iraq = await entityByName('العراق');
    const [wire] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'wire@baghdadtoday.invalid'));
    const mention = (title: string): JSONContent => ({
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: title, marks: [{ type: 'entity', attrs: { entityId: iraq.id, entityType: 'place' } }] }] }],
    });
    const inserted = [];
    for (let day = 1; day <= 21; day++) {
      const [row] = await handle.db
        .insert(articles)
        .values({
          slug: `خبر-${day}`,
          title: `خبر ${day}`,
          body: mention('العراق'),
          authorId: wire!.id,
          status: day === 21 ? 'draft' : 'published',
          publishedAt: day === 21 ? null : new Date(Date.UTC(2024, 1, day)),
        })
        .returning({ id: articles.id });
      inserted.push(row!.id);
      await handle.db.insert(articleEntities).values({ articleId: row!.id, entityId: iraq.id, mentionCount: 1 });
    }
    const first = await listPublishedArticlesForEntity(iraq.id, 1);
    expect(first.total).toBe(21); // 20 new published + the sample article
    expect(first.pageCount).toBe(2);
    expect(first.items[0]?.title).toBe('خبر 20');
    expect(first.items.map((item) => item.title)).not.toContain('خبر 21');
    const second = await listPublishedArticlesForEntity(iraq.id, 2);
    expect(second.items.map((item) => item.id)).toEqual([sampleId]);
    expect(await listPublishedArticlesForEntity('not-a-uuid', 1)).toMatchObject({ items: [], total: 0 });
    await handle.db.delete(articles).where(sql`${articles.slug} like 'خبر-%'`);
  });

  it('gives readers the entities of an article, following merges to the survivor', async () => {
    const listed = await getEntitiesForArticle(sampleId);
    expect(listed[0]).toMatchObject({ name: 'العراق', mentionCount: 6, type: 'place' });
    const [article] = await handle.db.select().from(articles).where(eq(articles.id, sampleId));
    const { entities: onPage, hrefs } = await getPublicEntitiesForDocument(article!.body);
    expect(onPage.map((entity) => entity.name)).toEqual(listed.map((entity) => entity.name));
    const iraq = await entityByName('العراق');
    expect(hrefs[iraq.id]).toBe(`/entities/${encodeURIComponent('العراق')}`);
    // A body still carrying a merged id (an old revision) links to the survivor.
    const source = await entityByName('وزارة الدفاع الأمريكية');
    const target = await entityByName('القوات الأمريكية');
    const old: JSONContent = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'البنتاغون', marks: [{ type: 'entity', attrs: { entityId: source.id, entityType: 'organization' } }] }] }],
    };
    const resolved = await getPublicEntitiesForDocument(old);
    expect(resolved.hrefs[source.id]).toBe(`/entities/${encodeURIComponent(target.slug)}`);
    expect(resolved.entities.map((entity) => entity.id)).toEqual([target.id]);
  });

  it('finds entities by id for the editor and a public entity by slug', async () => {
    const iraq = await entityByName('العراق');
    const found = await getEntitiesByIdsForActor(actors.writer, [iraq.id.toUpperCase(), 'nope', iraq.id]);
    expect(found.map((entity) => entity.id)).toEqual([iraq.id]);
    expect(await getPublicEntityBySlug('العراق')).toMatchObject({ kind: 'entity', entity: { id: iraq.id, type: 'place' } });
    expect(await getPublicEntityBySlug('لا-يوجد')).toBeNull();
    await expectCode(getEntityForActor(actors.writer, 'nope'), 'entity_not_found');
    expect((await entityBySlug('العراق')).id).toBe(iraq.id);
  });
});
