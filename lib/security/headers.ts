/**
 * Security headers of every response, built once per request by proxy.ts (pure: no Next.js, no environment).
 *
 * The Content-Security-Policy allows scripts only with the request's nonce (Next.js reads it from the request's CSP
 * header and puts it on its own scripts and inline styles) and what those scripts load ('strict-dynamic'). Inline
 * style ATTRIBUTES are allowed (`style-src-attr`): React renders `style` props as attributes on the server and the
 * editor sets some; they cannot run code, and `img-src`/`font-src`/`connect-src` keep any `url()` on our own origin.
 * Nothing may frame any page (`frame-ancestors 'none'`, and X-Frame-Options for old browsers).
 */
export type SecurityHeaderOptions = {
  nonce: string;
  /** `next dev` needs eval for React's debugging aids. */
  development: boolean;
  /** The public site is https: HSTS and upgrade-insecure-requests. */
  https: boolean;
};

export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'magnetometer=()',
  'gyroscope=()',
  'accelerometer=()',
  'display-capture=()',
].join(', ');

/** Headers that do not depend on the request: also sent with static files (next.config.js). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Every directive of our policies, in order, with its value where a page type does not say otherwise. */
const BASE_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'none'"],
  ['style-src', "'self'"],
  ['style-src-attr', "'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['media-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
  ['manifest-src', "'self'"],
  ['worker-src', "'self' blob:"],
];

function policyDirectives(overrides: Readonly<Record<string, string>>): string[] {
  return BASE_DIRECTIVES.map(([name, value]) => `${name} ${overrides[name] ?? value}`);
}

export function contentSecurityPolicy({ nonce, development, https }: SecurityHeaderOptions): string {
  const directives = policyDirectives({
    'script-src': `'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    'style-src': `'self' 'nonce-${nonce}'${development ? " 'unsafe-inline'" : ''}`,
  });
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/**
 * The policy of reader pages that ship no JavaScript (the Pages Router's article page): no script may run at all, and
 * nothing may be fetched or run as a worker. Sent by next.config.js (NO_SCRIPT_PAGE_HEADERS), not by proxy.ts, which
 * does not run for them.
 */
export const NO_SCRIPT_CONTENT_SECURITY_POLICY = policyDirectives({
  'img-src': "'self' data:",
  'connect-src': "'none'",
  'worker-src': "'none'",
}).join('; ');

/** Reader pages kept in Next's cache: a CDN or browser must ask again each time (the ETag makes that cheap). */
export const READER_PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** HSTS, sent when the public site is https: two years, subdomains included. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = { ...STATIC_SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(options) };
  if (options.https) headers['Strict-Transport-Security'] = STRICT_TRANSPORT_SECURITY;
  return headers;
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
