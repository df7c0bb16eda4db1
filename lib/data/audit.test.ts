import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { articles, auditEvents, users } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { AUDIT_PAGE_SIZE, listAuditEventsForActor, recordAuditEvent } from './audit';
import type { Actor } from './users';

describe.each(testDrivers())('the audit trail on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let admin: Actor;
  let editor: Actor;
  let writer: Actor;
  let articleId: string;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    const rows = await handle.db
      .insert(users)
      .values([
        { email: 'admin@example.com', displayName: 'مريم المديرة', role: 'admin', passwordHash: 'x' },
        { email: 'editor@example.com', displayName: 'علي المحرر', role: 'editor', passwordHash: 'x' },
        { email: 'writer@example.com', displayName: 'سارة الكاتبة', role: 'writer', passwordHash: 'x' },
      ])
      .returning();
    const actors: Actor[] = rows.map((row) => ({ id: row.id, email: row.email, displayName: row.displayName, role: row.role }));
    [admin, editor, writer] = actors as [Actor, Actor, Actor];
    const [article] = await handle.db
      .insert(articles)
      .values({ slug: 'خبر', title: 'خبر عاجل', body: { type: 'doc', content: [] }, authorId: writer.id })
      .returning({ id: articles.id });
    articleId = article!.id;

    const base = Date.parse('2024-01-05T09:00:00Z');
    await recordAuditEvent(handle.db, { action: 'auth.sign_in', actorId: writer.id, targetUserId: writer.id, details: { email: writer.email }, ip: '192.0.2.1' });
    await handle.db.insert(auditEvents).values([
      { at: new Date(base + 1_000), action: 'user.role_changed', actorId: admin.id, targetUserId: editor.id, details: { fromRole: 'writer', toRole: 'editor' } },
      { at: new Date(base + 2_000), action: 'user.disabled', actorId: admin.id, targetUserId: writer.id },
      { at: new Date(base + 3_000), action: 'publish', actorId: editor.id, articleId, fromStatus: 'approved', toStatus: 'published' },
      { at: new Date(base + 4_000), action: 'unpublish', actorId: editor.id, articleId, fromStatus: 'published', toStatus: 'unpublished', comment: 'خطأ في الاسم' },
      { at: new Date(base + 5_000), action: 'auth.sign_in_failed', details: { email: 'ghost@example.com', reason: 'invalid_credentials', nested: { no: 1 } }, ip: '203.0.113.5' },
    ]);
    // 120 failed sign-ins within the same instant: pages must neither skip nor repeat any of them.
    const burst = new Date(base + 6_000);
    await handle.db.insert(auditEvents).values(
      Array.from({ length: 120 }, (_, i) => ({ at: burst, action: 'auth.sign_in_failed', details: { email: `bot${i}@example.com`, reason: 'locked' } })),
    );
  });
  afterAll(async () => dispose());

  it('refuses writers and editors', async () => {
    for (const actor of [writer, editor]) {
      const error = await listAuditEventsForActor(actor, {}).catch((thrown: unknown) => thrown);
      expect(isAppError(error) && error.code).toBe('forbidden');
    }
  });

  it('shows admins the newest events first, with names, article titles, details and addresses', async () => {
    const page = await listAuditEventsForActor(admin, { action: undefined });
    expect(page.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(page.events[0]?.action).toBe('auth.sign_in'); // recorded "now", after the 2024 rows
    expect(page.events[1]?.action).toBe('auth.sign_in_failed');
    const older = await listAuditEventsForActor(admin, { action: 'unpublish' });
    expect(older.events).toEqual([
      expect.objectContaining({ actorName: 'علي المحرر', articleId, articleTitle: 'خبر عاجل', fromStatus: 'published', toStatus: 'unpublished', comment: 'خطأ في الاسم' }),
    ]);
    const roles = await listAuditEventsForActor(admin, { action: 'user.role_changed' });
    expect(roles.events[0]).toMatchObject({ actorName: 'مريم المديرة', targetUserName: 'علي المحرر', details: { fromRole: 'writer', toRole: 'editor' } });
    const ghost = (await allEvents({ action: 'auth.sign_in_failed' })).find((event) => event.ip === '203.0.113.5');
    // Only plain values of details are shown.
    expect(ghost?.details).toEqual({ email: 'ghost@example.com', reason: 'invalid_credentials' });
  });

  async function allEvents(filters: { action?: string } = {}) {
    const seen = [];
    let before: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listAuditEventsForActor(admin, { ...filters, before });
      seen.push(...page.events);
      if (!page.nextCursor) break;
      before = page.nextCursor;
    }
    return seen;
  }

  it('pages through every event exactly once, even many in the same microsecond', async () => {
    const seen = (await allEvents()).map((event) => event.id);
    expect(seen).toHaveLength(126);
    expect(new Set(seen).size).toBe(126);
  });

  it('filters by action and lists the actions present', async () => {
    const page = await listAuditEventsForActor(admin, { action: 'publish' });
    expect(page.events.map((event) => event.action)).toEqual(['publish']);
    expect(page.actions).toEqual(['auth.sign_in', 'auth.sign_in_failed', 'publish', 'unpublish', 'user.disabled', 'user.role_changed']);
  });

  it('refuses malformed filters as validation_failed', async () => {
    const error = await listAuditEventsForActor(admin, { before: "x' or 1=1 --" }).catch((thrown: unknown) => thrown);
    expect(isAppError(error) && error.code).toBe('validation_failed');
    const long = await listAuditEventsForActor(admin, { action: 'a'.repeat(101) }).catch((thrown: unknown) => thrown);
    expect(isAppError(long) && long.code).toBe('validation_failed');
  });
});
