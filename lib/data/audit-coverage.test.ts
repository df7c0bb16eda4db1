/**
 * The audit trail records role changes, disabling (and enabling) users, publishing and unpublishing — each as one
 * row naming who did it to whom or to which article — and the admins' audit page (listAuditEventsForActor +
 * auditActionLabel) names every action the product writes in Arabic, never as its internal code.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { auditEvents } from '@/db/schema';
import { auditActionLabel } from '@/lib/audit/labels';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { createTestArticle, createTestUser } from '@/test/support/workflow-fixtures';
import { listAuditEventsForActor } from './audit';
import { createEntityForActor, mergeEntitiesForActor, updateEntityForActor } from './entities';
import { changeUserRoleForActor, createUserForActor, resetUserPasswordForActor, setUserDisabledForActor } from './users-admin';
import type { Actor } from './users';
import { applyWorkflowEventForActor } from './workflow';

const ARABIC = /[\u0600-\u06FF]/;

describe.each(testDrivers())('audit trail coverage on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let admin: Actor;
  let editor: Actor;
  let writer: Actor;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    admin = await createTestUser(handle.db, 'admin');
    editor = await createTestUser(handle.db, 'editor');
    writer = await createTestUser(handle.db, 'writer');
  });
  afterAll(async () => dispose());

  it('role changes, disabling, enabling, publishing and unpublishing each write a row, labelled in Arabic on the audit page', async () => {
    const { id: userId } = await createUserForActor(admin, { email: 'audit-target@example.com', displayName: 'هدف', role: 'writer', password: 'نخلة على ضفة دجلة' });
    await changeUserRoleForActor(admin, { userId, role: 'editor' });
    await setUserDisabledForActor(admin, { userId, disabled: true });
    await setUserDisabledForActor(admin, { userId, disabled: false });
    await resetUserPasswordForActor(admin, { userId, password: 'قهوة الصباح على سطح البيت' });

    const article = await createTestArticle(handle.db, { authorId: writer.id, status: 'approved' });
    await applyWorkflowEventForActor(editor, { articleId: article.id, event: 'publish' });
    await applyWorkflowEventForActor(editor, { articleId: article.id, event: 'unpublish' });

    const a = await createEntityForActor(editor, { type: 'person', name: 'شخص أول' });
    const b = await createEntityForActor(editor, { type: 'person', name: 'شخص ثان' });
    await updateEntityForActor(editor, a.id, { type: 'person', name: 'شخص أول معدّل' });
    await mergeEntitiesForActor(editor, { sourceId: b.id, targetId: a.id });

    const userRows = await handle.db.select().from(auditEvents).where(eq(auditEvents.targetUserId, userId));
    const byAction = (action: string) => userRows.filter((row) => row.action === action);
    expect(byAction('user.role_change')).toEqual([expect.objectContaining({ actorId: admin.id, details: { from: 'writer', to: 'editor' } })]);
    expect(byAction('user.disable')).toEqual([expect.objectContaining({ actorId: admin.id })]);
    expect(byAction('user.enable')).toHaveLength(1);

    const articleRows = await handle.db.select().from(auditEvents).where(eq(auditEvents.articleId, article.id));
    expect(articleRows.map((row) => [row.action, row.actorId, row.fromStatus, row.toStatus]).sort()).toEqual(
      [
        ['article.publish', editor.id, 'approved', 'published'],
        ['article.unpublish', editor.id, 'published', 'unpublished'],
      ].sort(),
    );

    const page = await listAuditEventsForActor(admin, {});
    const shown = new Set(page.events.map((event) => event.action));
    for (const action of ['user.create', 'user.role_change', 'user.disable', 'user.enable', 'user.password_reset', 'article.publish', 'article.unpublish', 'entity.create', 'entity.update', 'entity.merge']) {
      expect(shown.has(action), action).toBe(true);
    }
    // Every action in the trail (and in the page's filter list) has an Arabic label, not its code.
    for (const action of new Set([...shown, ...page.actions])) {
      const label = auditActionLabel(action);
      expect(label, action).not.toBe(action);
      expect(label, action).toMatch(ARABIC);
    }
  });
});
