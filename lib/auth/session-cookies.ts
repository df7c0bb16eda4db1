import type { NextAuthOptions } from 'next-auth';

/** Names of the session cookie over http (development, tests) and https (production). The proxy looks for both. */
export const SESSION_COOKIE_NAMES = ['next-auth.session-token', '__Secure-next-auth.session-token'] as const;

/**
 * Session cookie settings: httpOnly (no script reads the session), SameSite=Lax (not sent with cross-site POSTs),
 * and Secure with the `__Secure-` prefix whenever the site's public URL is https — decided from the configuration
 * (NEXTAUTH_URL, else MIDAD_SITE_URL), not from the request, so a proxy that forgets X-Forwarded-Proto cannot turn
 * it off. next-auth's other cookies (CSRF token, callback URL) follow `useSecureCookies` the same way.
 */
export function sessionCookieOptions(httpsSite: boolean): Pick<NextAuthOptions, 'useSecureCookies' | 'cookies'> {
  return {
    useSecureCookies: httpsSite,
    cookies: {
      sessionToken: {
        name: httpsSite ? SESSION_COOKIE_NAMES[1] : SESSION_COOKIE_NAMES[0],
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: httpsSite },
      },
    },
  };
}
