import { describe, expect, it, vi } from 'vitest';

const checkHealth = vi.hoisted(() => vi.fn());
vi.mock('@/lib/data/health', () => ({ checkHealth }));

import { GET } from './route';

describe('GET /api/health', () => {
  it('answers 200 when the database is reachable', async () => {
    checkHealth.mockResolvedValueOnce({ ok: true, database: 'reachable', driver: 'postgres' });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 when it is not', async () => {
    checkHealth.mockResolvedValueOnce({ ok: false, database: 'unreachable', driver: 'postgres' });
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ database: 'unreachable' });
  });
});
