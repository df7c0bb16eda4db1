'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { markNotificationsReadAction } from '@/app/(newsroom)/newsroom/notifications/actions';

export function MarkReadButton({ ids, label }: { ids: string[] | 'all'; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await markNotificationsReadAction({ ids });
            if (!result.ok) setError(result.error.message);
            else router.refresh();
          })
        }
      >
        {label}
      </button>
      {error ? (
        <span className="form-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
