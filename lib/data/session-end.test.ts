import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { signInWithPassword } from './sign-in';
import { findSessionUser, type SessionClaims } from './users';

const PASSWORD = 'ink-and-paper-2024';

/**
 * A session token carries the user id and the user's session version at sign-in; every request re-reads the user
 * (lib/auth/current-user.ts → findSessionUser). These tests prove that the session ends when the user is disabled or
 * their role or password changes (the users admin page bumps users.session_version on each of those).
 */
describe.each(testDrivers())('session end on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let userId: string;
  let claims: SessionClaims;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    const [user] = await handle.db
      .insert(users)
      .values({ email: 'desk@example.com', displayName: 'مكتب الأخبار', role: 'editor', passwordHash: await hashPassword(PASSWORD) })
      .returning({ id: users.id });
    userId = user!.id;
  });
  afterAll(async () => dispose());

  beforeEach(async () => {
    await handle.db.update(users).set({ disabled: false, role: 'editor' }).where(eq(users.id, userId));
    const signedIn = await signInWithPassword({ email: 'desk@example.com', password: PASSWORD, ip: '192.0.2.1' });
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.code}`);
    claims = { userId, sessionVersion: signedIn.sessionVersion };
    expect(await findSessionUser(claims)).toMatchObject({ id: userId, role: 'editor' });
  });

  it('ends the session when the user is disabled (and the version bumped)', async () => {
    await handle.db.update(users).set({ disabled: true, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
    expect(await findSessionUser(claims)).toBeNull();
  });

  it('ends the session when the user is disabled even if the version was not bumped', async () => {
    await handle.db.update(users).set({ disabled: true }).where(eq(users.id, userId));
    expect(await findSessionUser(claims)).toBeNull();
  });

  it('ends the session when the role changes, and a new sign-in gets the new role', async () => {
    await handle.db.update(users).set({ role: 'writer', sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
    expect(await findSessionUser(claims)).toBeNull();
    const again = await signInWithPassword({ email: 'desk@example.com', password: PASSWORD, ip: '192.0.2.1' });
    expect(again.ok && again.actor.role).toBe('writer');
    expect(await findSessionUser({ userId, sessionVersion: again.ok ? again.sessionVersion : -1 })).toMatchObject({ role: 'writer' });
  });

  it('ends the session when the password is reset, and the old password no longer signs in', async () => {
    await handle.db
      .update(users)
      .set({ passwordHash: await hashPassword('a-brand-new-passphrase'), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    expect(await findSessionUser(claims)).toBeNull();
    expect(await signInWithPassword({ email: 'desk@example.com', password: PASSWORD, ip: '192.0.2.1' })).toEqual({
      ok: false,
      code: 'invalid_credentials',
    });
    await handle.db.update(users).set({ passwordHash: await hashPassword(PASSWORD) }).where(eq(users.id, userId));
  });

  it('refuses a token for a user that does not exist, or with a version the user never had', async () => {
    expect(await findSessionUser({ userId, sessionVersion: claims.sessionVersion + 1 })).toBeNull();
    expect(await findSessionUser({ userId: crypto.randomUUID(), sessionVersion: 0 })).toBeNull();
  });
});
