import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/config/env';
import { SESSION_COOKIE_NAMES } from '@/lib/auth/session-cookies';
import { createNonce, securityHeaders } from '@/lib/security/headers';

/**
 * Runs before every request except Next's static files:
 *
 * 1. Security headers on every response but the article pages' (see the matcher below) (lib/security/headers.ts),
 *    with a Content-Security-Policy carrying a fresh
 *    nonce. The policy also goes on the REQUEST, where Next.js reads the nonce and puts it on its own scripts and
 *    styles (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md); `x-nonce` carries it for any
 *    component of ours that needs it. Nonces need dynamic rendering: every page is dynamic.
 * 2. Sends a visitor with no session cookie from any newsroom path to sign-in, with the way back. This is only the
 *    polite redirect: every newsroom page and data-layer call checks the user itself (lib/auth/current-user.ts).
 */
function isNewsroomPath(pathname: string): boolean {
  return pathname === '/newsroom' || pathname.startsWith('/newsroom/');
}

export function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = createNonce();
  const headers = securityHeaders({ nonce, development: env.NODE_ENV === 'development', https: env.httpsSite });

  let response: NextResponse;
  const { pathname, search } = request.nextUrl;
  if (isNewsroomPath(pathname) && !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) {
    const signIn = new URL('/signin', request.url);
    signIn.searchParams.set('callbackUrl', pathname + search);
    response = NextResponse.redirect(signIn);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Everything but the build's static files and image optimizer, and the article pages, which have no script to give a
// nonce to: next.config.js gives those fixed headers (NO_SCRIPT_PAGE_HEADERS).
export const config = { matcher: ['/((?!_next/static|_next/image|articles/).*)'] };
