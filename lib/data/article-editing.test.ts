import { asc, eq } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { articleEntities, articleRevisions, articles, entities, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { MAX_DOCUMENT_DEPTH } from '@/lib/content/validate';
import { DEFAULT_ARTICLE_TITLE, TITLE_MAX_LENGTH } from '@/lib/editor/limits';
import { AppError } from '@/lib/errors';
import { slugify } from '@/lib/text/slug';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import {
  checkArticleSlugForActor,
  createDraftForActor,
  getArticleForEditing,
  isUniqueViolation,
  isVersionConflictError,
  saveArticleContentForActor,
  type SaveArticleContentInput,
} from './article-editing';
import { createSectionForActor, listSections } from './sections';
import type { Actor } from './users';

const paragraph = (text: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'paragraph',
  attrs: { dir: null },
  content: [marks ? { type: 'text', text, marks } : { type: 'text', text }],
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const entityMark = (entityId: string, entityType = 'place') => [{ type: 'entity', attrs: { entityId, entityType } }];

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe.each(testDrivers())('article editing on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let writer: Actor;
  let otherWriter: Actor;
  let editor: Actor;
  let admin: Actor;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    await seedDatabase(handle.db, { demoMode: true });
    const rows = await handle.db.select().from(users);
    const actor = (email: string): Actor => {
      const row = rows.find((candidate) => candidate.email === email)!;
      return { id: row.id, email: row.email, displayName: row.displayName, role: row.role };
    };
    writer = actor('writer@example.com');
    editor = actor('editor@example.com');
    admin = actor('admin@example.com');
    const [other] = await handle.db
      .insert(users)
      .values({ email: 'other@example.com', displayName: 'كاتب آخر', role: 'writer', passwordHash: 'x' })
      .returning();
    otherWriter = { id: other!.id, email: other!.email, displayName: other!.displayName, role: 'writer' };
  });
  afterAll(async () => dispose());

  async function readArticle(id: string) {
    const [row] = await handle.db.select().from(articles).where(eq(articles.id, id));
    return row!;
  }
  async function readRevisions(id: string) {
    return handle.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, id)).orderBy(asc(articleRevisions.version));
  }
  async function saveInput(id: string, overrides: Partial<SaveArticleContentInput> = {}): Promise<SaveArticleContentInput> {
    const row = await readArticle(id);
    return {
      id,
      expectedVersion: row.version,
      title: row.title,
      dek: row.dek,
      slug: row.slug,
      sectionId: row.sectionId,
      body: row.body,
      ...overrides,
    };
  }

  it('creates a draft with a default Arabic title, a slug from it, version 1 and a first revision', async () => {
    const first = await createDraftForActor(writer);
    const second = await createDraftForActor(writer, { title: '  ' });
    expect(first.slug).toBe(slugify(DEFAULT_ARTICLE_TITLE));
    expect(second.slug).toBe(`${slugify(DEFAULT_ARTICLE_TITLE)}-2`);
    const row = await readArticle(first.id);
    expect(row).toMatchObject({ title: DEFAULT_ARTICLE_TITLE, status: 'draft', version: 1, authorId: writer.id, bodyText: '' });
    const revisions = await readRevisions(first.id);
    expect(revisions.map((revision) => [revision.version, revision.authorId])).toEqual([[1, writer.id]]);

    const titled = await createDraftForActor(editor, { title: 'انفجار في بغداد' });
    expect(titled.slug).toBe('انفجار-في-بغداد');
  });

  it('gives the editor its DTO and tells who may edit; refuses another writer', async () => {
    const { id } = await createDraftForActor(writer, { title: 'خبر الكاتبة' });
    const own = await getArticleForEditing(writer, id);
    expect(own).toMatchObject({ id, title: 'خبر الكاتبة', status: 'draft', version: 1, authorName: 'سارة الكاتبة', permissions: { canEdit: true } });
    expect(typeof own.updatedAt).toBe('string');
    expect((await getArticleForEditing(editor, id)).permissions.canEdit).toBe(true);
    await expectAppError(getArticleForEditing(otherWriter, id), 'forbidden');
    await expectAppError(getArticleForEditing(writer, '00000000-0000-4000-8000-000000000000'), 'not_found');
    await expectAppError(getArticleForEditing(writer, 'not-a-uuid'), 'not_found');

    await handle.db.update(articles).set({ status: 'in_review' }).where(eq(articles.id, id));
    expect((await getArticleForEditing(writer, id)).permissions.canEdit).toBe(false);
  });

  it('saves title, dek, slug, section and body; bumps the version and writes the plain text in the same write', async () => {
    const { id } = await createDraftForActor(writer);
    const [section] = await listSections();
    const body = doc(paragraph('زار الوفد بغداد يوم 5 كانون الثاني مع وزير الـ Defense.'), paragraph('فقرة ثانية.'));
    const saved = await saveArticleContentForActor(
      writer,
      await saveInput(id, { title: ' عنوان جديد ', dek: 'موجز', slug: 'عنوان-جديد', sectionId: section!.id, body }),
    );
    expect(saved.version).toBe(2);
    const row = await readArticle(id);
    expect(row).toMatchObject({ title: 'عنوان جديد', dek: 'موجز', slug: 'عنوان-جديد', sectionId: section!.id, version: 2, status: 'draft' });
    expect(row.bodyText).toBe('زار الوفد بغداد يوم 5 كانون الثاني مع وزير الـ Defense.\nفقرة ثانية.');
    expect(row.updatedAt.getTime()).toBeGreaterThan(row.createdAt.getTime() - 1);
  });

  it('merges quick saves by the same person into their latest revision, and starts a new one for someone else', async () => {
    const { id } = await createDraftForActor(writer);
    await saveArticleContentForActor(writer, await saveInput(id, { body: doc(paragraph('أولى')) }));
    await saveArticleContentForActor(writer, await saveInput(id, { body: doc(paragraph('ثانية')) }));
    let revisions = await readRevisions(id);
    expect(revisions.map((revision) => revision.version)).toEqual([3]);
    expect(revisions[0]!.bodyText).toBe('ثانية');

    await saveArticleContentForActor(editor, await saveInput(id, { body: doc(paragraph('تحرير المحرر')) }));
    revisions = await readRevisions(id);
    expect(revisions.map((revision) => [revision.version, revision.authorId])).toEqual([
      [3, writer.id],
      [4, editor.id],
    ]);

    // An old revision (more than five minutes) or a published one is never changed.
    await handle.db
      .update(articleRevisions)
      .set({ updatedAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(articleRevisions.articleId, id));
    await saveArticleContentForActor(editor, await saveInput(id, { body: doc(paragraph('بعد عشر دقائق')) }));
    await handle.db.update(articleRevisions).set({ publishedAt: new Date() }).where(eq(articleRevisions.version, 5));
    await saveArticleContentForActor(editor, await saveInput(id, { body: doc(paragraph('بعد النشر')) }));
    revisions = await readRevisions(id);
    expect(revisions.map((revision) => revision.version)).toEqual([3, 4, 5, 6]);
    expect(revisions[2]!.bodyText).toBe('بعد عشر دقائق');
  });

  it('refuses a stale save with the server copy and changes nothing', async () => {
    const { id } = await createDraftForActor(writer);
    const stale = await saveInput(id);
    await saveArticleContentForActor(editor, await saveInput(id, { title: 'عنوان المحرر', body: doc(paragraph('نص المحرر')) }));
    const before = await readArticle(id);
    const error = await expectAppError(saveArticleContentForActor(writer, { ...stale, body: doc(paragraph('نص الكاتبة')) }), 'version_conflict');
    expect(isVersionConflictError(error)).toBe(true);
    if (!isVersionConflictError(error)) return;
    expect(error.current).toMatchObject({ version: 2, title: 'عنوان المحرر', bodyText: 'نص المحرر', lastEditorName: 'علي المحرر' });
    expect(await readArticle(id)).toEqual(before);
    expect((await readRevisions(id)).length).toBe(2);

    // Keeping one's own text: saved on top of the server's version.
    const kept = await saveArticleContentForActor(writer, { ...stale, expectedVersion: error.current.version, body: doc(paragraph('نص الكاتبة')) });
    expect(kept.version).toBe(3);
    expect((await readArticle(id)).bodyText).toBe('نص الكاتبة');
  });

  it('refuses hostile and malformed bodies with the validator code, storing nothing', async () => {
    const { id } = await createDraftForActor(writer);
    const before = await readArticle(id);
    const link = (href: string) => doc(paragraph('رابط', [{ type: 'link', attrs: { href, target: null, rel: 'noopener noreferrer nofollow', class: null, title: null } }]));
    let deep: JSONContent = paragraph('عميق');
    for (let i = 0; i < MAX_DOCUMENT_DEPTH + 2; i++) deep = { type: 'blockquote', attrs: { dir: null }, content: [deep] };
    const cases: Array<[unknown, string]> = [
      [link('javascript:alert(1)'), 'invalid_link'],
      [link('data:text/html,<script>alert(1)</script>'), 'invalid_link'],
      [doc({ type: 'iframe', content: [] }), 'invalid_document'],
      [doc(paragraph('x', [{ type: 'fontColor', attrs: {} }])), 'invalid_document'],
      [doc({ type: 'paragraph', attrs: { dir: 'auto' }, content: [{ type: 'text', text: 'x' }] }), 'invalid_document'],
      ['not a document', 'invalid_document'],
      [doc(deep), 'document_too_deep'],
      [doc(...Array.from({ length: 300 }, () => paragraph('ك'.repeat(4000)))), 'document_too_large'],
    ];
    for (const [body, code] of cases) {
      await expectAppError(saveArticleContentForActor(writer, await saveInput(id, { body })), code);
    }
    expect(await readArticle(id)).toEqual(before);
    expect((await readRevisions(id)).length).toBe(1);
  });

  it('validates the slug and explains a clash with a free suggestion, never crashing', async () => {
    const { id } = await createDraftForActor(writer);
    const taken = await createDraftForActor(writer, { title: 'رابط محجوز' });
    await expectAppError(saveArticleContentForActor(writer, await saveInput(id, { slug: 'فيه مسافة' })), 'invalid_slug');
    await expectAppError(saveArticleContentForActor(writer, await saveInput(id, { slug: '' })), 'invalid_slug');
    const clash = await expectAppError(saveArticleContentForActor(writer, await saveInput(id, { slug: taken.slug })), 'slug_taken');
    expect(clash.messageAr).toContain('رابط-محجوز');
    expect(clash.messageAr).toContain('رابط-محجوز-2');
    expect(clash.fieldErrors?.slug?.[0]).toBe(clash.messageAr);
    expect(await checkArticleSlugForActor(writer, id, taken.slug)).toMatchObject({ ok: false, code: 'slug_taken', suggestion: 'رابط-محجوز-2' });
    expect(await checkArticleSlugForActor(writer, taken.id, taken.slug)).toEqual({ ok: true, slug: taken.slug });
    await expectAppError(checkArticleSlugForActor(otherWriter, id, 'x'), 'forbidden');
    expect((await readArticle(id)).version).toBe(1);
  });

  it('recognizes a unique violation from the driver (the race between look-up and write)', async () => {
    const { slug } = await createDraftForActor(writer, { title: 'سباق' });
    const error = await handle.db
      .insert(articles)
      .values({ slug, title: 'x', body: doc(), authorId: writer.id })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(isUniqueViolation(error, 'articles_slug_unique')).toBe(true);
    expect(isUniqueViolation(error, 'users_email_unique')).toBe(false);
    expect(isUniqueViolation(new Error('x'), 'articles_slug_unique')).toBe(false);
  });

  it('caps title and dek lengths and refuses unknown sections', async () => {
    const { id } = await createDraftForActor(writer);
    const long = await expectAppError(saveArticleContentForActor(writer, await saveInput(id, { title: 'ع'.repeat(TITLE_MAX_LENGTH + 1) })), 'validation_failed');
    expect(long.fieldErrors?.title).toBeDefined();
    await expectAppError(
      saveArticleContentForActor(writer, await saveInput(id, { sectionId: '00000000-0000-4000-8000-000000000000' })),
      'validation_failed',
    );
    expect((await readArticle(id)).version).toBe(1);
  });

  it('lets writers edit only their own drafts, and never changes the status', async () => {
    const { id } = await createDraftForActor(writer);
    await expectAppError(saveArticleContentForActor(otherWriter, await saveInput(id, { title: 'سطو' })), 'forbidden');
    await handle.db.update(articles).set({ status: 'in_review' }).where(eq(articles.id, id));
    await expectAppError(saveArticleContentForActor(writer, await saveInput(id, { title: 'أثناء المراجعة' })), 'forbidden');
    expect((await readArticle(id)).title).toBe(DEFAULT_ARTICLE_TITLE);

    await handle.db.update(articles).set({ status: 'published', publishedAt: new Date() }).where(eq(articles.id, id));
    await saveArticleContentForActor(editor, await saveInput(id, { title: 'تحديث للمنشور' }));
    expect(await readArticle(id)).toMatchObject({ title: 'تحديث للمنشور', status: 'published', version: 2 });
  });

  it('rebuilds the article entity links from the marks: known, unmerged entities only, with counts', async () => {
    const { id } = await createDraftForActor(writer);
    const [baghdad, iraq, merged] = await handle.db.select().from(entities).orderBy(asc(entities.slug)).limit(3);
    await handle.db.update(entities).set({ mergedIntoId: baghdad!.id }).where(eq(entities.id, merged!.id));
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    const body = doc(
      { type: 'paragraph', attrs: { dir: null }, content: [
        { type: 'text', text: baghdad!.name, marks: entityMark(baghdad!.id, baghdad!.type) },
        { type: 'text', text: ' و ' },
        { type: 'text', text: iraq!.name, marks: entityMark(iraq!.id, iraq!.type) },
      ] },
      paragraph(baghdad!.name, entityMark(baghdad!.id, baghdad!.type)),
      paragraph('مدمج', entityMark(merged!.id, merged!.type)),
      paragraph('مجهول', entityMark(unknown)),
    );
    await saveArticleContentForActor(writer, await saveInput(id, { body }));
    const links = await handle.db.select().from(articleEntities).where(eq(articleEntities.articleId, id));
    expect(Object.fromEntries(links.map((link) => [link.entityId, link.mentionCount]))).toEqual({ [baghdad!.id]: 2, [iraq!.id]: 1 });

    await saveArticleContentForActor(writer, await saveInput(id, { body: doc(paragraph('بلا وسوم')) }));
    expect(await handle.db.select().from(articleEntities).where(eq(articleEntities.articleId, id))).toEqual([]);
    await handle.db.update(entities).set({ mergedIntoId: null }).where(eq(entities.id, merged!.id));
  });

  it('lists sections; only admins add one, with a slug and at the end', async () => {
    const before = await listSections();
    expect(before.map((section) => section.name)).toEqual(['سياسة', 'أمن', 'اقتصاد', 'دولي', 'ثقافة', 'رياضة']);
    await expectAppError(createSectionForActor(editor, 'صحة'), 'forbidden');
    await expectAppError(createSectionForActor(writer, 'صحة'), 'forbidden');
    const created = await createSectionForActor(admin, '  صحة   وعلوم ');
    expect(created).toMatchObject({ name: 'صحة وعلوم', slug: 'صحة-وعلوم' });
    expect((await listSections()).at(-1)).toEqual(created);
    await expectAppError(createSectionForActor(admin, 'صحة وعلوم'), 'validation_failed');
    await expectAppError(createSectionForActor(admin, '   '), 'validation_failed');
  });
});
