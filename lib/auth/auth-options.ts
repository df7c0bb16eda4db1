import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getEnv } from '@/lib/config/env';
import { signInWithPassword } from '@/lib/data/sign-in';
import { resolveAuthSecret } from './auth-secret';
import { clientAddress } from './client-address';
import { sessionCookieOptions } from './session-cookies';

const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

/** Session lifetime: one working day and a half. */
const SESSION_MAX_AGE_SECONDS = 36 * 60 * 60;

let cached: NextAuthOptions | undefined;

/**
 * next-auth options, built on first use (not at import, so `next build` never needs the secret or the database).
 * The JWT carries only the user id and role; every newsroom request re-reads the user (lib/auth/current-user.ts).
 */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  cached = {
    secret: resolveAuthSecret(env),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    ...sessionCookieOptions(env.httpsSite),
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'credentials',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error('invalid_credentials');
          const ip = clientAddress(req?.headers, env.trustedProxyHops);
          // Limits, timing parity and the audit trail: lib/data/sign-in.ts.
          const outcome = await signInWithPassword({ email: parsed.data.email, password: parsed.data.password, ip });
          if (!outcome.ok) throw new Error(outcome.code);
          const { actor, sessionVersion } = outcome;
          return { id: actor.id, email: actor.email, name: actor.displayName, role: actor.role, sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) {
          session.user.id = token.uid;
          session.user.role = token.role;
          session.user.sessionVersion = token.sv;
        }
        return session;
      },
    },
  };
  return cached;
}
