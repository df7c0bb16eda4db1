import type { GetStaticPaths, GetStaticProps } from 'next';
import Head from 'next/head';
import { ArticleView } from '@/components/article/article-view';
import { PublicChrome } from '@/components/ui/public-chrome';
import type { ArticlePageProps } from '@/lib/public/article-page';
import { getArticlePageLoader } from '@/lib/public/article-page-loader';

/**
 * The public article page: `/articles/[slug]`.
 *
 * Served by the Pages Router because the page needs no JavaScript at all, and only the Pages Router can leave it out
 * (`unstable_runtimeJS: false`): the App Router always ships its client runtime, about 130 KB gzipped. The page is
 * kept in Next's cache (Incremental Static Regeneration, built on first request, never at build time) and is stale
 * as soon as any tag of its data is revalidated (lib/cache/cache-handler.cjs; docs/ARCHITECTURE.md "Reader pages
 * without JavaScript"). An unpublished story is a 404 on the next request; an old slug redirects with 301.
 */
export const config = { unstable_runtimeJS: false };

/** Time-based regeneration is only a safety net: tags make the page stale the moment something it shows changes. */
const SAFETY_REVALIDATE_SECONDS = 3600;

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: 'blocking' });

export const getStaticProps: GetStaticProps<ArticlePageProps, { slug: string }> = async ({ params }) => {
  const result = await getArticlePageLoader()(params?.slug ?? '');
  if (result.kind === 'not-found') return { notFound: true };
  if (result.kind === 'redirect') return { redirect: { destination: result.destination, statusCode: 301 } };
  return { props: result.props, revalidate: SAFETY_REVALIDATE_SECONDS };
};

export default function ArticlePage(props: ArticlePageProps) {
  const description = props.dek || undefined;
  const modifiedTime = props.updatedAt > props.publishedAt ? props.updatedAt : props.publishedAt;
  return (
    <>
      <Head>
        <title>{`${props.title} | ${props.siteName}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <meta name="author" content={props.authorName} />
        <link rel="canonical" href={props.url} />
        {props.feeds.map((feed) => (
          <link key={feed.href} rel="alternate" type={feed.type} href={feed.href} title={feed.title} />
        ))}
        <meta property="og:title" content={props.title} />
        {description ? <meta property="og:description" content={description} /> : null}
        <meta property="og:url" content={props.url} />
        <meta property="og:site_name" content={props.siteName} />
        <meta property="og:locale" content="ar_IQ" />
        <meta property="og:type" content="article" />
        <meta property="article:published_time" content={props.publishedAt} />
        <meta property="article:modified_time" content={modifiedTime} />
        <meta property="article:author" content={props.authorName} />
        <meta name="twitter:card" content="summary" />
        <meta name="twitter:title" content={props.title} />
        {description ? <meta name="twitter:description" content={description} /> : null}
      </Head>
      <PublicChrome siteName={props.siteName}>
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: props.jsonLd }} />
        <ArticleView
          title={props.title}
          dek={props.dek}
          authorName={props.authorName}
          date={new Date(props.publishedAt)}
          updatedAt={new Date(props.updatedAt)}
          bodyHtml={props.bodyHtml}
          readingMinutes={props.readingMinutes}
          dateSettings={props.dateSettings}
          section={props.section}
          entities={props.entities}
          notes={props.notes.map((note) => ({ ...note, at: new Date(note.at) }))}
          share={{ url: props.url, title: props.title }}
        />
      </PublicChrome>
    </>
  );
}
