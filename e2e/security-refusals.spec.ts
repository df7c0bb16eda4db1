import { expect, test, type Page, type Request } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, SignInPage } from './pages/sign-in-page';
import { createE2eUser, readSessionVersion, type SeededUser } from './support/security-seed';

test('the health route only reads: other methods get 405 and GET still answers', async ({ request }) => {
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    const response = await request.fetch('/api/health', { method, data: '{}' });
    expect(response.status(), method).toBe(405);
  }
  expect((await request.get('/api/health')).status()).toBe(200);
});

test.describe('the sign-in endpoint', () => {
  test('refuses a credentials POST without the CSRF token, even with the right password, and sets no session', async ({ request }) => {
    const response = await request.post('/api/auth/callback/credentials', {
      form: { email: DEMO_USERS.editor.email, password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toContain('csrf=true');
    expect(response.headers()['set-cookie'] ?? '').not.toContain('session-token');
    const session = await (await request.get('/api/auth/session')).json();
    expect(session).toEqual({});
  });

  test('accepts the same POST with the CSRF token (control) and the session cookie is httpOnly and SameSite=Lax', async ({ request }) => {
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await request.post('/api/auth/callback/credentials', {
      form: { email: DEMO_USERS.editor.email, password: DEMO_PASSWORD, csrfToken },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers().location).not.toContain('error');
    const cookie = (await request.storageState()).cookies.find((candidate) => candidate.name === 'next-auth.session-token');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false }); // http test server: not Secure
    const session = (await (await request.get('/api/auth/session')).json()) as { user?: { email?: string } };
    expect(session.user?.email).toBe(DEMO_USERS.editor.email);
  });
});

/** Signs `user` in through the form and opens their account page. */
async function openAccountPage(page: Page, user: SeededUser) {
  await new SignInPage(page).goto('/newsroom/account');
  await new SignInPage(page).signIn(user.email, user.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('حسابي');
}

/** Clicks «تسجيل الخروج من كل الأجهزة» but stops the browser's request, returning it for replays. */
async function captureEndSessionsRequest(page: Page): Promise<Request> {
  let captured: Request | undefined;
  await page.route('**/newsroom/account', async (route) => {
    if (route.request().method() === 'POST') {
      captured = route.request();
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'تسجيل الخروج من كل الأجهزة' }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute('**/newsroom/account');
  expect(captured!.headers()['next-action']).toBeTruthy();
  return captured!;
}

function replayHeaders(request: Request, origin: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers())) {
    if (!['host', 'cookie', 'content-length', 'origin', 'referer'].includes(name)) headers[name] = value;
  }
  headers.origin = origin;
  return headers;
}

test.describe('server actions', () => {
  test('a server action posted from another site is refused and changes nothing; from our own origin it runs', async ({ page, baseURL }) => {
    const user = await createE2eUser('writer', 'csrf');
    await openAccountPage(page, user);
    const action = await captureEndSessionsRequest(page);
    const before = await readSessionVersion(user.id);

    const foreign = await page.request.post(action.url(), {
      headers: replayHeaders(action, 'https://evil.example'),
      data: action.postDataBuffer() ?? '',
      maxRedirects: 0,
    });
    expect(foreign.status()).toBe(500);
    expect(await readSessionVersion(user.id)).toBe(before);

    // The same request from our own origin (the control): it runs and ends the sessions.
    const own = await page.request.post(action.url(), {
      headers: replayHeaders(action, new URL(baseURL!).origin),
      data: action.postDataBuffer() ?? '',
      maxRedirects: 0,
    });
    expect(own.status()).toBeLessThan(400);
    expect(await readSessionVersion(user.id)).toBe(before + 1);
  });

  test('a server action body over 2 MB is refused and changes nothing; 1.5 MB (an article and its fields) gets through', async ({ page, baseURL }) => {
    const user = await createE2eUser('writer', 'oversize');
    await openAccountPage(page, user);
    const action = await captureEndSessionsRequest(page);
    const before = await readSessionVersion(user.id);
    const headers = replayHeaders(action, new URL(baseURL!).origin);
    headers['content-type'] = 'text/plain;charset=UTF-8';
    const post = (bytes: number) =>
      page.request.post(action.url(), { headers, data: JSON.stringify(['x'.repeat(bytes)]), maxRedirects: 0 });

    // Next stops reading at the limit and answers a fetch action with 500 ("Body exceeded 2mb limit").
    const oversized = await post(3 * 1024 * 1024);
    expect(oversized.status()).toBeGreaterThanOrEqual(400);
    expect(await readSessionVersion(user.id)).toBe(before);

    const fitting = await post(1.5 * 1024 * 1024);
    expect(fitting.status()).toBeLessThan(400);
    expect(await readSessionVersion(user.id)).toBe(before + 1);
  });
});
