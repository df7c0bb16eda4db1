import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';
import { acquireDataDirLock, DatabaseLockedError, lockFilePath } from './pglite-lock';
import { users } from './schema';

const run = promisify(execFile);
const tempDirs: string[] = [];

function tempDataDir(): string {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-lock-'));
  tempDirs.push(base);
  return path.join(base, 'nested', 'pglite');
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function openInChild(dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(process.cwd(), 'test/support/open-and-write.ts'), dataDir],
      { cwd: process.cwd() },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the embedded database folder lock', () => {
  it('refuses a second process with a message naming the folder and the holder, and it writes nothing', async () => {
    const dataDir = tempDataDir();
    const handle = await openDatabase({ DATABASE_URL: undefined, PGLITE_DIR: dataDir });
    await handle.migrate();

    const child = await openInChild(dataDir);
    expect(child.code).toBe(3);
    expect(child.stdout).not.toContain('WROTE');
    expect(child.stderr).toContain(path.resolve(dataDir));
    expect(child.stderr).toContain(`process ${process.pid}`);

    const intruders = await handle.db.select().from(users).where(eq(users.email, 'intruder@example.com'));
    expect(intruders).toHaveLength(0);
    await handle.close();

    // Once released, the folder opens elsewhere, and what the first process wrote is intact.
    const after = await openInChild(dataDir);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('WROTE');
    expect(fs.existsSync(lockFilePath(dataDir))).toBe(false);
  }, 120_000);

  it('refuses a second opener in the same process too', () => {
    const dataDir = tempDataDir();
    const release = acquireDataDirLock(dataDir);
    try {
      expect(() => acquireDataDirLock(dataDir)).toThrow(DatabaseLockedError);
    } finally {
      release();
    }
  });

  it('takes over a lock left by a process that died', () => {
    const dataDir = tempDataDir();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default, so no such process
    fs.writeFileSync(
      lockFilePath(dataDir),
      JSON.stringify({ pid: deadPid, hostname: os.hostname(), startedAt: '2024-01-05T09:00:00Z', command: 'crashed' }),
    );
    const release = acquireDataDirLock(dataDir);
    const holder = JSON.parse(fs.readFileSync(lockFilePath(dataDir), 'utf8')) as { pid: number };
    expect(holder.pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lockFilePath(dataDir))).toBe(false);
  });

  it('does not take over a live process of another host name', () => {
    const dataDir = tempDataDir();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(
      lockFilePath(dataDir),
      JSON.stringify({ pid: 1, hostname: 'other-host', startedAt: '2024-01-05T09:00:00Z', command: 'next start' }),
    );
    expect(() => acquireDataDirLock(dataDir)).toThrow(/process 1 on other-host \(next start\)/);
  });
});
