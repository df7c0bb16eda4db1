'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { restoreRevisionAction } from '@/app/(newsroom)/newsroom/articles/[id]/workflow-actions';

/** Restores a revision as a new version of the working copy (nothing is lost). */
export function RestoreButton({ articleId, revisionId, version, expectedVersion }: { articleId: string; revisionId: string; version: number; expectedVersion: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  return (
    <span className="restore-button">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={pending}
        aria-label={`استعادة النسخة ${version}`}
        onClick={() =>
          startTransition(async () => {
            const result = await restoreRevisionAction({ articleId, revisionId, expectedVersion });
            if (!result.ok) {
              setMessage({ kind: 'error', text: result.error.message });
              return;
            }
            setMessage({ kind: 'ok', text: `استُعيدت النسخة ${version} نسخةً جديدة (${result.data.version}).` });
            router.refresh();
          })
        }
      >
        استعادة
      </button>
      {message ? (
        <span role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'form-error' : 'form-success'}>
          {message.text}
        </span>
      ) : null}
    </span>
  );
}
