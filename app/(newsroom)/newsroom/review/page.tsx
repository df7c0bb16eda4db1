import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { ArticleQueue } from '@/components/workflow/article-queue';
import { requireActorForPage } from '@/lib/auth/current-user';
import { getDateSettings } from '@/lib/config/site';
import { listReviewQueueForActor } from '@/lib/data/dashboard';
import { isAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'المراجعة' };

export default async function ReviewQueuePage() {
  const actor = await requireActorForPage('/newsroom/review');
  let queue;
  try {
    queue = await listReviewQueueForActor(actor);
  } catch (error) {
    if (isAppError(error) && error.code === 'forbidden') forbidden();
    throw error;
  }
  return (
    <>
      <h1>المراجعة</h1>
      <ArticleQueue
        title="بانتظار المراجعة، الأقدم أولًا"
        items={queue}
        empty="لا مقالات بانتظار المراجعة."
        dateSettings={getDateSettings()}
        testId="review-queue"
      />
    </>
  );
}
