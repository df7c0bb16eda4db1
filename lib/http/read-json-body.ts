import { AppError } from '@/lib/errors';

/**
 * The largest request body a route handler reads: the same 2 MB as the server actions' `bodySizeLimit` in
 * next.config.js (an article body may be 1 MB of JSON, which is more bytes than characters in Arabic UTF-8).
 */
export const MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024;

/**
 * Reads a JSON request body of at most `maxBytes`: `payload_too_large` when the declared Content-Length or the bytes
 * actually received go past it (the stream is cancelled at once, nothing more is buffered), `bad_request` when the
 * body is not JSON.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_REQUEST_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError('payload_too_large', { detail: `content-length ${declared}` });
  if (!request.body) throw new AppError('bad_request', { detail: 'no body' });
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError('payload_too_large', { detail: `more than ${maxBytes} bytes` });
    }
    chunks.push(value);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('bad_request', { detail: 'not JSON' });
  }
}
