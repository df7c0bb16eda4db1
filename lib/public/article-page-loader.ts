import type { ArticlePageResult } from './article-page';

/**
 * How the article page (pages/articles/[slug].tsx, Pages Router) reaches the data layer.
 *
 * Turbopack refuses any module that imports `server-only` or `revalidateTag` in a Pages Router page's graph, and our
 * whole data layer does (as it should). So the page does not import it: instrumentation.ts, which runs once at server
 * start and before any request, hands the page `loadArticlePage` (lib/public/article-page.ts) through this registry.
 * The key is on globalThis because the instrumentation and the page are separate bundles in one process.
 */
export type ArticlePageLoader = (slug: string) => Promise<ArticlePageResult>;

const LOADER_KEY = Symbol.for('midad.article-page-loader');

type LoaderHolder = { [LOADER_KEY]?: ArticlePageLoader };

export function provideArticlePageLoader(loader: ArticlePageLoader): void {
  (globalThis as LoaderHolder)[LOADER_KEY] = loader;
}

export function getArticlePageLoader(): ArticlePageLoader {
  const loader = (globalThis as LoaderHolder)[LOADER_KEY];
  if (!loader) throw new Error('midad: the article page loader was not provided (instrumentation.ts registers it at start-up)');
  return loader;
}
