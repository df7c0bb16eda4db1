'use client';

import type { SaverState } from '@/lib/editor/article-saver';

export const SAVE_STATUS_LABELS = {
  saved: 'محفوظ',
  saving: 'جارٍ الحفظ…',
  unsaved: 'تغييرات غير محفوظة',
  failed: 'فشل الحفظ',
  conflict: 'تعارض مع نسخة أحدث',
} as const;

/** The visible save state, announced politely to screen readers, with a retry after a failure. */
export function SaveStatusBar({ state, onRetry }: { state: SaverState; onRetry: () => void }) {
  return (
    <div className={`save-status save-status--${state.status}`} data-testid="save-status" data-status={state.status}>
      <span role="status" aria-live="polite">
        {SAVE_STATUS_LABELS[state.status]}
      </span>
      {state.status === 'failed' ? (
        <>
          {state.error ? <span className="save-status__error">{state.error}</span> : null}
          <button type="button" className="button button--secondary button--small" onClick={onRetry}>
            إعادة المحاولة
          </button>
        </>
      ) : null}
      {!state.localCopyOk ? <span className="save-status__error">تعذّر حفظ نسخة احتياطية في المتصفح.</span> : null}
    </div>
  );
}
