/**
 * Creating accounts, shared by the admins' page (lib/data/users-admin.ts) and the command line
 * (scripts/create-user.ts). No 'server-only' marker: it takes the database explicitly, like db/seed.ts.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/open-database';
import { auditEvents, users } from '@/db/schema';
import { hashPassword, MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { assertPasswordPolicy, MAX_PASSWORD_LENGTH as POLICY_MAX_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { AppError } from '@/lib/errors';
import { ROLES, type Role } from '@/lib/workflow/states';

/** The longest password accepted anywhere (the password policy's cap; the forms and actions use it too). */
export const MAX_PASSWORD_LENGTH = POLICY_MAX_PASSWORD_LENGTH;

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `كلمة المرور ${MIN_PASSWORD_LENGTH} أحرف على الأقل.`)
  .max(MAX_PASSWORD_LENGTH, 'كلمة المرور أطول من المسموح.');

export const newUserSchema = z.object({
  email: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.email('البريد الإلكتروني غير صالح.').max(320),
  ),
  displayName: z.string().trim().min(1, 'اكتب اسم المستخدم.').max(100, 'الاسم أطول من 100 حرف.'),
  role: z.enum(ROLES),
  password: passwordSchema,
});

export type NewUser = z.input<typeof newUserSchema>;

/** A random password for a new account or a reset: 20 characters of base64url (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/**
 * Creates an account (argon2id hash) and its audit event ('user.create'); `actorId` is null from the command line.
 * The password must pass the password policy (lib/auth/password-policy): `weak_password` with the Arabic reasons on
 * the `password` field otherwise. Nothing is written when it is refused.
 */
export async function createUserAccount(db: Database, input: NewUser, actorId: string | null): Promise<{ id: string; role: Role; email: string }> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? '_form')] ??= []).push(issue.message);
    throw new AppError('validation_failed', { fieldErrors });
  }
  const { email, displayName, role, password } = parsed.data;
  assertPasswordPolicy(password, { email });
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw new AppError('email_taken');
    const [row] = await tx
      .insert(users)
      .values({ email, displayName, role, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!row) throw new AppError('email_taken');
    await tx.insert(auditEvents).values({
      actorId,
      action: 'user.create',
      targetUserId: row.id,
      details: { email, role, via: actorId ? 'newsroom' : 'cli' },
    });
    return { id: row.id, role, email };
  });
}
