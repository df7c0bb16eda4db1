import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { auditEvents, users } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { createTestUser, snapshotTables } from '@/test/support/workflow-fixtures';
import { authenticateWithPassword, findSessionUser, type Actor } from './users';
import {
  changeUserRoleForActor,
  createUserForActor,
  resetUserPasswordForActor,
  setUserDisabledForActor,
} from './users-admin';

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (isAppError(error) ? error.code : Promise.reject(error)),
  );

describe.each(testDrivers())('user administration on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let admin: Actor;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    admin = await createTestUser(handle.db, 'admin');
  });
  afterAll(async () => dispose());

  const sessionVersion = async (id: string) => (await handle.db.select().from(users).where(eq(users.id, id)))[0]!.sessionVersion;

  it('creates a user who can sign in; each role change, disabling and reset ends their sessions and is audited', async () => {
    expect(await code(createUserForActor(admin, { email: 'x@example.com', displayName: 'س', role: 'writer', password: 'short' }))).toBe('validation_failed');
    const { id } = await createUserForActor(admin, { email: ' Huda@Example.com ', displayName: 'هدى', role: 'writer', password: 'first-password' });
    expect(await code(createUserForActor(admin, { email: 'huda@example.com', displayName: 'هدى', role: 'writer', password: 'first-password' }))).toBe('email_taken');
    const signedIn = await authenticateWithPassword('huda@example.com', 'first-password');
    expect(signedIn.ok).toBe(true);
    const [row] = await handle.db.select().from(users).where(eq(users.id, id));
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true);

    const v0 = await sessionVersion(id);
    await changeUserRoleForActor(admin, { userId: id, role: 'editor' });
    expect(await findSessionUser({ userId: id, sessionVersion: v0 })).toBeNull();
    const v1 = await sessionVersion(id);
    expect(v1).toBe(v0 + 1);
    expect((await findSessionUser({ userId: id, sessionVersion: v1 }))?.role).toBe('editor');

    await resetUserPasswordForActor(admin, { userId: id, password: 'second-password' });
    expect(await sessionVersion(id)).toBe(v1 + 1);
    expect((await authenticateWithPassword('huda@example.com', 'first-password')).ok).toBe(false);
    expect((await authenticateWithPassword('huda@example.com', 'second-password')).ok).toBe(true);

    await setUserDisabledForActor(admin, { userId: id, disabled: true });
    expect(await sessionVersion(id)).toBe(v1 + 2);
    expect(await authenticateWithPassword('huda@example.com', 'second-password')).toEqual({ ok: false, code: 'account_disabled' });
    await setUserDisabledForActor(admin, { userId: id, disabled: false });

    const actions = (await handle.db.select().from(auditEvents).where(eq(auditEvents.targetUserId, id))).map((e) => e.action).sort();
    expect(actions).toEqual(['user.create', 'user.disable', 'user.enable', 'user.password_reset', 'user.role_change'].sort());
  });

  it('refuses an admin changing their own role or disabling themselves, and a short reset password, changing nothing', async () => {
    const target = await createTestUser(handle.db, 'writer');
    const before = await snapshotTables(handle.db);
    expect(await code(changeUserRoleForActor(admin, { userId: admin.id, role: 'writer' }))).toBe('forbidden');
    expect(await code(setUserDisabledForActor(admin, { userId: admin.id, disabled: true }))).toBe('forbidden');
    expect(await code(resetUserPasswordForActor(admin, { userId: target.id, password: '123' }))).toBe('validation_failed');
    expect(await code(changeUserRoleForActor(admin, { userId: crypto.randomUUID(), role: 'writer' }))).toBe('not_found');
    expect(await snapshotTables(handle.db)).toBe(before);
  });

  it('applies the password policy to new accounts and resets, with the Arabic reasons, changing nothing', async () => {
    const target = await createTestUser(handle.db, 'writer');
    const before = await snapshotTables(handle.db);
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => (isAppError(error) ? { code: error.code, password: error.fieldErrors?.password ?? [] } : Promise.reject(error)),
      );
    // A well-known password, padded past the minimum length with digits.
    const common = await refusal(createUserForActor(admin, { email: 'nada@example.com', displayName: 'ندى', role: 'writer', password: 'password123456' }));
    expect(common?.code).toBe('weak_password');
    expect(common?.password.join(' ')).toContain('شائعة');
    // The email's name part as the password.
    const sameAsEmail = await refusal(
      createUserForActor(admin, { email: 'mohammed.alsaadi@example.com', displayName: 'محمد', role: 'editor', password: 'mohammed.alsaadi' }),
    );
    expect(sameAsEmail).toMatchObject({ code: 'weak_password' });
    expect(sameAsEmail?.password.join(' ')).toMatch(/[\u0600-\u06FF]/);
    // "password" typed on the Arabic keyboard layout, and a repetitive one, on a reset.
    expect(await code(resetUserPasswordForActor(admin, { userId: target.id, password: 'حشسسصخقي2024' }))).toBe('weak_password');
    expect(await code(resetUserPasswordForActor(admin, { userId: target.id, password: '1212121212' }))).toBe('weak_password');
    // The target's own email on a reset.
    expect(await code(resetUserPasswordForActor(admin, { userId: target.id, password: target.email }))).toBe('weak_password');
    // Longer than the policy's cap.
    expect(await code(resetUserPasswordForActor(admin, { userId: target.id, password: 'س'.repeat(300) }))).toBe('validation_failed');
    expect(await snapshotTables(handle.db)).toBe(before);
    // A good passphrase passes.
    expect(await code(resetUserPasswordForActor(admin, { userId: target.id, password: 'قهوة الصباح على سطح البيت' }))).toBe('ok');
  });
});
