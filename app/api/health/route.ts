import { checkHealth } from '@/lib/data/health';

export const dynamic = 'force-dynamic';

/** Liveness and database reachability: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const report = await checkHealth();
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
