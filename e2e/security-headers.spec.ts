import { expect, test, type Page } from '@playwright/test';
import { storageStatePath } from './pages/sign-in-page';

/** A Playwright API response or page navigation response. */
type WithHeaders = { headers(): Record<string, string>; url(): string };

const SAMPLE_TITLE = 'القيادة الوسطى الأمريكية تكشف عن مساعدة عراقية ضد الهجمات الصاروخية';
const SAMPLE_SLUG = 'القيادة-الوسطى-الأمريكية-تكشف-عن-مساعدة-عراقية-ضد-الهجمات-الصاروخية';

function expectSecurityHeaders(response: WithHeaders | null | undefined, what: string) {
  expect(response, what).toBeTruthy();
  const headers = response!.headers();
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], what).toContain('camera=()');
  expect(headers['permissions-policy'], what).toContain('microphone=()');
  expect(headers['permissions-policy'], what).toContain('geolocation=()');
  expect(headers['x-frame-options'], what).toBe('DENY');
}

function expectNonceCsp(response: WithHeaders | null | undefined, what: string): string {
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).not.toContain("'unsafe-inline' 'nonce"); // never inline scripts
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'(;|$)/.exec(csp)?.[1];
  expect(nonce, `${what}: script-src with a nonce and without unsafe-eval/unsafe-inline`).toBeTruthy();
  return nonce!;
}

/** Collects CSP violations (as the page reports them) and console errors while `visit` runs. */
async function collectViolations(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await visit();
  // Let late scripts (hydration, prefetches) run.
  await page.waitForLoadState('networkidle');
  return problems;
}

test.describe('security headers, signed out', () => {
  test('every kind of response carries them: pages, the sign-in page, the API, redirects and static files', async ({ request, page }) => {
    const home = await request.get('/');
    expectSecurityHeaders(home, 'home');
    expectNonceCsp(home, 'home');
    const signIn = await request.get('/signin');
    expectSecurityHeaders(signIn, 'sign-in');
    expectNonceCsp(signIn, 'sign-in');
    expectSecurityHeaders(await request.get('/api/health'), 'health API');
    const csrf = await request.get('/api/auth/csrf');
    expectSecurityHeaders(csrf, 'next-auth API');
    const redirect = await request.get('/newsroom', { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectSecurityHeaders(redirect, 'newsroom redirect');
    expectNonceCsp(redirect, 'newsroom redirect');
    const missing = await request.get('/articles/no-such-article');
    expect(missing.status()).toBe(404);
    expectSecurityHeaders(missing, '404');

    await page.goto('/');
    const scriptSrc = await page.locator('script[src]').first().getAttribute('src');
    expect(scriptSrc).toMatch(/^\/_next\/static\//);
    expectSecurityHeaders(await request.get(scriptSrc!), 'static script');
  });

  test('the nonce is new on every request and is on every script of the page', async ({ request }) => {
    const first = await request.get('/');
    const second = await request.get('/');
    const nonce = expectNonceCsp(first, 'first');
    expect(expectNonceCsp(second, 'second')).not.toBe(nonce);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  test('no HSTS on plain http (the test server); HSTS is sent for an https site (unit-tested in lib/security)', async ({ request }) => {
    expect((await request.get('/')).headers()['strict-transport-security']).toBeUndefined();
  });

  test('the home page, an article, the sign-in page and the 404 page run with no CSP violation or console error', async ({ page }) => {
    const problems = await collectViolations(page, async () => {
      await page.goto('/');
      await page.getByRole('link', { name: SAMPLE_TITLE }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
      await page.goto('/signin');
      await expect(page.getByRole('button', { name: 'تسجيل الدخول' })).toBeEnabled();
      await page.goto('/no-such-page');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('الصفحة غير موجودة');
    });
    // The 404 document itself is a console error in Chromium ("Failed to load resource: 404"): that one is expected.
    expect(problems.filter((problem) => !/status of 404/.test(problem))).toEqual([]);
  });

  test('an article page runs no script at all, and its 404 is whole without one', async ({ page }) => {
    const problems = await collectViolations(page, async () => {
      await page.goto(`/articles/${encodeURIComponent(SAMPLE_SLUG)}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
    });
    expect(problems).toEqual([]);
    // An unknown article is answered by the App Router's not-found document (Next renders it for every 404), under
    // the article pages' no-script policy: its scripts are refused, and it needs none of them to be read and used.
    const refused = await collectViolations(page, async () => {
      const response = await page.goto('/articles/no-such-article');
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('الصفحة غير موجودة');
      await expect(page.getByRole('link', { name: 'العودة إلى الصفحة الرئيسية' })).toHaveAttribute('href', '/');
    });
    const others = refused.filter((problem) => !/status of 404/.test(problem) && !/script-src/.test(problem) && !/Content Security Policy.*script/i.test(problem));
    expect(others).toEqual([]);
  });

  test('signing in works under the CSP (client scripts run, no violation)', async ({ page }) => {
    const problems = await collectViolations(page, async () => {
      await page.goto('/signin');
      await page.getByLabel('البريد الإلكتروني').fill('writer@example.com');
      await page.getByLabel('كلمة المرور').fill('midad-demo');
      await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
      await expect(page).toHaveURL(/\/newsroom$/);
    });
    expect(problems).toEqual([]);
  });
});

test.describe('security headers, signed in as the admin', () => {
  test.use({ storageState: storageStatePath('admin') });

  test('the newsroom, the audit page and the account page cannot be framed and run with no CSP violation', async ({ page }) => {
    const responses: Array<WithHeaders | null> = [];
    const problems = await collectViolations(page, async () => {
      for (const path of ['/newsroom', '/newsroom/audit', '/newsroom/account']) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        responses.push(response);
      }
      await page.getByRole('link', { name: 'سجل التدقيق' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('سجل التدقيق');
    });
    expect(problems).toEqual([]);
    for (const response of responses) {
      expectSecurityHeaders(response, response!.url());
      expectNonceCsp(response, response!.url());
    }
  });
});
