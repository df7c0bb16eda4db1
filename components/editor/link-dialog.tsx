'use client';

import type { Editor } from '@tiptap/core';
import { useEffect, useId, useRef, useState } from 'react';
import { isAllowedHref } from '@/lib/content/link-policy';

export const LINK_ERROR_MESSAGE =
  'هذا الرابط غير مسموح به. استخدم رابطًا يبدأ بـ https:// أو http:// أو mailto:، أو مسارًا في موقعنا يبدأ بـ /.';

/** «example.com/x» → «https://example.com/x»; everything else as typed (then checked by `isAllowedHref`). */
export function normalizeHrefInput(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  if (/^[^\s/@]+@[^\s/@]+\.[^\s/@]+$/.test(trimmed)) return `mailto:${trimmed}`;
  if (/^[^\s/]+\.[^\s/]+/.test(trimmed)) return `https://${trimmed}`;
  return trimmed;
}

/** The small Arabic dialog that adds, changes or removes the link on the selection. */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputId = useId();
  const errorId = useId();
  const existing = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [href, setHref] = useState(existing);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const close = () => {
    dialogRef.current?.close();
    onClose();
    editor.commands.focus();
  };

  const apply = () => {
    const value = normalizeHrefInput(href);
    if (!isAllowedHref(value)) {
      setError(LINK_ERROR_MESSAGE);
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href: value } }] }).run();
    } else {
      chain.setLink({ href: value }).run();
    }
    dialogRef.current?.close();
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    dialogRef.current?.close();
    onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      className="link-dialog"
      aria-labelledby={`${inputId}-title`}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <h2 id={`${inputId}-title`} className="link-dialog__title">
          {existing ? 'تعديل الرابط' : 'إضافة رابط'}
        </h2>
        <label htmlFor={inputId}>عنوان الرابط</label>
        <input
          id={inputId}
          className="editor-input"
          dir="ltr"
          type="text"
          inputMode="url"
          autoFocus
          value={href}
          placeholder="https://"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setHref(event.target.value);
            setError(null);
          }}
        />
        {error ? (
          <p id={errorId} className="editor-field__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="editor-actions">
          <button type="submit" className="button">
            تطبيق
          </button>
          {existing ? (
            <button type="button" className="button button--secondary" onClick={remove}>
              إزالة الرابط
            </button>
          ) : null}
          <button type="button" className="button button--secondary" onClick={close}>
            إلغاء
          </button>
        </div>
      </form>
    </dialog>
  );
}
