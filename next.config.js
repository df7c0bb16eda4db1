// @ts-check

/**
 * Headers for the static files that proxy.ts does not see (it sets these and the per-request CSP on everything else).
 * Keep in step with STATIC_SECURITY_HEADERS in lib/security/headers.ts (a test compares them).
 */
const STATIC_FILE_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value:
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()',
  },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/**
 * The reader pages that ship no JavaScript (pages/: the article page and its 404) are served without proxy.ts, whose
 * per-request work (a nonce, Next's proxy machinery) would cost more than serving the cached page itself. They get
 * these fixed headers instead: the static ones, a Content-Security-Policy that allows no script at all (the JSON-LD
 * block is data, not script), and a Cache-Control that makes a CDN or browser ask again each time (cheaply, with
 * the ETag): the page is stale the moment its story changes, which only the app hears. Keep in step with
 * NO_SCRIPT_CONTENT_SECURITY_POLICY and READER_PAGE_CACHE_CONTROL in lib/security/headers.ts (a test compares them).
 */
const NO_SCRIPT_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
  "worker-src 'none'",
].join('; ');
const READER_PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
const NO_SCRIPT_PAGE_HEADERS = [
  ...STATIC_FILE_HEADERS,
  { key: 'Content-Security-Policy', value: NO_SCRIPT_CONTENT_SECURITY_POLICY },
  { key: 'Cache-Control', value: READER_PAGE_CACHE_CONTROL },
];

// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS: Next loads it with require
const { compressFlag } = require('./lib/config/compress-flag.cjs');

/** @type {import('next').NextConfig} */
const nextConfig = {
  compress: compressFlag(process.env.MIDAD_COMPRESS),
  reactStrictMode: true,
  poweredByHeader: false,
  // Next's ETag is a hash of the whole page computed in JavaScript on every response it sends (~0.25 ms for an
  // article page, 5% of rendering one). The only pages it would be on are the cached article pages, and those are
  // sent by the production server's fast path (lib/cache/cached-page-responder.ts), which gives them an ETag
  // computed once per stored page and answers If-None-Match with 304. Only the response that renders a page goes
  // without one; the next request for it gets the ETag.
  generateEtags: false,
  // The public pages' data cache (lib/data/public-cache.ts): in memory, revalidated by tag on every instance
  // (lib/cache/cache-handler.cjs, lib/cache/tag-bus.ts; docs/ARCHITECTURE.md "Caching and freshness").
  cacheHandler: require.resolve('./lib/cache/cache-handler.cjs'),
  // Native and WebAssembly packages are loaded by Node at run time, never bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  experimental: {
    // forbidden() from next/navigation: a newsroom page refused to the signed-in person's role answers 403 with the
    // nearest forbidden.tsx (components/workflow/refusal.tsx). The data layer's checks stay the real protection.
    authInterrupts: true,
    serverActions: {
      // An article body may be 1 MB of JSON (lib/content MAX_DOCUMENT_JSON_BYTES) plus its other fields; anything
      // larger is refused with 413 before the action runs. Cross-site calls are refused by Next's Origin check.
      bodySizeLimit: '2mb',
    },
  },
  async headers() {
    return [
      { source: '/_next/static/:path*', headers: STATIC_FILE_HEADERS },
      { source: '/_next/image', headers: STATIC_FILE_HEADERS },
      { source: '/articles/:slug*', headers: NO_SCRIPT_PAGE_HEADERS },
    ];
  },
};

module.exports = nextConfig;
