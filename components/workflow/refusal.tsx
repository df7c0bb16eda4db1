import { ERROR_CODES } from '@/lib/errors/codes';

/** What a newsroom page shows someone whose role may not see it (the data layer refused with `forbidden`). */
export function Refusal({ title }: { title: string }) {
  return (
    <div data-testid="forbidden">
      <h1>{title}</h1>
      <p className="form-error" role="alert">
        {ERROR_CODES.forbidden.message}
      </p>
    </div>
  );
}
