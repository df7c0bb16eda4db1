import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { Pagination, pageHref } from '@/components/public/pagination';
import { StoryList } from '@/components/public/story-list';
import styles from '@/components/public/public.module.css';
import { getDateSettings } from '@/lib/config/site';
import { readListing, readSectionBySlug } from '@/lib/data/public-cache';
import { parsePageParam } from '@/lib/data/public-listings';
import { siteFeedTypes } from '@/lib/public/feed-links';
import { decodeSlug } from '@/lib/public/feed-response';
import { sectionPath } from '@/lib/public/urls';

// Rendered per request (CSP nonce; never at build time) from Next's data cache, revalidated by tag `section:ID`.

const PER_PAGE = 20;

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  await connection();
  const section = await readSectionBySlug(decodeSlug((await params).slug));
  if (!section) return { title: 'الصفحة غير موجودة' };
  const page = parsePageParam((await searchParams).page) ?? 1;
  const path = sectionPath(section.slug);
  return {
    title: page > 1 ? `${section.name} - الصفحة ${page}` : section.name,
    description: `آخر أخبار قسم ${section.name}`,
    alternates: {
      canonical: pageHref(path, page),
      types: siteFeedTypes([{ url: `${path}/feed.xml`, title: `${section.name}: RSS` }]),
    },
  };
}

export default async function SectionPage({ params, searchParams }: Props) {
  await connection();
  const section = await readSectionBySlug(decodeSlug((await params).slug));
  if (!section) notFound();
  const page = parsePageParam((await searchParams).page);
  if (page === null) notFound();
  const result = await readListing(section.id, page, PER_PAGE);
  if (result.items.length === 0 && page > 1) notFound();
  const path = sectionPath(section.slug);
  return (
    <>
      <h1>{page === 1 ? section.name : `${section.name}: الصفحة ${page}`}</h1>
      <p className={styles.feedLink}>
        <a href={`${path}/feed.xml`}>تابع القسم عبر RSS</a>
      </p>
      {result.items.length === 0 ? (
        <p>لا توجد أخبار منشورة في هذا القسم بعد.</p>
      ) : (
        <StoryList stories={result.items} dateSettings={getDateSettings()} showSection={false} />
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(target) => pageHref(path, target)} />
    </>
  );
}
