import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, type UserRow } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/workflow/states';

/** What the newsroom knows of the signed-in person: re-read from the database on every request. */
export type Actor = { id: string; email: string; displayName: string; role: Role };

/** What a session token carries of its user: enough to find them and to tell a stale token. */
export type SessionClaims = { userId: string; sessionVersion: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toActor(row: UserRow): Actor {
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role };
}

export type SignInOutcome =
  | { ok: true; actor: Actor; sessionVersion: number }
  | { ok: false; code: 'invalid_credentials' | 'account_disabled' };

/** Checks an email and password. An unknown email and a wrong password cost the same and answer the same. */
export async function authenticateWithPassword(email: string, password: string): Promise<SignInOutcome> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  const passwordMatches = await verifyPassword(row?.passwordHash ?? null, password);
  if (!row || !passwordMatches) return { ok: false, code: 'invalid_credentials' };
  if (row.disabled) return { ok: false, code: 'account_disabled' };
  return { ok: true, actor: toActor(row), sessionVersion: row.sessionVersion };
}

/**
 * The active user behind a session, or null when they no longer exist, were disabled, or their password or role
 * changed since the session began (the session version moved on).
 */
export async function findSessionUser(claims: SessionClaims): Promise<Actor | null> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, claims.userId)).limit(1);
  if (!row || row.disabled || row.sessionVersion !== claims.sessionVersion) return null;
  return toActor(row);
}
