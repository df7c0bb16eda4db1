'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/errors';

type Props = { action: () => Promise<ActionResult<null>> };

/** The button that ends every session of the signed-in user (the action redirects to sign-in on success). */
export function EndSessionsForm({ action }: Props) {
  const [result, formAction, pending] = useActionState<ActionResult<null> | null>(() => action(), null);
  return (
    <form action={formAction} className="form">
      {result && !result.ok ? (
        <p className="form-error" role="alert">
          {result.error.message}
        </p>
      ) : null}
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'جارٍ تسجيل الخروج…' : 'تسجيل الخروج من كل الأجهزة'}
      </button>
    </form>
  );
}
