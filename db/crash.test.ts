import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';
import { lockFilePath } from './pglite-lock';
import { auditEvents } from './schema';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-crash-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

/**
 * Starts a writer on `dataDir`, lets it commit at least `commits` transactions, then kills it with SIGKILL (no
 * chance to close the database or release its lock). Returns the ids it reported committed, and its pid.
 */
async function writeThenKill(dataDir: string, label: string, commits: number): Promise<{ ids: string[]; pid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'test/support/pglite-writer.ts'), dataDir, label], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ids: string[] = [];
  let stderr = '';
  let buffered = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('COMMITTED ')) ids.push(line.slice('COMMITTED '.length));
      if (ids.length >= commits) {
        child.kill('SIGKILL'); // in the middle of the next transaction
        resolve();
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited early (${code}): ${stderr}`));
    });
  });
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
  return { ids, pid: child.pid! };
}

describe('an embedded database killed during writes', () => {
  it('restarts with every committed write intact and no half transaction, twice in a row', async () => {
    const dataDir = path.join(base, 'pglite');
    const first = await writeThenKill(dataDir, 'first', 150);
    // The dead writer's lock is still there, naming it; the next opener takes it over.
    expect(JSON.parse(fs.readFileSync(lockFilePath(dataDir), 'utf8'))).toMatchObject({ pid: first.pid });
    const second = await writeThenKill(dataDir, 'second', 150);

    const handle = await openDatabase({ DATABASE_URL: undefined, PGLITE_DIR: dataDir });
    try {
      const committed = [...first.ids, ...second.ids];
      const found = await handle.db.select({ id: auditEvents.id }).from(auditEvents).where(inArray(auditEvents.id, committed));
      expect(found.length).toBe(committed.length);

      // Every transaction is whole: each write has its twin, including any committed after the last id was printed.
      const writes = await handle.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.action, 'crash.write'));
      const twins = await handle.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.action, 'crash.twin'));
      expect(twins[0]!.n).toBe(writes[0]!.n);
      expect(writes[0]!.n).toBeGreaterThanOrEqual(committed.length);
      const orphans = await handle.db.execute(
        sql`select 1 from audit_events t where t.action = 'crash.twin' and not exists (select 1 from audit_events w where w.id::text = t.comment)`,
      );
      expect((Array.isArray(orphans) ? orphans : (orphans as unknown as { rows: unknown[] }).rows).length).toBe(0);

      // And the database still takes writes.
      await handle.db.insert(auditEvents).values({ action: 'crash.after' });
    } finally {
      await handle.close();
    }
  }, 240_000);
});
