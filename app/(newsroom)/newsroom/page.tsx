import { ArticleQueue } from '@/components/workflow/article-queue';
import { requireActorForPage } from '@/lib/auth/current-user';
import { getDateSettings } from '@/lib/config/site';
import { getDashboardForActor } from '@/lib/data/dashboard';
import { listArticlesForActor } from '@/lib/data/newsroom-articles';

export const dynamic = 'force-dynamic';

export default async function NewsroomPage() {
  const actor = await requireActorForPage('/newsroom');
  const [dashboard, articles] = await Promise.all([getDashboardForActor(actor), listArticlesForActor(actor)]);
  const dateSettings = getDateSettings();
  const allArticles = articles.map((article) => ({ ...article, publishAt: null, publishedAt: null }));
  return (
    <>
      <h1>مرحبًا، {actor.displayName}</h1>
      <ArticleQueue
        title="طُلبت منك تعديلات"
        items={dashboard.changesRequested}
        empty="لا مقالات تنتظر تعديلاتك."
        dateSettings={dateSettings}
        testId="changes-requested"
      />
      <ArticleQueue title="مسوداتي" items={dashboard.myDrafts} empty="لا مسودات لديك." dateSettings={dateSettings} testId="my-drafts" />
      <ArticleQueue
        title="مقالاتي قيد المراجعة"
        items={dashboard.myInReview}
        empty="لا مقالات لك قيد المراجعة."
        dateSettings={dateSettings}
        testId="my-in-review"
      />
      {dashboard.editorial ? (
        <>
          <ArticleQueue
            title="بانتظار المراجعة"
            items={dashboard.editorial.reviewQueue}
            empty="لا مقالات بانتظار المراجعة."
            dateSettings={dateSettings}
            testId="review-queue"
          />
          <ArticleQueue
            title="معتمدة وجاهزة للنشر"
            items={dashboard.editorial.approved}
            empty="لا مقالات معتمدة بانتظار النشر."
            dateSettings={dateSettings}
            testId="approved"
          />
          <ArticleQueue
            title="مجدولة للنشر"
            items={dashboard.editorial.scheduled}
            empty="لا مقالات مجدولة."
            dateSettings={dateSettings}
            dateColumn="publishAt"
            testId="scheduled"
          />
          <ArticleQueue
            title="نُشرت مؤخرًا"
            items={dashboard.editorial.recentPublications}
            empty="لم يُنشر شيء بعد."
            dateSettings={dateSettings}
            dateColumn="publishedAt"
            testId="recent"
          />
        </>
      ) : null}
      {dashboard.editorial ? (
        // Editors work from the queues above; the full list stays one click away.
        <details className="all-articles">
          <summary>كل المقالات ({articles.length})</summary>
          <ArticleQueue title="كل المقالات" items={allArticles} empty="لا توجد مقالات بعد." dateSettings={dateSettings} testId="all-articles" />
        </details>
      ) : (
        <ArticleQueue title="كل مقالاتي" items={allArticles} empty="لا توجد مقالات بعد." dateSettings={dateSettings} testId="all-articles" />
      )}
    </>
  );
}
