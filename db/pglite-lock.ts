import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no cross-process lock: two processes on one data folder silently lose writes. This lock file, beside the
 * folder, is created with O_EXCL by the process that opens the database and names its holder. A second opener gets a
 * clear error. A lock left behind by a process that died (same host, pid gone) is taken over.
 */
export type LockHolder = { pid: number; hostname: string; startedAt: string; command: string };

export class DatabaseLockedError extends Error {
  readonly holder: LockHolder | null;
  readonly dataDir: string;
  constructor(dataDir: string, holder: LockHolder | null) {
    const who = holder
      ? `process ${holder.pid} on ${holder.hostname} (${holder.command || 'unknown command'}), since ${holder.startedAt}`
      : 'another process (the lock file could not be read)';
    super(
      `The embedded database folder ${dataDir} is already open in ${who}. ` +
        'PGlite allows one process at a time: stop that process first, or set PGLITE_DIR to another folder, ' +
        'or use a Postgres server with DATABASE_URL.',
    );
    this.name = 'DatabaseLockedError';
    this.dataDir = dataDir;
    this.holder = holder;
  }
}

export function lockFilePath(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') return null;
    return {
      pid: parsed.pid,
      hostname: parsed.hostname,
      startedAt: String(parsed.startedAt ?? ''),
      command: String(parsed.command ?? ''),
    };
  } catch {
    return null;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(holder: LockHolder | null): holder is LockHolder {
  return holder !== null && holder.hostname === os.hostname() && holder.pid !== process.pid && !isProcessAlive(holder.pid);
}

/**
 * Takes the lock on `dataDir` for this process, or throws DatabaseLockedError. Returns the function that releases it;
 * it is also released when the process exits.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = lockFilePath(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 300),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o644);
      try {
        fs.writeFileSync(fd, JSON.stringify(me));
      } finally {
        fs.closeSync(fd);
      }
      const release = () => {
        const holder = readHolder(lockPath);
        if (holder && holder.pid === me.pid && holder.startedAt === me.startedAt) {
          fs.rmSync(lockPath, { force: true });
        }
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (!isStale(holder)) throw new DatabaseLockedError(path.resolve(dataDir), holder);
      // Take over a dead process's lock: move it aside atomically (only one taker can win the rename), check that
      // what was moved is the stale lock we read, then retry the exclusive create.
      const aside = `${lockPath}.stale-${process.pid}-${attempt}`;
      try {
        fs.renameSync(lockPath, aside);
      } catch {
        continue;
      }
      const moved = readHolder(aside);
      if (moved && (moved.pid !== holder.pid || moved.startedAt !== holder.startedAt)) {
        // We moved a fresh lock of another taker: put it back and give up on it.
        fs.renameSync(aside, lockPath);
        throw new DatabaseLockedError(path.resolve(dataDir), moved);
      }
      fs.rmSync(aside, { force: true });
    }
  }
  throw new DatabaseLockedError(path.resolve(dataDir), readHolder(lockPath));
}
