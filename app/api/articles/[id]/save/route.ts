import { requireActor } from '@/lib/auth/current-user';
import { isVersionConflictError, saveArticleContentForActor } from '@/lib/data/article-editing';
import { isBodyOverCap, saveArticleInputSchema } from '@/lib/editor/save-input';
import type { SaveArticleResult } from '@/lib/editor/types';
import { readJsonBody } from '@/lib/http/read-json-body';
import { actionOk, AppError, fromZodError, toActionError, toErrorResponse } from '@/lib/errors';

/**
 * The editor's keep-alive save (`fetch(..., { keepalive: true })` when the page is hidden or closed, where a server
 * action cannot finish). Same input, same data-layer function and the same session check as the `saveArticle`
 * action; answers with the same result shape.
 */
export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    // Same-origin JSON only: a cross-site form cannot send application/json without a preflight we never allow.
    const origin = request.headers.get('origin');
    if (origin !== null && origin !== new URL(request.url).origin && origin !== requestOrigin(request)) {
      throw new AppError('forbidden', { detail: `origin ${origin}` });
    }
    if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) throw new AppError('bad_request');
    const { id } = await params;
    const json = await readJsonBody(request);
    const parsed = saveArticleInputSchema.safeParse(json);
    if (!parsed.success) throw fromZodError(parsed.error);
    if (parsed.data.id !== id) throw new AppError('bad_request', { detail: 'id mismatch' });
    if (isBodyOverCap(parsed.data.body)) throw new AppError('document_too_large');
    const actor = await requireActor();
    const result: SaveArticleResult = actionOk(await saveArticleContentForActor(actor, parsed.data));
    return Response.json(result);
  } catch (err) {
    const { status } = toErrorResponse(err);
    if (status >= 500) console.error('article save failed', err);
    const result: SaveArticleResult = isVersionConflictError(err) ? { ...toActionError(err), conflict: err.current } : toActionError(err);
    return Response.json(result, { status });
  }
}

/** The origin the browser used, behind a proxy that sets the Host header (Next's request.url may be the internal one). */
function requestOrigin(request: Request): string | null {
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!host) return null;
  const protocol = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '');
  return `${protocol}://${host}`;
}
