import 'server-only';
import { getDatabaseHandle } from '@/db/client';

export type HealthReport = { ok: boolean; database: 'reachable' | 'unreachable'; driver: 'postgres' | 'pglite' | 'unknown' };

/** Whether the database answers right now. Never throws. */
export async function checkHealth(): Promise<HealthReport> {
  try {
    const handle = await getDatabaseHandle();
    const reachable = await handle.ping();
    return { ok: reachable, database: reachable ? 'reachable' : 'unreachable', driver: handle.driver };
  } catch {
    return { ok: false, database: 'unreachable', driver: 'unknown' };
  }
}
