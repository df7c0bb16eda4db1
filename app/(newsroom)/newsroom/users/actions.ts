'use server';

import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { requireActor } from '@/lib/auth/current-user';
import { MAX_PASSWORD_LENGTH } from '@/lib/data/user-accounts';
import {
  changeUserRoleForActor,
  createUserForActor,
  resetUserPasswordForActor,
  setUserDisabledForActor,
} from '@/lib/data/users-admin';
import { actionOk, fromZodError, toActionError, type ActionResult } from '@/lib/errors';
import { ROLES } from '@/lib/workflow/states';

/** Admins' user management. Thin: lib/data/users-admin.ts checks that the caller is an admin, every time. */

async function run<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return actionOk(await work());
  } catch (err) {
    unstable_rethrow(err);
    return toActionError(err);
  }
}

const createSchema = z.object({
  email: z.string().max(320),
  displayName: z.string().max(100),
  role: z.enum(ROLES),
  password: z.string().max(MAX_PASSWORD_LENGTH),
});

export async function createUserAction(input: z.input<typeof createSchema>): Promise<ActionResult<{ id: string }>> {
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return toActionError(fromZodError(parsed.error));
  return run(async () => createUserForActor(await requireActor(), parsed.data));
}

const roleSchema = z.object({ userId: z.uuid(), role: z.enum(ROLES) });

export async function changeUserRoleAction(input: z.input<typeof roleSchema>): Promise<ActionResult<null>> {
  const parsed = roleSchema.safeParse(input);
  if (!parsed.success) return toActionError(fromZodError(parsed.error));
  return run(async () => {
    await changeUserRoleForActor(await requireActor(), parsed.data);
    return null;
  });
}

const disableSchema = z.object({ userId: z.uuid(), disabled: z.boolean() });

export async function setUserDisabledAction(input: z.input<typeof disableSchema>): Promise<ActionResult<null>> {
  const parsed = disableSchema.safeParse(input);
  if (!parsed.success) return toActionError(fromZodError(parsed.error));
  return run(async () => {
    await setUserDisabledForActor(await requireActor(), parsed.data);
    return null;
  });
}

const resetSchema = z.object({ userId: z.uuid(), password: z.string().max(MAX_PASSWORD_LENGTH) });

export async function resetUserPasswordAction(input: z.input<typeof resetSchema>): Promise<ActionResult<null>> {
  const parsed = resetSchema.safeParse(input);
  if (!parsed.success) return toActionError(fromZodError(parsed.error));
  return run(async () => {
    await resetUserPasswordForActor(await requireActor(), parsed.data);
    return null;
  });
}
