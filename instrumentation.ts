/**
 * Next's server start-up hook: starts the scheduled-publishing ticker and the cache revalidation listener in the
 * Node.js runtime (never in the edge runtime, never during `next build`: see lib/scheduler/ticker.ts).
 */
export async function register() {
  // NEXT_RUNTIME is set by Next itself for each bundle and inlined at build time; it is not configuration.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // The article page (Pages Router) may not import the data layer; it gets its loader from here.
  const [{ provideArticlePageLoader }, { loadArticlePage }] = await Promise.all([
    import('./lib/public/article-page-loader'),
    import('./lib/public/article-page'),
  ]);
  provideArticlePageLoader(loadArticlePage);
  const { startPublishingTicker } = await import('./lib/scheduler/ticker');
  startPublishingTicker();
  // Other instances' cache revalidations (Postgres LISTEN; nothing with the single-process PGlite).
  const { startCacheTagListener } = await import('./lib/cache/tag-bus');
  startCacheTagListener();
}
