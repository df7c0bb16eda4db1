import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { auditEvents, signInThrottles, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import {
  accountThrottleKey,
  addressThrottleKey,
  pruneSignInThrottles,
  readSignInThrottle,
  SIGN_IN_POLICY,
  signInWithPassword,
  type SignInPolicy,
} from './sign-in';

const PASSWORD = 'correct-horse-battery';
const EMAIL = 'reporter@example.com';
const MINUTE = 60_000;
const T0 = new Date('2024-01-05T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** No delays or lockouts: for tests about something else. */
const NO_LIMITS: SignInPolicy = {
  account: { ...SIGN_IN_POLICY.account, delayAfter: 10_000, lockAfter: 10_000 },
  address: { ...SIGN_IN_POLICY.address, delayAfter: 10_000, lockAfter: 10_000 },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe.each(testDrivers())('sign-in limits and audit on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let userId: string;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    const passwordHash = await hashPassword(PASSWORD);
    const [user] = await handle.db
      .insert(users)
      .values([
        { email: EMAIL, displayName: 'مراسل', role: 'writer', passwordHash },
        { email: 'disabled@example.com', displayName: 'موقوف', role: 'writer', passwordHash, disabled: true },
      ])
      .returning({ id: users.id });
    userId = user!.id;
  });
  afterAll(async () => dispose());
  beforeEach(async () => {
    await handle.db.delete(signInThrottles);
    await handle.db.delete(auditEvents);
  });

  async function auditRows() {
    return handle.db.select().from(auditEvents).orderBy(auditEvents.at);
  }

  it('signs in with the right password, records auth.sign_in with the user and the address, and no password', async () => {
    const result = await signInWithPassword({ email: ' Reporter@Example.com ', password: PASSWORD, ip: '203.0.113.9' }, { now: T0 });
    expect(result.ok && result.actor.id).toBe(userId);
    const [event] = await auditRows();
    expect(event).toMatchObject({ action: 'auth.sign_in', actorId: userId, targetUserId: userId, ip: '203.0.113.9', details: { email: EMAIL } });
    expect(JSON.stringify(await auditRows())).not.toContain(PASSWORD);
  });

  it('answers a wrong password and an unknown email alike, and records both failures with the normalized email only', async () => {
    const wrong = await signInWithPassword({ email: EMAIL, password: 'not-it-at-all', ip: '203.0.113.9' }, { now: T0 });
    const unknown = await signInWithPassword({ email: 'NOBODY@example.com', password: PASSWORD, ip: '203.0.113.9' }, { now: T0 });
    expect(wrong).toEqual({ ok: false, code: 'invalid_credentials' });
    expect(unknown).toEqual(wrong);
    const events = await auditRows();
    expect(events.map((event) => [event.action, event.details.email, event.details.reason, event.actorId])).toEqual(
      expect.arrayContaining([
        ['auth.sign_in_failed', EMAIL, 'invalid_credentials', null],
        ['auth.sign_in_failed', 'nobody@example.com', 'invalid_credentials', null],
      ]),
    );
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain('not-it-at-all');
    expect(serialized).not.toContain(PASSWORD);
  });

  it('delays the 3rd and 4th failures (2 s, then 4 s) and locks the account for 15 minutes at the 5th', async () => {
    const ip = '198.51.100.1';
    const attempt = (ms: number, password = 'wrong-password') => signInWithPassword({ email: EMAIL, password, ip }, { now: at(ms) });
    expect((await attempt(0)).ok).toBe(false);
    expect((await attempt(1_000)).ok).toBe(false);
    expect(await attempt(2_000)).toEqual({ ok: false, code: 'invalid_credentials' }); // 3rd: 2 s delay from now on
    expect(await attempt(3_000, PASSWORD)).toEqual({ ok: false, code: 'account_locked', retryAfterSeconds: 1 });
    expect(await attempt(4_001)).toEqual({ ok: false, code: 'invalid_credentials' }); // 4th: 4 s
    expect(await attempt(6_000)).toMatchObject({ code: 'account_locked', retryAfterSeconds: 3 });
    expect(await attempt(8_002)).toEqual({ ok: false, code: 'invalid_credentials' }); // 5th: locked 15 minutes
    expect(await attempt(8_002 + 14 * MINUTE, PASSWORD)).toMatchObject({ code: 'account_locked', retryAfterSeconds: 60 });
    const throttle = await readSignInThrottle(accountThrottleKey(EMAIL));
    expect(throttle?.failures).toBe(5);
    expect(throttle?.lockedUntil?.getTime()).toBe(at(8_002 + 15 * MINUTE).getTime());
  });

  it('doubles the lockout with every failure after it ends (15, 30, 60 minutes), and the right password works once it ends', async () => {
    const ip = '198.51.100.2';
    let now = 0;
    const attempt = (password = 'wrong-password') => signInWithPassword({ email: EMAIL, password, ip }, { now: at(now) });
    for (let i = 0; i < 5; i++) {
      await attempt();
      now += 10_000;
    }
    for (const minutes of [15, 30, 60]) {
      const throttle = await readSignInThrottle(accountThrottleKey(EMAIL));
      now = throttle!.lockedUntil!.getTime() - T0.getTime();
      expect(throttle!.lockedUntil!.getTime() - throttle!.lastFailureAt.getTime()).toBe(minutes * MINUTE);
      expect((await attempt()).ok).toBe(false); // the lock has just ended: this failure starts the next, longer one
    }
    now = (await readSignInThrottle(accountThrottleKey(EMAIL)))!.lockedUntil!.getTime() - T0.getTime() + 1;
    expect((await attempt(PASSWORD)).ok).toBe(true);
  });

  it('locks an unknown email exactly like a real one: same code, same wait, same message', async () => {
    const results = [];
    for (const email of [EMAIL, 'ghost@example.com']) {
      for (let i = 0; i < 5; i++) {
        await signInWithPassword({ email, password: 'wrong-password', ip: `192.0.2.${i}` }, { now: at(i * 10_000) });
      }
      results.push(await signInWithPassword({ email, password: PASSWORD, ip: '192.0.2.99' }, { now: at(60_000) }));
    }
    expect(results[0]).toMatchObject({ ok: false, code: 'account_locked' });
    expect(results[1]).toEqual(results[0]);
  });

  it('clears the account counter on success, so earlier typos do not add up', async () => {
    const ip = '198.51.100.3';
    await signInWithPassword({ email: EMAIL, password: 'typo-one', ip }, { now: at(0) });
    await signInWithPassword({ email: EMAIL, password: 'typo-two', ip }, { now: at(1_000) });
    expect((await signInWithPassword({ email: EMAIL, password: PASSWORD, ip }, { now: at(2_000) })).ok).toBe(true);
    expect(await readSignInThrottle(accountThrottleKey(EMAIL))).toBeNull();
    await signInWithPassword({ email: EMAIL, password: 'typo-three', ip }, { now: at(3_000) });
    expect((await readSignInThrottle(accountThrottleKey(EMAIL)))?.failures).toBe(1);
    // The address keeps its two failures; the successful attempt took back its own count.
    expect((await readSignInThrottle(addressThrottleKey(ip)))?.failures).toBe(3);
  });

  it('starts a counter again after a quiet day', async () => {
    const ip = '198.51.100.4';
    for (let i = 0; i < 4; i++) await signInWithPassword({ email: EMAIL, password: 'wrong', ip }, { now: at(i * 10_000) });
    await signInWithPassword({ email: EMAIL, password: 'wrong', ip }, { now: at(25 * 60 * MINUTE) });
    expect((await readSignInThrottle(accountThrottleKey(EMAIL)))?.failures).toBe(1);
  });

  it('locks an address that guesses at many accounts, even for a right password, but not other addresses', async () => {
    const policy: SignInPolicy = { ...SIGN_IN_POLICY, address: { ...SIGN_IN_POLICY.address, delayAfter: 4, lockAfter: 6 } };
    const attacker = '203.0.113.66';
    for (let i = 0; i < 6; i++) {
      await signInWithPassword({ email: `target${i}@example.com`, password: 'Summer2024!', ip: attacker }, { now: at(i * 20_000), policy });
    }
    const fromAttacker = await signInWithPassword({ email: EMAIL, password: PASSWORD, ip: attacker }, { now: at(130_000), policy });
    expect(fromAttacker).toMatchObject({ ok: false, code: 'account_locked' });
    const fromElsewhere = await signInWithPassword({ email: EMAIL, password: PASSWORD, ip: '198.51.100.200' }, { now: at(130_000), policy });
    expect(fromElsewhere.ok).toBe(true);
    const locked = await handle.db.select().from(auditEvents).where(sql`${auditEvents.details}->>'reason' = 'locked'`);
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({ ip: attacker, details: { email: EMAIL, reason: 'locked' } });
  });

  it('counts parallel failures exactly (atomic upserts): 12 at once make 12', async () => {
    const attempts = Array.from({ length: 12 }, (_, i) =>
      signInWithPassword({ email: EMAIL, password: `guess-${i}`, ip: '198.51.100.5' }, { now: T0, policy: NO_LIMITS }),
    );
    await Promise.all(attempts);
    expect((await readSignInThrottle(accountThrottleKey(EMAIL)))?.failures).toBe(12);
    expect((await readSignInThrottle(addressThrottleKey('198.51.100.5')))?.failures).toBe(12);
  });

  it('lets no more than 3 of a burst of 10 parallel guesses reach the password check', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => signInWithPassword({ email: EMAIL, password: `burst-${i}`, ip: `192.0.2.${100 + i}` }, { now: T0 })),
    );
    const checked = results.filter((result) => !result.ok && result.code === 'invalid_credentials');
    const refused = results.filter((result) => !result.ok && result.code === 'account_locked');
    expect(checked).toHaveLength(3);
    expect(refused).toHaveLength(7);
  });

  it('refuses a disabled account with the right password as account_disabled, and records it', async () => {
    const result = await signInWithPassword({ email: 'disabled@example.com', password: PASSWORD, ip: '198.51.100.6' }, { now: T0 });
    expect(result).toEqual({ ok: false, code: 'account_disabled' });
    const [event] = await auditRows();
    expect(event).toMatchObject({ action: 'auth.sign_in_failed', details: { email: 'disabled@example.com', reason: 'account_disabled' } });
  });

  it('prunes counters that have been quiet longer than a day, and keeps running locks', async () => {
    await handle.db.insert(signInThrottles).values([
      { key: 'account:old@example.com', failures: 2, lastFailureAt: at(-48 * 60 * MINUTE), lockedUntil: null },
      { key: 'account:locked@example.com', failures: 12, lastFailureAt: at(-30 * 60 * MINUTE), lockedUntil: at(60 * MINUTE) },
      { key: 'address:192.0.2.1', failures: 3, lastFailureAt: at(-MINUTE), lockedUntil: null },
    ]);
    expect(await pruneSignInThrottles(T0)).toBe(1);
    const keys = (await handle.db.select({ key: signInThrottles.key }).from(signInThrottles)).map((row) => row.key).sort();
    expect(keys).toEqual(['account:locked@example.com', 'address:192.0.2.1']);
  });

  it('takes as long for an unknown email as for a wrong password (median of 15 each, within a factor of 2)', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    // Warm up both paths (dummy hash, statements), then interleave so that machine noise hits both alike.
    await signInWithPassword({ email: 'warm@example.com', password: 'x', ip: '192.0.2.250' }, { policy: NO_LIMITS });
    await signInWithPassword({ email: EMAIL, password: 'x', ip: '192.0.2.250' }, { policy: NO_LIMITS });
    for (let i = 0; i < 15; i++) {
      for (const [email, times] of [
        [EMAIL, known],
        [`absent-${i}@example.com`, unknown],
      ] as const) {
        const start = performance.now();
        const result = await signInWithPassword({ email, password: `wrong-${i}`, ip: '192.0.2.250' }, { policy: NO_LIMITS });
        times.push(performance.now() - start);
        expect(result).toEqual({ ok: false, code: 'invalid_credentials' });
      }
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    // Both paths really verify an argon2 hash (tens of milliseconds), not answer at once.
    expect(median(unknown)).toBeGreaterThan(5);
  }, 60_000);

  it('never stores a counter for a password, only for emails and addresses', async () => {
    await signInWithPassword({ email: EMAIL, password: 'secret-guess-123', ip: '198.51.100.7' }, { now: T0 });
    const keys = (await handle.db.select({ key: signInThrottles.key }).from(signInThrottles)).map((row) => row.key).sort();
    expect(keys).toEqual([accountThrottleKey(EMAIL), addressThrottleKey('198.51.100.7')]);
    const [row] = await handle.db.select().from(users).where(eq(users.email, EMAIL));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
