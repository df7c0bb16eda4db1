import { eq, sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../db/open-database';
import { auditEvents, users } from '../../db/schema';
import { hashPassword } from '../../lib/auth/password';
import { readE2eState } from './state';

/** Direct access to the Postgres-mode test server's database, for the security specs' own data. */
export async function withE2eDatabase<T>(run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ DATABASE_URL: readE2eState().databaseUrl, PGLITE_DIR: '' }, { maxConnections: 1 });
  try {
    return await run(handle);
  } finally {
    await handle.close();
  }
}

export type SeededUser = { id: string; email: string; password: string; displayName: string };

/** A fresh newsroom account of its own for one test (unique email), with a known password. */
export async function createE2eUser(role: 'writer' | 'editor' | 'admin', label: string): Promise<SeededUser> {
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.example`;
  const password = `e2e-pass-${crypto.randomUUID()}`;
  const displayName = `مستخدم ${label}`;
  const passwordHash = await hashPassword(password);
  const id = await withE2eDatabase(async ({ db }) => {
    const [row] = await db.insert(users).values({ email, displayName, role, passwordHash }).returning({ id: users.id });
    return row!.id;
  });
  return { id, email, password, displayName };
}

export async function disableE2eUser(id: string): Promise<void> {
  await withE2eDatabase(async ({ db }) => {
    await db.update(users).set({ disabled: true, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, id));
  });
}

export async function readSessionVersion(id: string): Promise<number> {
  return withE2eDatabase(async ({ db }) => {
    const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, id));
    return row!.sessionVersion;
  });
}

export async function countAuditEvents(action: string, email: string): Promise<number> {
  return withE2eDatabase(async ({ db }) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(sql`${auditEvents.action} = ${action} and ${auditEvents.details}->>'email' = ${email}`);
    return row?.n ?? 0;
  });
}
