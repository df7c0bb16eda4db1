/**
 * `npm run user:create` applies the password policy: a well-known password is refused with a clear message (the code,
 * the English reason for the operator and the Arabic reasons), exit status 1, and no account is written; a good one
 * creates the account.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/open-database';
import { users } from '@/db/schema';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-user-create-'));
const PGLITE_DIR = path.join(base, 'pglite');

async function createUser(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/create-user.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PGLITE_DIR, NODE_ENV: 'development' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

async function emails(): Promise<string[]> {
  const handle = await openDatabase({ DATABASE_URL: undefined, PGLITE_DIR });
  try {
    return (await handle.db.select({ email: users.email }).from(users)).map((row) => row.email);
  } finally {
    await handle.close();
  }
}

describe('npm run user:create', () => {
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('refuses a common password with a clear message and writes nothing, then accepts a good one', async () => {
    const refused = await createUser(['--email', 'layla@example.com', '--role', 'editor', '--name', 'ليلى', '--password', 'Password2024!']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('weak_password');
    expect(refused.stderr).toContain('password policy refused this password (common)');
    expect(refused.stderr).toContain('شائعة');
    expect(await emails()).not.toContain('layla@example.com');

    const created = await createUser(['--email', 'layla@example.com', '--role', 'editor', '--name', 'ليلى', '--password', 'نخلة على ضفة دجلة']);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('created editor layla@example.com');
    expect(await emails()).toContain('layla@example.com');
  }, 120_000);
});
