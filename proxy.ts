import { NextResponse, type NextRequest } from 'next/server';

/**
 * Sends a visitor with no session cookie from any newsroom path to sign-in, with the way back. This is only the
 * polite redirect: every newsroom page and data-layer call checks the user itself (lib/auth/current-user.ts).
 */
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const signIn = new URL('/signin', request.url);
  signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ['/newsroom', '/newsroom/:path*'] };
