import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db/client';
import { signInThrottles } from '@/db/schema';
import { AUDIT_ACTIONS, recordAuditEvent } from './audit';
import { authenticateWithPassword, normalizeEmail, type Actor } from './users';

/**
 * Sign-in with limits on failed attempts, kept in the database (table sign_in_throttles) so that every app instance
 * sees the same counts.
 *
 * Two counters per attempt: the account (the normalized email, whether or not such a user exists, so a locked answer
 * tells nothing about existence) and the client address (lib/auth/client-address.ts). Each failure grows a counter;
 * from `delayAfter` failures on, the key is refused for a short, doubling delay; from `lockAfter` on, for a lockout
 * that doubles with every further failure (15 min, 30 min, 1 h, ... at most a day). A counter starts again after
 * `resetAfterMs` without failures (counted from the end of its last lock). A successful sign-in clears the account counter (not the address's: one valid
 * account must not buy an address more guesses at others).
 *
 * Every attempt is counted BEFORE the password is checked, inside a transaction that locks both counter rows
 * (`INSERT ... ON CONFLICT DO UPDATE ... RETURNING` creates or locks the row in one statement), so a burst of
 * parallel guesses, on one instance or many, is serialized: no more than `delayAfter` of them get to try a password
 * before the delay refuses the rest. A success then takes its count back. An attempt refused because a key is locked
 * is not counted (it checked nothing), so hammering a locked account does not extend its lockout.
 *
 * The argon2 check runs outside the transaction (it takes tens of milliseconds; holding row locks, or the whole
 * embedded database, during it would stall everyone). An unknown email and a wrong password take the same path: a
 * user look-up, an argon2 verification (of a dummy hash for unknown emails), the same writes, the same answer.
 *
 * Every attempt is recorded in the audit trail: `auth.sign_in` (the user) or `auth.sign_in_failed` (the normalized
 * email and the reason in details; never the password), with the client address.
 */

export type ThrottleRule = {
  /** Failures from which each further one delays the next attempt by delayBaseMs, doubling. */
  delayAfter: number;
  delayBaseMs: number;
  /** Failures from which the key is locked for lockBaseMs, doubling with each further failure, up to maxLockMs. */
  lockAfter: number;
  lockBaseMs: number;
  maxLockMs: number;
  /** A counter with no failure for this long starts again from zero. */
  resetAfterMs: number;
};

export type SignInPolicy = { account: ThrottleRule; address: ThrottleRule };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const SIGN_IN_POLICY: SignInPolicy = {
  // 3rd and 4th failures: 2 s and 4 s; 5th: 15 min; 6th: 30 min; ... at most 24 h.
  account: { delayAfter: 3, delayBaseMs: 2_000, lockAfter: 5, lockBaseMs: 15 * MINUTE, maxLockMs: 24 * HOUR, resetAfterMs: 24 * HOUR },
  // A newsroom shares one address behind NAT: higher thresholds, and the count forgets after an hour of quiet.
  address: { delayAfter: 20, delayBaseMs: 1_000, lockAfter: 50, lockBaseMs: 15 * MINUTE, maxLockMs: 24 * HOUR, resetAfterMs: HOUR },
};

/** How long a key is refused after its `failures`th failure (0: not at all). */
export function lockDurationMs(rule: ThrottleRule, failures: number): number {
  if (failures >= rule.lockAfter) return Math.min(rule.maxLockMs, rule.lockBaseMs * 2 ** Math.min(failures - rule.lockAfter, 30));
  if (failures >= rule.delayAfter) return Math.min(rule.lockBaseMs, rule.delayBaseMs * 2 ** (failures - rule.delayAfter));
  return 0;
}

export function accountThrottleKey(email: string): string {
  return `account:${normalizeEmail(email)}`;
}

export function addressThrottleKey(address: string): string {
  return `address:${address}`;
}

export type SignInAttempt = { email: string; password: string; ip: string };

export type SignInResult =
  | { ok: true; actor: Actor; sessionVersion: number }
  | { ok: false; code: 'invalid_credentials' | 'account_disabled' | 'account_locked'; retryAfterSeconds?: number };

export type SignInOptions = { now?: Date; policy?: SignInPolicy };

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
type CounterRow = { failures: number; lastFailureAt: Date; lockedUntil: Date | null };

/** Creates the counter row if missing and locks it until the end of the transaction; returns its current values. */
async function lockCounter(tx: Transaction, key: string, now: Date): Promise<CounterRow> {
  const [row] = await tx
    .insert(signInThrottles)
    .values({ key, failures: 0, lastFailureAt: now, lockedUntil: null })
    .onConflictDoUpdate({ target: signInThrottles.key, set: { key: sql`excluded.key` } })
    .returning({ failures: signInThrottles.failures, lastFailureAt: signInThrottles.lastFailureAt, lockedUntil: signInThrottles.lockedUntil });
  return row!;
}

type CountedAttempt =
  | { allowed: false; lockedUntil: Date }
  | { allowed: true; account: { failures: number; lockedUntil: Date | null }; address: { failures: number; lockedUntil: Date | null } };

function nextCount(row: CounterRow, rule: ThrottleRule, now: Date) {
  // Quiet time counts from the last failure or the end of the lock it caused, whichever is later.
  const quietSince = Math.max(row.lastFailureAt.getTime(), row.lockedUntil?.getTime() ?? 0);
  const failures = now.getTime() - quietSince > rule.resetAfterMs ? 1 : row.failures + 1;
  const duration = lockDurationMs(rule, failures);
  return { failures, lockedUntil: duration > 0 ? new Date(now.getTime() + duration) : null };
}

/** Refuses the attempt if either key is locked; else counts it as a failure on both (taken back on success). */
async function countAttempt(accountKey: string, addressKey: string, policy: SignInPolicy, now: Date): Promise<CountedAttempt> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Always account before address ('account:' < 'address:'), so two attempts never wait on each other in a cycle.
    const accountRow = await lockCounter(tx, accountKey, now);
    const addressRow = await lockCounter(tx, addressKey, now);
    const locks = [accountRow.lockedUntil, addressRow.lockedUntil].filter((until): until is Date => until !== null && until > now);
    if (locks.length > 0) return { allowed: false, lockedUntil: new Date(Math.max(...locks.map((until) => until.getTime()))) };

    const account = nextCount(accountRow, policy.account, now);
    const address = nextCount(addressRow, policy.address, now);
    for (const [key, count] of [
      [accountKey, account],
      [addressKey, address],
    ] as const) {
      await tx
        .update(signInThrottles)
        .set({ failures: count.failures, lastFailureAt: now, lockedUntil: count.lockedUntil })
        .where(eq(signInThrottles.key, key));
    }
    return { allowed: true, account, address };
  });
}

/**
 * Checks an email and password with the limits above and records the attempt. The answers: ok, `invalid_credentials`
 * (unknown email or wrong password, alike), `account_locked` (too many failures for this email or this address,
 * whether or not the email exists), `account_disabled` (right password, disabled account).
 */
export async function signInWithPassword(attempt: SignInAttempt, options: SignInOptions = {}): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? SIGN_IN_POLICY;
  const email = normalizeEmail(attempt.email);
  const accountKey = accountThrottleKey(email);
  const addressKey = addressThrottleKey(attempt.ip);
  const db = await getDb();

  const counted = await countAttempt(accountKey, addressKey, policy, now);
  if (!counted.allowed) {
    await recordAuditEvent(db, { action: AUDIT_ACTIONS.signInFailed, details: { email, reason: 'locked' }, ip: attempt.ip });
    return {
      ok: false,
      code: 'account_locked',
      retryAfterSeconds: Math.max(1, Math.ceil((counted.lockedUntil.getTime() - now.getTime()) / 1000)),
    };
  }

  const outcome = await authenticateWithPassword(email, attempt.password);
  if (outcome.ok) {
    await db.transaction(async (tx) => {
      await tx.delete(signInThrottles).where(eq(signInThrottles.key, accountKey));
      // Take back this attempt's count on the address, and the delay it may have set.
      await tx
        .update(signInThrottles)
        .set({
          failures: sql`greatest(${signInThrottles.failures} - 1, 0)`,
          lockedUntil: counted.address.lockedUntil
            ? sql`case when ${signInThrottles.lockedUntil} = ${counted.address.lockedUntil.toISOString()}::timestamptz then null else ${signInThrottles.lockedUntil} end`
            : signInThrottles.lockedUntil,
        })
        .where(eq(signInThrottles.key, addressKey));
      await recordAuditEvent(tx, {
        action: AUDIT_ACTIONS.signIn,
        actorId: outcome.actor.id,
        targetUserId: outcome.actor.id,
        details: { email },
        ip: attempt.ip,
      });
    });
    await pruneSignInThrottles(now, policy);
    return outcome;
  }

  await recordAuditEvent(db, {
    action: AUDIT_ACTIONS.signInFailed,
    details: { email, reason: outcome.code, accountFailures: counted.account.failures },
    ip: attempt.ip,
  });
  return { ok: false, code: outcome.code };
}

/** Deletes counters nobody needs any more: quiet (no failure, no lock) for longer than the longest reset period. */
export async function pruneSignInThrottles(now = new Date(), policy: SignInPolicy = SIGN_IN_POLICY): Promise<number> {
  const db = await getDb();
  const longest = Math.max(policy.account.resetAfterMs, policy.address.resetAfterMs);
  const deleted = await db
    .delete(signInThrottles)
    .where(
      sql`greatest(${signInThrottles.lastFailureAt}, coalesce(${signInThrottles.lockedUntil}, ${signInThrottles.lastFailureAt})) < ${new Date(now.getTime() - longest).toISOString()}::timestamptz`,
    )
    .returning({ key: signInThrottles.key });
  return deleted.length;
}

/** The counter of a key, for tests and diagnostics. */
export async function readSignInThrottle(key: string): Promise<CounterRow | null> {
  const db = await getDb();
  const [row] = await db
    .select({ failures: signInThrottles.failures, lastFailureAt: signInThrottles.lastFailureAt, lockedUntil: signInThrottles.lockedUntil })
    .from(signInThrottles)
    .where(eq(signInThrottles.key, key));
  return row ?? null;
}
