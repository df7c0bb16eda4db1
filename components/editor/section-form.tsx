'use client';

import { useActionState } from 'react';
import { SECTION_NAME_MAX_LENGTH } from '@/lib/editor/limits';
import type { ActionResult } from '@/lib/errors';

type Section = { id: string; name: string; slug: string };

export function SectionForm({
  action,
}: {
  action: (previous: ActionResult<Section> | null, formData: FormData) => Promise<ActionResult<Section>>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="form">
      <h2>إضافة قسم</h2>
      <label>
        اسم القسم
        <input name="name" required maxLength={SECTION_NAME_MAX_LENGTH} dir="rtl" />
      </label>
      {state && !state.ok ? (
        <p className="form-error" role="alert">
          {state.error.fieldErrors?.name?.[0] ?? state.error.message}
        </p>
      ) : null}
      {state?.ok ? <p role="status">أُضيف القسم «{state.data.name}».</p> : null}
      <button type="submit" className="button" disabled={pending}>
        إضافة
      </button>
    </form>
  );
}
