import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { LeadStory, StoryList } from '@/components/public/story-list';
import { Pagination, pageHref } from '@/components/public/pagination';
import { getDateSettings } from '@/lib/config/site';
import { readListing } from '@/lib/data/public-cache';
import { parsePageParam } from '@/lib/data/public-listings';
import { siteFeedTypes } from '@/lib/public/feed-links';

// Rendered per request (CSP nonce; never at build time) from Next's data cache, revalidated by tag `home`.

const PER_PAGE = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = parsePageParam((await searchParams).page) ?? 1;
  return {
    ...(page > 1 ? { title: `آخر الأخبار - الصفحة ${page}` } : {}),
    alternates: { canonical: pageHref('/', page), types: siteFeedTypes() },
  };
}

export default async function HomePage({ searchParams }: Props) {
  await connection();
  const page = parsePageParam((await searchParams).page);
  if (page === null) notFound();
  const result = await readListing(null, page, PER_PAGE);
  if (result.items.length === 0 && page > 1) notFound();
  const dateSettings = getDateSettings();
  const lead = page === 1 ? result.items[0] : undefined;
  const rest = page === 1 ? result.items.slice(1) : result.items;
  return (
    <>
      <h1>{page === 1 ? 'آخر الأخبار' : `آخر الأخبار: الصفحة ${page}`}</h1>
      {result.items.length === 0 ? <p>لا توجد أخبار منشورة بعد.</p> : null}
      {lead ? <LeadStory story={lead} dateSettings={dateSettings} /> : null}
      {rest.length > 0 ? <StoryList stories={rest} dateSettings={dateSettings} /> : null}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(target) => pageHref('/', target)} />
    </>
  );
}
