import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MissingAuthSecretError, resolveAuthSecret } from './auth-secret';

function tempDataDir(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'midad-secret-')), 'data', 'pglite');
}

describe('resolveAuthSecret', () => {
  it('uses NEXTAUTH_SECRET when it is set', () => {
    const secret = 'x'.repeat(40);
    expect(resolveAuthSecret({ NEXTAUTH_SECRET: secret, demoMode: false, PGLITE_DIR: tempDataDir() })).toBe(secret);
  });

  it('stops outside demo mode when no secret is set, with a message that says what to do', () => {
    expect(() => resolveAuthSecret({ NEXTAUTH_SECRET: undefined, demoMode: false, PGLITE_DIR: tempDataDir() })).toThrow(
      MissingAuthSecretError,
    );
    expect(() => resolveAuthSecret({ NEXTAUTH_SECRET: undefined, demoMode: false, PGLITE_DIR: tempDataDir() })).toThrow(
      /NEXTAUTH_SECRET.*openssl rand/,
    );
  });

  it('generates a secret once in demo mode and keeps it beside the database', () => {
    const dataDir = tempDataDir();
    const first = resolveAuthSecret({ NEXTAUTH_SECRET: undefined, demoMode: true, PGLITE_DIR: dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveAuthSecret({ NEXTAUTH_SECRET: undefined, demoMode: true, PGLITE_DIR: dataDir })).toBe(first);
    expect(fs.readFileSync(path.join(path.dirname(dataDir), 'auth-secret'), 'utf8')).toBe(first);
  });
});
