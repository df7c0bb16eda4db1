import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { articleEntities, articleRevisions, articles, auditEvents, entities } from '@/db/schema';
import { seedDatabase, SAMPLE_ARTICLE } from '@/db/seed';
import { slugify } from '@/lib/text/slug';
import { isAppError } from '@/lib/errors';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { createTestArticle, createTestUser, snapshotTables } from '@/test/support/workflow-fixtures';
import { getPublishedArticleBySlug, isArticleRedirect } from './public-articles';
import { compareRevisionsForActor, getArticleHistoryForActor, getOpenChangeRequestForActor, restoreRevisionForActor } from './revisions';
import type { Actor } from './users';
import { applyWorkflowEventForActor } from './workflow';

describe.each(testDrivers())('revisions on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let writer: Actor;
  let editor: Actor;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    writer = await createTestUser(handle.db, 'writer');
    editor = await createTestUser(handle.db, 'editor');
  });
  afterAll(async () => dispose());

  it('seeds the sample article with its published revision, which readers see', async () => {
    await seedDatabase(handle.db, { demoMode: false });
    const [row] = await handle.db.select().from(articles).where(eq(articles.slug, slugify(SAMPLE_ARTICLE.title)));
    expect(row?.publishedRevisionId).not.toBeNull();
    const [revision] = await handle.db.select().from(articleRevisions).where(eq(articleRevisions.id, row!.publishedRevisionId!));
    expect(revision).toMatchObject({ title: SAMPLE_ARTICLE.title, version: row!.version, slug: row!.slug });
    expect(revision?.publishedAt?.toISOString()).toBe(SAMPLE_ARTICLE.publishedAt.toISOString());
    // A second seed adds nothing.
    await seedDatabase(handle.db, { demoMode: false });
    expect(await handle.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, row!.id))).toHaveLength(1);
    const page = await getPublishedArticleBySlug(row!.slug);
    expect(page && !isArticleRedirect(page) && page.title).toBe(SAMPLE_ARTICLE.title);
  });

  it('compares two revisions word by word with entity tags added and removed, and restores one as a new version', async () => {
    const [baghdad, basra] = await handle.db
      .insert(entities)
      .values([
        { type: 'place', name: 'بغداد', slug: `baghdad-${driver}` },
        { type: 'place', name: 'البصرة', slug: `basra-${driver}` },
      ])
      .returning();
    const tagged = (text: string, entity: { id: string; name: string }) => ({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: `${text} ` },
            { type: 'text', text: entity.name, marks: [{ type: 'entity', attrs: { entityId: entity.id, entityType: 'place' } }] },
          ],
        },
      ],
    });
    const article = await createTestArticle(handle.db, { authorId: writer.id, title: 'زيارة الوزير' });
    const v1 = tagged('زار الوزير', baghdad!);
    const v2 = tagged('زار رئيس الوزراء', basra!);
    const [r1, r2] = await handle.db
      .insert(articleRevisions)
      .values([
        { articleId: article.id, version: 1, title: 'زيارة الوزير', dek: '', slug: article.slug, body: v1, bodyText: `زار الوزير بغداد`, authorId: writer.id },
        { articleId: article.id, version: 2, title: 'زيارة رئيس الوزراء', dek: '', slug: article.slug, body: v2, bodyText: 'زار رئيس الوزراء البصرة', authorId: writer.id },
      ])
      .returning();
    await handle.db.update(articles).set({ version: 2, title: 'زيارة رئيس الوزراء', body: v2, bodyText: 'زار رئيس الوزراء البصرة' }).where(eq(articles.id, article.id));

    const comparison = await compareRevisionsForActor(editor, { articleId: article.id, fromRevisionId: r1!.id, toRevisionId: r2!.id });
    expect(comparison.body).toEqual([
      { kind: 'equal', text: 'زار ' },
      { kind: 'delete', text: 'الوزير بغداد' },
      { kind: 'insert', text: 'رئيس الوزراء البصرة' },
    ]);
    expect(comparison.entities).toEqual({ added: [{ id: basra!.id, name: 'البصرة' }], removed: [{ id: baghdad!.id, name: 'بغداد' }] });

    // A stale restore is refused and changes nothing.
    const before = await snapshotTables(handle.db);
    await expect(restoreRevisionForActor(writer, { articleId: article.id, revisionId: r1!.id, expectedVersion: 1 })).rejects.toSatisfy(
      (error) => isAppError(error) && error.code === 'version_conflict',
    );
    expect(await snapshotTables(handle.db)).toBe(before);

    const restored = await restoreRevisionForActor(writer, { articleId: article.id, revisionId: r1!.id, expectedVersion: 2 });
    expect(restored.version).toBe(3);
    const [row] = await handle.db.select().from(articles).where(eq(articles.id, article.id));
    expect(row).toMatchObject({ version: 3, title: 'زيارة الوزير', bodyText: 'زار الوزير بغداد' });
    const all = await handle.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, article.id));
    expect(all.map((r) => [r.version, r.restoredFromId]).sort()).toEqual([
      [1, null],
      [2, null],
      [3, r1!.id],
    ]);
    const tags = await handle.db.select().from(articleEntities).where(eq(articleEntities.articleId, article.id));
    expect(tags.map((t) => t.entityId)).toEqual([baghdad!.id]);
    const [audit] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'article.restore'));
    expect(audit).toMatchObject({ actorId: writer.id, articleId: article.id });

    const history = await getArticleHistoryForActor(writer, article.id);
    expect(history.revisions.map((r) => r.version)).toEqual([3, 2, 1]);
    expect(history.revisions[0]?.isCurrent).toBe(true);
    expect(history.timeline.some((item) => item.kind === 'event' && item.event.action === 'article.restore')).toBe(true);
    expect(history.canRestore).toBe(true);

    // Once submitted, the writer may no longer restore (they may not edit in review).
    await applyWorkflowEventForActor(writer, { articleId: article.id, event: 'submit' });
    expect((await getArticleHistoryForActor(writer, article.id)).canRestore).toBe(false);
    await expect(restoreRevisionForActor(writer, { articleId: article.id, revisionId: r2!.id, expectedVersion: 3 })).rejects.toSatisfy(
      (error) => isAppError(error) && error.code === 'forbidden',
    );
  });

  it("shows the editor's open change request to the writer until the story goes back to review, and to nobody else", async () => {
    const article = await createTestArticle(handle.db, { authorId: writer.id, status: 'draft' });
    const stranger = await createTestUser(handle.db, 'writer');
    await applyWorkflowEventForActor(writer, { articleId: article.id, event: 'submit' });
    expect(await getOpenChangeRequestForActor(writer, article.id)).toBeNull();
    await applyWorkflowEventForActor(editor, { articleId: article.id, event: 'request_changes', comment: 'وضّح مصدر الرقم.' });
    const request = await getOpenChangeRequestForActor(writer, article.id);
    expect(request).toMatchObject({ comment: 'وضّح مصدر الرقم.', byName: editor.displayName });
    expect(request?.at).toBeInstanceOf(Date);
    await expect(getOpenChangeRequestForActor(stranger, article.id)).rejects.toSatisfy((err) => isAppError(err) && err.code === 'not_found');
    await applyWorkflowEventForActor(writer, { articleId: article.id, event: 'submit' });
    expect(await getOpenChangeRequestForActor(writer, article.id)).toBeNull();
  });
});
