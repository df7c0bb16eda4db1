import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Env } from '../config/env';

export class MissingAuthSecretError extends Error {
  constructor() {
    super(
      'NEXTAUTH_SECRET is not set. Outside demo mode Midad needs a secret of at least 32 characters to sign sessions: ' +
        'generate one with `openssl rand -base64 32` and set NEXTAUTH_SECRET (see .env.example).',
    );
    this.name = 'MissingAuthSecretError';
  }
}

/**
 * The secret that signs session tokens. Outside demo mode it must come from NEXTAUTH_SECRET. In demo mode it is
 * generated once and kept beside the embedded database, so sessions survive restarts.
 */
export function resolveAuthSecret(env: Pick<Env, 'NEXTAUTH_SECRET' | 'demoMode' | 'PGLITE_DIR'>): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (!env.demoMode) throw new MissingAuthSecretError();
  const secretFile = path.join(path.dirname(path.resolve(env.PGLITE_DIR)), 'auth-secret');
  try {
    const existing = fs.readFileSync(secretFile, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not generated yet
  }
  fs.mkdirSync(path.dirname(secretFile), { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  try {
    fs.writeFileSync(secretFile, secret, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch {
    // Another process wrote it first: use theirs.
    return fs.readFileSync(secretFile, 'utf8').trim();
  }
}
