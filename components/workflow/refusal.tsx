import { ERROR_CODES } from '@/lib/errors/codes';

/**
 * What a newsroom page shows someone whose role may not see it: the page called `forbidden()` (next/navigation) when
 * the data layer refused with `forbidden`, and the nearest forbidden.tsx renders this with HTTP 403.
 */
export function Refusal({ title, message = ERROR_CODES.forbidden.message }: { title: string; message?: string }) {
  return (
    <div data-testid="forbidden">
      <h1>{title}</h1>
      <p className="form-error" role="alert">
        {message}
      </p>
    </div>
  );
}
