import { getItemResponse } from '@/lib/public/content-api';

export const dynamic = 'force-dynamic';

/** One published story as a ninjs 2.0 item; 404 when unknown or not published. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return getItemResponse((await params).slug);
}
