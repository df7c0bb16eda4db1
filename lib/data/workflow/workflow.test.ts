import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { articleRevisions, articles, auditEvents, notifications, slugRedirects } from '@/db/schema';
import { getPublishedArticleBySlug, isArticleRedirect } from '@/lib/data/public-articles';
import { searchPublishedArticles } from '@/lib/data/search';
import type { Actor } from '@/lib/data/users';
import { isAppError } from '@/lib/errors';
import { utcToZonedLocal } from '@/lib/time/zoned';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { createTestArticle, createTestUser, snapshotTables } from '@/test/support/workflow-fixtures';
import { applyWorkflowEventInDb } from './apply-event';
import { applyWorkflowEventForActor, publishDueArticles } from './index';
import { publishDueArticlesInDb } from './publish-due';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(testDrivers())('workflow on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let writer: Actor;
  let otherWriter: Actor;
  let editor: Actor;
  let secondEditor: Actor;
  let admin: Actor;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    writer = await createTestUser(handle.db, 'writer', 'سارة');
    otherWriter = await createTestUser(handle.db, 'writer');
    editor = await createTestUser(handle.db, 'editor', 'علي');
    secondEditor = await createTestUser(handle.db, 'editor');
    admin = await createTestUser(handle.db, 'admin');
  });
  afterAll(async () => dispose());

  const statusOf = async (id: string) =>
    (await handle.db.select({ status: articles.status }).from(articles).where(eq(articles.id, id)))[0]?.status;

  it('makes a story searchable when it is published, with the words readers see, not a later draft', async () => {
    const article = await createTestArticle(handle.db, {
      authorId: writer.id,
      title: 'افتتاح جسر الجادرية',
      slug: 'jisr-jadiriya',
      paragraphs: ['افتتحت أمانة بغداد جسر الجادرية الجديد أمام السيارات.'],
      status: 'approved',
    });
    const before = await searchPublishedArticles('الجادرية', 1);
    expect(before.kind === 'results' ? before.items.length : 0).toBe(0);
    await applyWorkflowEventForActor(editor, { articleId: article.id, event: 'publish' });
    const found = await searchPublishedArticles('الجادريه', 1);
    expect(found.kind).toBe('results');
    expect(found.kind === 'results' && found.items.map((item) => item.id)).toEqual([article.id]);
    // A later edit of the working copy is not searchable until it is published.
    await handle.db.update(articles).set({ title: 'عنوان مسودة زنبقية' }).where(eq(articles.id, article.id));
    const draftWords = await searchPublishedArticles('زنبقية', 1);
    expect(draftWords.kind === 'results' ? draftWords.items.length : 0).toBe(0);
  });

  it('runs a story through submit, request changes (comment required), resubmit, approve and publish', async () => {
    const article = await createTestArticle(handle.db, { authorId: writer.id, title: 'خبر الدورة', slug: 'khabar-dawra' });
    await applyWorkflowEventForActor(writer, { articleId: article.id, event: 'submit' });
    expect(await statusOf(article.id)).toBe('in_review');
    // Every editor and admin hears about a submission.
    const submitted = await handle.db.select().from(notifications).where(eq(notifications.articleId, article.id));
    expect(submitted.map((n) => n.userId).sort()).toEqual([editor.id, secondEditor.id, admin.id].sort());

    const before = await snapshotTables(handle.db);
    expect(await refusal(applyWorkflowEventForActor(editor, { articleId: article.id, event: 'request_changes', comment: ' \u200f ' }))).toBe(
      'comment_required',
    );
    expect(await snapshotTables(handle.db)).toBe(before);

    await applyWorkflowEventForActor(editor, { articleId: article.id, event: 'request_changes', comment: 'أضف مصدرًا ثانيًا' });
    const [audit] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.articleId, article.id), eq(auditEvents.action, 'article.request_changes')));
    expect(audit).toMatchObject({ actorId: editor.id, fromStatus: 'in_review', toStatus: 'changes_requested', comment: 'أضف مصدرًا ثانيًا' });
    const toWriter = await handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, writer.id), eq(notifications.articleId, article.id)));
    expect(toWriter.map((n) => n.kind)).toEqual(['request_changes']);
    expect(toWriter[0]?.message).toContain('أضف مصدرًا ثانيًا');

    await applyWorkflowEventForActor(writer, { articleId: article.id, event: 'submit' });
    await applyWorkflowEventForActor(editor, { articleId: article.id, event: 'approve' });
    expect(await getPublishedArticleBySlug('khabar-dawra')).toBeNull();
    const outcome = await applyWorkflowEventForActor(secondEditor, { articleId: article.id, event: 'publish' });
    expect(outcome).toMatchObject({ from: 'approved', to: 'published', publicPagesChanged: true });

    const [row] = await handle.db.select().from(articles).where(eq(articles.id, article.id));
    const [revision] = await handle.db.select().from(articleRevisions).where(eq(articleRevisions.id, row!.publishedRevisionId!));
    expect(revision).toMatchObject({ articleId: article.id, version: row!.version, title: 'خبر الدورة', slug: 'khabar-dawra' });
    expect(revision?.publishedAt).not.toBeNull();
    expect(row?.publishedAt?.getTime()).toBe(revision?.publishedAt?.getTime());
    const page = await getPublishedArticleBySlug('khabar-dawra');
    expect(page && !isArticleRedirect(page) && page.title).toBe('خبر الدورة');
    const actions = (await handle.db.select().from(auditEvents).where(eq(auditEvents.articleId, article.id))).map((e) => e.action);
    expect(actions.sort()).toEqual(
      ['article.submit', 'article.request_changes', 'article.submit', 'article.approve', 'article.publish'].sort(),
    );
  });

  it('publishes once when two editors publish the same article at the same moment', async () => {
    const article = await createTestArticle(handle.db, { authorId: writer.id, status: 'approved' });
    const results = await Promise.allSettled([
      applyWorkflowEventForActor(editor, { articleId: article.id, event: 'publish' }),
      applyWorkflowEventForActor(secondEditor, { articleId: article.id, event: 'publish' }),
    ]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(isAppError(rejected[0]!.reason) && rejected[0]!.reason.code).toMatch(/^(transition_invalid|version_conflict)$/);
    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.articleId, article.id), eq(auditEvents.action, 'article.publish')));
    expect(events).toHaveLength(1);
    const revisions = await handle.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, article.id));
    expect(revisions).toHaveLength(1);
  });

  it('refuses what the workflow refuses and changes nothing', async () => {
    const draft = await createTestArticle(handle.db, { authorId: writer.id });
    const approved = await createTestArticle(handle.db, { authorId: writer.id, status: 'approved' });
    const ownInReview = await createTestArticle(handle.db, { authorId: editor.id, status: 'in_review' });
    const before = await snapshotTables(handle.db);
    // A writer may not publish, even their own approved article (the forged call of the publish action).
    expect(await refusal(applyWorkflowEventForActor(writer, { articleId: approved.id, event: 'publish' }))).toBe('transition_forbidden');
    // Impossible from the state.
    expect(await refusal(applyWorkflowEventForActor(editor, { articleId: draft.id, event: 'publish' }))).toBe('transition_invalid');
    // Four-eyes: an editor does not approve their own article.
    expect(await refusal(applyWorkflowEventForActor(editor, { articleId: ownInReview.id, event: 'approve' }))).toBe('four_eyes');
    // Another writer's article does not exist for a writer.
    expect(await refusal(applyWorkflowEventForActor(otherWriter, { articleId: draft.id, event: 'submit' }))).toBe('not_found');
    // A stale version (the editor approved what they saw, and it changed since).
    expect(await refusal(applyWorkflowEventForActor(editor, { articleId: approved.id, event: 'publish', expectedVersion: approved.version + 1 }))).toBe(
      'version_conflict',
    );
    // The system's event is not a person's; an unknown id is not found.
    expect(await refusal(applyWorkflowEventForActor(admin, { articleId: approved.id, event: 'publish_due' }))).toBe('transition_invalid');
    expect(await refusal(applyWorkflowEventForActor(admin, { articleId: 'not-a-uuid', event: 'publish' }))).toBe('not_found');
    // A schedule in the past.
    expect(await refusal(applyWorkflowEventForActor(editor, { articleId: approved.id, event: 'schedule', publishAt: '2020-01-01T10:00' }))).toBe(
      'invalid_schedule',
    );
    expect(await snapshotTables(handle.db)).toBe(before);
  });

  it('keeps readers on the published revision until publish_update, with its note, and redirects an old slug', async () => {
    const article = await createTestArticle(handle.db, { authorId: writer.id, status: 'approved', title: 'العنوان الأول', slug: 'al-awwal' });
    await applyWorkflowEventForActor(editor, { articleId: article.id, event: 'publish' });
    // The working copy changes (as the editor's save would: new version).
    await handle.db
      .update(articles)
      .set({ title: 'العنوان المعدل', slug: 'al-muaddal', version: article.version + 1 })
      .where(eq(articles.id, article.id));
    const stillOld = await getPublishedArticleBySlug('al-awwal');
    expect(stillOld && !isArticleRedirect(stillOld) && stillOld.title).toBe('العنوان الأول');
    expect(await getPublishedArticleBySlug('al-muaddal')).toBeNull();

    // Four-eyes also covers publishing updates: not by the author.
    await applyWorkflowEventForActor(editor, {
      articleId: article.id,
      event: 'publish_update',
      note: { kind: 'correction', text: 'صُحّح اسم الوزارة.' },
    });
    const updated = await getPublishedArticleBySlug('al-muaddal');
    expect(updated && !isArticleRedirect(updated) && updated.title).toBe('العنوان المعدل');
    expect(updated && !isArticleRedirect(updated) && updated.notes.map((n) => [n.kind, n.text])).toEqual([['correction', 'صُحّح اسم الوزارة.']]);
    expect(await getPublishedArticleBySlug('al-awwal')).toEqual({ redirectTo: `/articles/al-muaddal` });
    const redirects = await handle.db.select().from(slugRedirects).where(eq(slugRedirects.targetId, article.id));
    expect(redirects.map((r) => r.oldSlug)).toEqual(['al-awwal']);
    // The first publication keeps its revision, unchanged.
    const revisions = await handle.db.select().from(articleRevisions).where(eq(articleRevisions.articleId, article.id));
    expect(revisions.map((r) => r.title).sort()).toEqual(['العنوان الأول', 'العنوان المعدل'].sort());

    // A note on content already public: a new revision on top; the published one is never changed.
    const [current] = await handle.db.select().from(articles).where(eq(articles.id, article.id));
    await applyWorkflowEventForActor(secondEditor, { articleId: article.id, event: 'publish_update', note: { kind: 'update', text: 'أضيف تصريح الوزير.' } });
    const [after] = await handle.db.select().from(articles).where(eq(articles.id, article.id));
    expect(after!.version).toBe(current!.version + 1);
    expect(after!.publishedRevisionId).not.toBe(current!.publishedRevisionId);
    const [untouched] = await handle.db.select().from(articleRevisions).where(eq(articleRevisions.id, current!.publishedRevisionId!));
    expect(untouched).toMatchObject({ noteKind: 'correction', noteText: 'صُحّح اسم الوزارة.' });

    await applyWorkflowEventForActor(editor, { articleId: article.id, event: 'unpublish' });
    expect(await getPublishedArticleBySlug('al-muaddal')).toBeNull();
    expect(await getPublishedArticleBySlug('al-awwal')).toBeNull();
  });

  it('schedules in the newsroom time zone and publishes what is due once, even with two publishers at once', async () => {
    const article = await createTestArticle(handle.db, { authorId: writer.id, status: 'approved' });
    // Tomorrow at this time in Baghdad (UTC+3 all year), entered as the newsroom's wall-clock time.
    const due = new Date(Math.ceil((Date.now() + 86_400_000) / 60_000) * 60_000);
    const local = utcToZonedLocal(due, 'Asia/Baghdad');
    expect(local).toBe(new Date(due.getTime() + 3 * 3_600_000).toISOString().slice(0, 16));
    const outcome = await applyWorkflowEventForActor(editor, { articleId: article.id, event: 'schedule', publishAt: local });
    expect(outcome.publishAt?.toISOString()).toBe(due.toISOString());
    expect(await publishDueArticles(new Date(due.getTime() - 1000))).toEqual([]);
    expect(await statusOf(article.id)).toBe('scheduled');

    const others = await Promise.all(
      [1, 2, 3].map(() => createTestArticle(handle.db, { authorId: writer.id, status: 'scheduled', publishAt: due })),
    );
    const [first, second] = await Promise.all([
      publishDueArticlesInDb(handle.db, due),
      publishDueArticlesInDb(handle.db, due),
    ]);
    const all = [...first!, ...second!].sort();
    expect(all).toEqual([article.id, ...others.map((o) => o.id)].sort());
    for (const id of all) {
      expect(await statusOf(id)).toBe('published');
      const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.articleId, id), eq(auditEvents.action, 'article.publish_due')));
      expect(events).toHaveLength(1);
      expect(events[0]?.actorId).toBeNull();
      const [row] = await handle.db.select().from(articles).where(eq(articles.id, id));
      expect(row?.publishedRevisionId).not.toBeNull();
      expect(row?.publishAt).toBeNull();
    }
    // Idempotent: nothing left to publish.
    expect(await publishDueArticles(new Date(due.getTime() + 86_400_000))).toEqual([]);
    const toWriter = await handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, writer.id), eq(notifications.kind, 'publish_due')));
    expect(toWriter).toHaveLength(4);
  });

  it('uses the transaction guard: a status moved by someone else is refused and nothing is written', async () => {
    const article = await createTestArticle(handle.db, { authorId: writer.id, status: 'in_review' });
    // The first editor approves; the second, who saw "in review", tries to request changes on the same version.
    await applyWorkflowEventInDb(handle.db, editor, { articleId: article.id, event: 'approve' }, { fourEyes: true, timeZone: 'Asia/Baghdad' });
    const before = await snapshotTables(handle.db);
    expect(
      await refusal(
        applyWorkflowEventInDb(handle.db, secondEditor, { articleId: article.id, event: 'withdraw' }, { fourEyes: true, timeZone: 'Asia/Baghdad' }),
      ),
    ).toBe('transition_invalid');
    expect(await snapshotTables(handle.db)).toBe(before);
  });
});
