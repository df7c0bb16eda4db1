'use client';

import { useActionState } from 'react';
import type { SectionOption } from '@/lib/editor/types';
import { TITLE_MAX_LENGTH } from '@/lib/editor/limits';
import type { ActionResult } from '@/lib/errors';

/** Title (optional) and section, then «إنشاء المسودة»: the server creates the draft and opens the editor. */
export function NewArticleForm({
  action,
  sections,
}: {
  action: (previous: ActionResult<null> | null, formData: FormData) => Promise<ActionResult<null>>;
  sections: SectionOption[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="form">
      <label>
        العنوان (اختياري)
        <input name="title" maxLength={TITLE_MAX_LENGTH} placeholder="مقال بلا عنوان" dir="rtl" />
      </label>
      <label>
        القسم
        <select name="sectionId" defaultValue="">
          <option value="">بلا قسم</option>
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </select>
      </label>
      {state && !state.ok ? (
        <p className="form-error" role="alert">
          {state.error.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'جارٍ الإنشاء…' : 'إنشاء المسودة'}
      </button>
    </form>
  );
}
