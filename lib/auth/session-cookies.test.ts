import { describe, expect, it } from 'vitest';
import { sessionCookieOptions } from './session-cookies';

describe('sessionCookieOptions', () => {
  it('on an https site: a __Secure- cookie, Secure, httpOnly, SameSite=Lax, and secure next-auth cookies', () => {
    expect(sessionCookieOptions(true)).toEqual({
      useSecureCookies: true,
      cookies: {
        sessionToken: {
          name: '__Secure-next-auth.session-token',
          options: { httpOnly: true, sameSite: 'lax', path: '/', secure: true },
        },
      },
    });
  });

  it('on plain http (development, tests): httpOnly and SameSite=Lax still, without Secure', () => {
    const options = sessionCookieOptions(false);
    expect(options.useSecureCookies).toBe(false);
    expect(options.cookies?.sessionToken?.name).toBe('next-auth.session-token');
    expect(options.cookies?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false });
  });
});
