import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, securityHeaders } from './headers';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('security headers', () => {
  it('allow scripts only with the nonce in production (no unsafe-inline, no unsafe-eval)', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'abc123==', development: false, https: false }));
    expect(csp.get('script-src')).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp.get('style-src')).toBe("'self' 'nonce-abc123=='");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'self'");
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it('allow eval only in development', () => {
    expect(contentSecurityPolicy({ nonce: 'n', development: true, https: false })).toContain("'unsafe-eval'");
  });

  it('send HSTS and upgrade insecure requests only for an https site', () => {
    const https = securityHeaders({ nonce: 'n', development: false, https: true });
    expect(https['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    expect(https['Content-Security-Policy']).toContain('upgrade-insecure-requests');
    const http = securityHeaders({ nonce: 'n', development: false, https: false });
    expect(http['Strict-Transport-Security']).toBeUndefined();
    expect(http).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
    expect(http['Permissions-Policy']).toContain('camera=()');
    expect(http['Permissions-Policy']).toContain('microphone=()');
    expect(http['Permissions-Policy']).toContain('geolocation=()');
  });

  it('make a different 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});

describe('next.config.js static file headers', () => {
  it('are the same as the static security headers the proxy sends', async () => {
    const { STATIC_SECURITY_HEADERS } = await import('./headers');
    const config = createRequire(import.meta.url)('../../next.config.js') as {
      headers(): Promise<Array<{ source: string; headers: Array<{ key: string; value: string }> }>>;
    };
    const rules = await config.headers();
    expect(rules.map((rule) => rule.source)).toEqual(['/_next/static/:path*', '/_next/image', '/articles/:slug*']);
    for (const rule of rules.slice(0, 2)) {
      expect(Object.fromEntries(rule.headers.map((header) => [header.key, header.value]))).toEqual(STATIC_SECURITY_HEADERS);
    }
  });

  it('give the article pages, which the proxy does not see, the static headers, a no-script policy and revalidation', async () => {
    const { NO_SCRIPT_CONTENT_SECURITY_POLICY, READER_PAGE_CACHE_CONTROL, STATIC_SECURITY_HEADERS } = await import('./headers');
    const config = createRequire(import.meta.url)('../../next.config.js') as {
      headers(): Promise<Array<{ source: string; headers: Array<{ key: string; value: string }> }>>;
    };
    const articles = (await config.headers()).find((rule) => rule.source === '/articles/:slug*');
    expect(Object.fromEntries(articles!.headers.map((header) => [header.key, header.value]))).toEqual({
      ...STATIC_SECURITY_HEADERS,
      'Content-Security-Policy': NO_SCRIPT_CONTENT_SECURITY_POLICY,
      'Cache-Control': READER_PAGE_CACHE_CONTROL,
    });
    expect(NO_SCRIPT_CONTENT_SECURITY_POLICY).toContain("script-src 'none'");
    expect(NO_SCRIPT_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe('the compress flag of next.config.js', () => {
  it('reads MIDAD_COMPRESS exactly as lib/config/env.ts does', async () => {
    const { parseEnv } = await import('@/lib/config/env');
    const config = createRequire(import.meta.url)('../config/compress-flag.cjs') as { compressFlag(value: string | undefined): boolean };
    for (const value of [undefined, '', '1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']) {
      expect(config.compressFlag(value), String(value)).toBe(parseEnv(value === undefined ? {} : { MIDAD_COMPRESS: value }).MIDAD_COMPRESS);
    }
  });
});
