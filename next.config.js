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

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
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
    ];
  },
};

module.exports = nextConfig;
