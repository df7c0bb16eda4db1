/**
 * The authorization matrix: every server action of the workflow, comments, history, notifications and user
 * administration × anonymous, the article's author (a writer), another writer, an editor and an admin → the expected
 * outcome. A refused call must change nothing: the tables are compared before and after. The signed-in person is
 * mocked at lib/auth/current-user (the session layer); everything below it is real.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { articleRevisions, comments, notifications } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/data/users';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { signInAs } from '@/test/support/signed-in-actor';
import { createTestArticle, createTestUser, snapshotTables } from '@/test/support/workflow-fixtures';
import type { ArticleState } from '@/lib/workflow/states';
import { createMatrixPeople, expectOutcome } from '@/test/support/authorization-outcome';

vi.mock('@/lib/auth/current-user', () => import('@/test/support/signed-in-actor'));

const workflow = await import('@/app/(newsroom)/newsroom/articles/[id]/workflow-actions');
const usersActions = await import('@/app/(newsroom)/newsroom/users/actions');
const notificationActions = await import('@/app/(newsroom)/newsroom/notifications/actions');
const revisions = await import('@/lib/data/revisions');
const commentsData = await import('@/lib/data/comments');
const dashboard = await import('@/lib/data/dashboard');
const usersAdmin = await import('@/lib/data/users-admin');

type Who = 'anonymous' | 'author' | 'otherWriter' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'author', 'otherWriter', 'editor', 'admin'];
/** 'ok': done; 'unchanged': accepted but changed nothing (e.g. marking others' notifications read); else the code. */
type Expected = 'ok' | 'unchanged' | string;

type Fixture = {
  articleId: string;
  revisionId: string;
  version: number;
  commentId: string;
  notificationId: string;
  targetUserId: string;
};

type Cell = { status: ArticleState; call: (f: Fixture) => Promise<{ ok: boolean; error?: { code: string } }> };

const future = () => {
  const at = new Date(Date.now() + 2 * 86_400_000 + 3 * 3_600_000);
  return at.toISOString().slice(0, 16);
};

const ROWS: Array<[string, Cell, Record<Who, Expected>]> = [
  [
    'submit a draft',
    { status: 'draft', call: (f) => workflow.applyWorkflowEventAction({ articleId: f.articleId, event: 'submit' }) },
    { anonymous: 'unauthenticated', author: 'ok', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'withdraw from review',
    { status: 'in_review', call: (f) => workflow.applyWorkflowEventAction({ articleId: f.articleId, event: 'withdraw' }) },
    { anonymous: 'unauthenticated', author: 'ok', otherWriter: 'not_found', editor: 'transition_forbidden', admin: 'transition_forbidden' },
  ],
  [
    'request changes',
    {
      status: 'in_review',
      call: (f) => workflow.applyWorkflowEventAction({ articleId: f.articleId, event: 'request_changes', comment: 'وضّح المصدر' }),
    },
    { anonymous: 'unauthenticated', author: 'transition_forbidden', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'approve',
    { status: 'in_review', call: (f) => workflow.applyWorkflowEventAction({ articleId: f.articleId, event: 'approve' }) },
    { anonymous: 'unauthenticated', author: 'transition_forbidden', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'publish (the forged publish call of a writer)',
    { status: 'approved', call: (f) => workflow.applyWorkflowEventAction({ articleId: f.articleId, event: 'publish' }) },
    { anonymous: 'unauthenticated', author: 'transition_forbidden', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'schedule',
    {
      status: 'approved',
      call: (f) => workflow.applyWorkflowEventAction({ articleId: f.articleId, event: 'schedule', publishAt: future() }),
    },
    { anonymous: 'unauthenticated', author: 'transition_forbidden', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'unschedule',
    { status: 'scheduled', call: (f) => workflow.applyWorkflowEventAction({ articleId: f.articleId, event: 'unschedule' }) },
    { anonymous: 'unauthenticated', author: 'transition_forbidden', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'publish an update',
    {
      status: 'published',
      call: (f) =>
        workflow.applyWorkflowEventAction({ articleId: f.articleId, event: 'publish_update', note: { kind: 'correction', text: 'تصحيح' } }),
    },
    { anonymous: 'unauthenticated', author: 'transition_forbidden', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'unpublish',
    { status: 'published', call: (f) => workflow.applyWorkflowEventAction({ articleId: f.articleId, event: 'unpublish' }) },
    { anonymous: 'unauthenticated', author: 'transition_forbidden', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'reopen',
    { status: 'unpublished', call: (f) => workflow.applyWorkflowEventAction({ articleId: f.articleId, event: 'reopen' }) },
    { anonymous: 'unauthenticated', author: 'ok', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'publish_due (the system only)',
    { status: 'scheduled', call: (f) => workflow.applyWorkflowEventAction({ articleId: f.articleId, event: 'publish_due' }) },
    {
      anonymous: 'unauthenticated',
      author: 'transition_forbidden',
      otherWriter: 'not_found',
      editor: 'transition_forbidden',
      admin: 'transition_forbidden',
    },
  ],
  [
    'restore a revision of a draft',
    {
      status: 'draft',
      call: (f) => workflow.restoreRevisionAction({ articleId: f.articleId, revisionId: f.revisionId, expectedVersion: f.version }),
    },
    { anonymous: 'unauthenticated', author: 'ok', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'restore a revision of an approved article',
    {
      status: 'approved',
      call: (f) => workflow.restoreRevisionAction({ articleId: f.articleId, revisionId: f.revisionId, expectedVersion: f.version }),
    },
    { anonymous: 'unauthenticated', author: 'forbidden', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'restore on a stale version',
    {
      status: 'draft',
      call: (f) => workflow.restoreRevisionAction({ articleId: f.articleId, revisionId: f.revisionId, expectedVersion: f.version - 1 }),
    },
    { anonymous: 'unauthenticated', author: 'version_conflict', otherWriter: 'not_found', editor: 'version_conflict', admin: 'version_conflict' },
  ],
  [
    'comment',
    { status: 'in_review', call: (f) => workflow.addCommentAction({ articleId: f.articleId, body: 'ملاحظة' }) },
    { anonymous: 'unauthenticated', author: 'ok', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'reply to a comment',
    { status: 'published', call: (f) => workflow.addCommentAction({ articleId: f.articleId, body: 'رد', parentId: f.commentId }) },
    { anonymous: 'unauthenticated', author: 'ok', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    'resolve a comment',
    { status: 'draft', call: (f) => workflow.setCommentResolvedAction({ commentId: f.commentId, resolved: true }) },
    { anonymous: 'unauthenticated', author: 'ok', otherWriter: 'not_found', editor: 'ok', admin: 'ok' },
  ],
  [
    "mark the author's notification read",
    { status: 'draft', call: (f) => notificationActions.markNotificationsReadAction({ ids: [f.notificationId] }) },
    { anonymous: 'unauthenticated', author: 'ok', otherWriter: 'unchanged', editor: 'unchanged', admin: 'unchanged' },
  ],
  [
    'create a user',
    {
      status: 'draft',
      call: () =>
        usersActions.createUserAction({ email: `new-${crypto.randomUUID()}@example.test`, displayName: 'جديد', role: 'writer', password: 'a-long-password' }),
    },
    { anonymous: 'unauthenticated', author: 'forbidden', otherWriter: 'forbidden', editor: 'forbidden', admin: 'ok' },
  ],
  [
    "change a user's role",
    { status: 'draft', call: (f) => usersActions.changeUserRoleAction({ userId: f.targetUserId, role: 'editor' }) },
    { anonymous: 'unauthenticated', author: 'forbidden', otherWriter: 'forbidden', editor: 'forbidden', admin: 'ok' },
  ],
  [
    'disable a user',
    { status: 'draft', call: (f) => usersActions.setUserDisabledAction({ userId: f.targetUserId, disabled: true }) },
    { anonymous: 'unauthenticated', author: 'forbidden', otherWriter: 'forbidden', editor: 'forbidden', admin: 'ok' },
  ],
  [
    "reset a user's password",
    { status: 'draft', call: (f) => usersActions.resetUserPasswordAction({ userId: f.targetUserId, password: 'another-long-one' }) },
    { anonymous: 'unauthenticated', author: 'forbidden', otherWriter: 'forbidden', editor: 'forbidden', admin: 'ok' },
  ],
];

describe.each(testDrivers())('authorization matrix on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  const people = {} as Record<Exclude<Who, 'anonymous'>, Actor>;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    Object.assign(people, await createMatrixPeople(handle.db));
  });
  afterAll(async () => dispose());

  async function fixture(status: ArticleState): Promise<Fixture> {
    const db = handle.db;
    const article = await createTestArticle(db, {
      authorId: people.author.id,
      status,
      publishAt: status === 'scheduled' ? new Date(Date.now() + 86_400_000) : null,
    });
    // Two revisions: version 1 (an older text) and version 2 (the working copy).
    const [older] = await db
      .insert(articleRevisions)
      .values({
        articleId: article.id,
        version: 1,
        title: 'عنوان قديم',
        dek: '',
        slug: `${article.slug}-old`,
        body: article.body,
        bodyText: article.bodyText,
        authorId: people.author.id,
        publishedAt: status === 'published' ? new Date() : null,
      })
      .returning();
    const { articles } = await import('@/db/schema');
    await db.update(articles).set({ version: 2, ...(status === 'published' ? { publishedRevisionId: older!.id, publishedAt: new Date() } : {}) }).where(eq(articles.id, article.id));
    await db.insert(articleRevisions).values({
      articleId: article.id,
      version: 2,
      title: article.title,
      dek: article.dek,
      slug: article.slug,
      body: article.body,
      bodyText: article.bodyText,
      authorId: people.author.id,
    });
    const [comment] = await db.insert(comments).values({ articleId: article.id, authorId: people.editor.id, body: 'تعليق المحرر' }).returning();
    const [notification] = await db
      .insert(notifications)
      .values({ userId: people.author.id, kind: 'request_changes', articleId: article.id, message: 'رسالة' })
      .returning();
    const target = await createTestUser(db, 'writer');
    return {
      articleId: article.id,
      revisionId: older!.id,
      version: 2,
      commentId: comment!.id,
      notificationId: notification!.id,
      targetUserId: target.id,
    };
  }

  for (const [name, cell, expected] of ROWS) {
    for (const who of WHO) {
      it(`${name} × ${who} → ${expected[who]}`, async () => {
        const f = await fixture(cell.status);
        signInAs(who === 'anonymous' ? null : people[who]);
        const before = await snapshotTables(handle.db);
        const result = await cell.call(f);
        const after = await snapshotTables(handle.db);
        expectOutcome(result, before, after, expected[who]);
      });
    }
  }

  describe('reads', () => {
    const readOutcome = async (read: () => Promise<unknown>) => {
      try {
        await read();
        return 'ok';
      } catch (error) {
        if (isAppError(error)) return error.code;
        throw error;
      }
    };

    it('history, comparison and comments: the author and editors, not another writer', async () => {
      const f = await fixture('draft');
      const [current] = await handle.db
        .select({ id: articleRevisions.id })
        .from(articleRevisions)
        .where(and(eq(articleRevisions.articleId, f.articleId), eq(articleRevisions.version, 2)));
      const expected: Record<Exclude<Who, 'anonymous'>, string> = { author: 'ok', otherWriter: 'not_found', editor: 'ok', admin: 'ok' };
      for (const who of Object.keys(expected) as Array<keyof typeof expected>) {
        const actor = people[who];
        expect(await readOutcome(() => revisions.getArticleHistoryForActor(actor, f.articleId)), who).toBe(expected[who]);
        expect(
          await readOutcome(() =>
            revisions.compareRevisionsForActor(actor, { articleId: f.articleId, fromRevisionId: f.revisionId, toRevisionId: current!.id }),
          ),
          who,
        ).toBe(expected[who]);
        expect(await readOutcome(() => commentsData.listCommentsForActor(actor, f.articleId)), who).toBe(expected[who]);
      }
    });

    it('the review queue is for editors and admins; the user list for admins', async () => {
      const queue = { author: 'forbidden', otherWriter: 'forbidden', editor: 'ok', admin: 'ok' } as const;
      const userList = { author: 'forbidden', otherWriter: 'forbidden', editor: 'forbidden', admin: 'ok' } as const;
      for (const who of Object.keys(queue) as Array<keyof typeof queue>) {
        expect(await readOutcome(() => dashboard.listReviewQueueForActor(people[who])), who).toBe(queue[who]);
        expect(await readOutcome(() => usersAdmin.listUsersForActor(people[who])), who).toBe(userList[who]);
      }
      const writerDashboard = await dashboard.getDashboardForActor(people.author);
      expect(writerDashboard.editorial).toBeNull();
      expect((await dashboard.getNavigationCountsForActor(people.author)).review).toBeNull();
      expect((await dashboard.getDashboardForActor(people.editor)).editorial).not.toBeNull();
    });
  });
});
