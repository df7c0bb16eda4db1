import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { isAppError } from '@/lib/errors';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { createTestArticle, createTestUser } from '@/test/support/workflow-fixtures';
import { addCommentForActor, listCommentsForActor, setCommentResolvedForActor } from './comments';
import { listNotificationsForActor, markNotificationsReadForActor } from './notifications';
import type { Actor } from './users';

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (isAppError(error) ? error.code : Promise.reject(error)),
  );

describe.each(testDrivers())('comments and notifications on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let writer: Actor;
  let otherWriter: Actor;
  let editor: Actor;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    writer = await createTestUser(handle.db, 'writer', 'سارة');
    otherWriter = await createTestUser(handle.db, 'writer');
    editor = await createTestUser(handle.db, 'editor', 'علي');
  });
  afterAll(async () => dispose());

  it('threads comments, anchors one to a quoted passage, resolves a thread, and notifies the author', async () => {
    const article = await createTestArticle(handle.db, {
      authorId: writer.id,
      status: 'in_review',
      paragraphs: ['قال المتحدث باسم الحكومة إن الموازنة ستُقرّ قريبًا.'],
    });
    const root = await addCommentForActor(editor, { articleId: article.id, body: 'من المتحدث بالاسم؟', anchor: { quote: 'المتحدث باسم الحكومة' } });
    await addCommentForActor(writer, { articleId: article.id, body: 'سأضيف الاسم.', parentId: root.id });
    expect(await code(addCommentForActor(editor, { articleId: article.id, body: 'x', anchor: { quote: 'نص غير موجود' } }))).toBe('validation_failed');
    expect(await code(addCommentForActor(editor, { articleId: article.id, body: ' \u200f ' }))).toBe('validation_failed');
    expect(await code(addCommentForActor(otherWriter, { articleId: article.id, body: 'تطفل' }))).toBe('not_found');

    const threads = await listCommentsForActor(writer, article.id);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ authorName: 'علي', anchor: { quote: 'المتحدث باسم الحكومة', from: 4, to: 24 }, mine: false });
    expect(threads[0]?.replies.map((reply) => [reply.body, reply.mine])).toEqual([['سأضيف الاسم.', true]]);

    expect(await code(setCommentResolvedForActor(editor, { commentId: threads[0]!.replies[0]!.id, resolved: true }))).toBe('validation_failed');
    await setCommentResolvedForActor(writer, { commentId: root.id, resolved: true });
    const [resolved] = await listCommentsForActor(editor, article.id);
    expect(resolved?.resolvedAt).not.toBeNull();
    expect(resolved?.resolvedByName).toBe('سارة');

    // A reply to a comment of another article is refused.
    const other = await createTestArticle(handle.db, { authorId: writer.id });
    expect(await code(addCommentForActor(editor, { articleId: other.id, body: 'رد', parentId: root.id }))).toBe('not_found');

    const mine = await listNotificationsForActor(writer);
    expect(mine.map((n) => n.kind)).toEqual(['comment']);
    expect(await markNotificationsReadForActor(otherWriter, { ids: [mine[0]!.id] })).toBe(0);
    expect(await markNotificationsReadForActor(writer, { ids: 'all' })).toBe(1);
    expect((await listNotificationsForActor(writer))[0]?.readAt).not.toBeNull();
  });
});
