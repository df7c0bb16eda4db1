import type { Metadata } from 'next';
import Link from 'next/link';
import { HighlightedText } from '@/components/public/highlighted-text';
import { Pagination, pageHref } from '@/components/public/pagination';
import { SearchForm } from '@/components/public/search-form';
import styles from '@/components/public/public.module.css';
import { getDateSettings } from '@/lib/config/site';
import { parsePageParam } from '@/lib/data/public-listings';
import { searchPublishedArticles } from '@/lib/data/search';
import { formatArabicDate } from '@/lib/format/date';
import { articlePath, sectionPath } from '@/lib/public/urls';
import { MAX_QUERY_LENGTH } from '@/lib/search/search-text';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function firstValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = firstValue((await searchParams).q).trim().slice(0, 80);
  // Result pages are not for search engines' indexes.
  return { title: query ? `نتائج البحث عن «${query}»` : 'البحث', robots: { index: false, follow: true } };
}

const numberFormat = new Intl.NumberFormat('ar-IQ', { numberingSystem: 'latn' });

/** «نتيجة واحدة», «نتيجتان», «3 نتائج», «11 نتيجة»: the Arabic count agreement. */
function resultCount(total: number): string {
  if (total === 1) return 'نتيجة واحدة';
  if (total === 2) return 'نتيجتان';
  const hundredRemainder = total % 100;
  const noun = hundredRemainder >= 3 && hundredRemainder <= 10 ? 'نتائج' : 'نتيجة';
  return `${numberFormat.format(total)} ${noun}`;
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const rawQuery = firstValue(params.q);
  const page = parsePageParam(params.page) ?? 1;
  const outcome = await searchPublishedArticles(rawQuery, page);
  const dateSettings = getDateSettings();
  const shownQuery = outcome.kind === 'empty' ? '' : outcome.text;

  return (
    <>
      <h1>البحث في الأخبار</h1>
      <SearchForm query={shownQuery} />
      {outcome.kind !== 'empty' && outcome.truncated ? (
        <p className={styles.notice}>
          بحثك طويل جدًا، فبحثنا عن أوله فقط (حتى {MAX_QUERY_LENGTH} حرف أو 12 كلمة).
        </p>
      ) : null}
      {outcome.kind === 'empty' ? (
        <div className={styles.notice}>
          <p>اكتب كلمة أو أكثر ثم اضغط «بحث». نبحث في عناوين الأخبار المنشورة ونصوصها.</p>
          <p>لا يهمّ شكل الهمزة أو التاء المربوطة أو الياء، ويمكنك كتابة الاسم مع «و» أو «ب» أو «ل» أو بدونها.</p>
        </div>
      ) : null}
      {outcome.kind === 'no_words' ? (
        <p className={styles.notice}>لم نجد في بحثك حروفًا أو أرقامًا نبحث عنها. جرّب كتابة كلمة، مثل اسم مدينة أو شخص.</p>
      ) : null}
      {outcome.kind === 'results' ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {outcome.total === 0
              ? `لا نتائج للبحث عن «${outcome.text}»`
              : `${resultCount(outcome.total)} للبحث عن «${outcome.text}»`}
          </h2>
          {outcome.entity ? (
            <p>
              تشمل النتائج الأخبار الموسومة بـ«{outcome.entity.name}».
            </p>
          ) : null}
          {outcome.total === 0 ? (
            <p>جرّب كلمة أخرى أو عددًا أقل من الكلمات، أو تصفّح <Link href="/">آخر الأخبار</Link>.</p>
          ) : null}
          {outcome.items.length === 0 && outcome.total > 0 ? (
            <p>
              لا نتائج في هذه الصفحة. <Link href={pageHref('/search', 1, { q: outcome.text })}>العودة إلى الصفحة الأولى</Link>
            </p>
          ) : null}
          <ol className={styles.list}>
            {outcome.items.map((item) => (
              <li key={item.id}>
                <h3 className={styles.resultTitle}>
                  <Link href={articlePath(item.slug)}>
                    <HighlightedText segments={item.titleSegments} />
                  </Link>
                </h3>
                <p className={styles.meta}>
                  {item.section ? (
                    <>
                      <Link href={sectionPath(item.section.slug)} className={styles.sectionLink}>
                        {item.section.name}
                      </Link>{' '}
                      ·{' '}
                    </>
                  ) : null}
                  <time dateTime={item.publishedAt.toISOString()}>{formatArabicDate(item.publishedAt, dateSettings)}</time>
                </p>
                {item.snippet.length > 0 ? (
                  <p className={styles.snippet}>
                    <HighlightedText segments={item.snippet} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          <Pagination
            page={outcome.page}
            pageCount={outcome.pageCount}
            hrefFor={(target) => pageHref('/search', target, { q: outcome.text })}
          />
        </section>
      ) : null}
    </>
  );
}
