import { listItemsResponse } from '@/lib/public/content-api';

export const dynamic = 'force-dynamic';

/** Published stories as ninjs 2.0 items, newest first: ?page=&per_page=&section=<slug>&entity=<slug>. */
export async function GET(request: Request) {
  return listItemsResponse(new URL(request.url));
}
