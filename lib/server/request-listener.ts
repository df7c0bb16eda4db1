import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { STRICT_TRANSPORT_SECURITY } from '../security/headers';

export type RequestListenerOptions = {
  /** The cached-page fast path (lib/cache/cached-page-responder.ts): true when it answered. */
  respondFromCache: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** Next.js's request handler. */
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  /** Paths that proxy.ts does not see (the article pages): their transport header is set here. */
  unproxiedPrefix: string;
  /** The public site is https: those paths get HSTS as every other page does from proxy.ts. */
  httpsSite: boolean;
};

/** The production server's request listener (scripts/serve.ts): the fast path first, then Next. */
export function createRequestListener(options: RequestListenerOptions): RequestListener {
  return (request, response) => {
    if (options.httpsSite && request.url?.startsWith(options.unproxiedPrefix)) {
      response.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    }
    if (options.respondFromCache(request, response)) return;
    options.handle(request, response).catch((error: unknown) => {
      console.error('midad: request failed:', error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  };
}
