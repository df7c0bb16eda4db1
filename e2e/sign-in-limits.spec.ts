import { expect, test, type Page } from '@playwright/test';
import { SignInPage, storageStatePath } from './pages/sign-in-page';
import { countAuditEvents, createE2eUser } from './support/security-seed';

const WRONG_CREDENTIALS = 'البريد الإلكتروني أو كلمة المرور غير صحيحة.';
const LOCKED = 'محاولات دخول كثيرة غير ناجحة. يُرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.';

/** Five wrong passwords, waiting out the short delays after the 3rd (2 s) and 4th (4 s): the account is then locked. */
async function failFiveTimes(page: Page, email: string) {
  const signIn = new SignInPage(page);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn.signIn(email, `wrong-password-${attempt}`);
    await signIn.expectError(WRONG_CREDENTIALS);
    if (attempt === 3) await page.waitForTimeout(2_200);
    if (attempt === 4) await page.waitForTimeout(4_200);
  }
}

test('after five failures an account is locked, even for the right password, with the same answer as for an unknown email', async ({ page }) => {
  test.setTimeout(90_000);
  const user = await createE2eUser('writer', 'locked');
  const signIn = new SignInPage(page);
  await signIn.goto();

  await failFiveTimes(page, user.email);
  await signIn.signIn(user.email, user.password);
  await signIn.expectError(LOCKED);
  await expect(page).toHaveURL(/\/signin/);

  const ghost = `ghost-${Date.now()}@e2e.example`;
  await failFiveTimes(page, ghost);
  await signIn.signIn(ghost, user.password);
  await signIn.expectError(LOCKED);

  expect(await countAuditEvents('auth.sign_in_failed', user.email)).toBe(6);
  expect(await countAuditEvents('auth.sign_in_failed', ghost)).toBe(6);
});

test.describe('the audit page', () => {
  test.describe('as the admin', () => {
    test.use({ storageState: storageStatePath('admin') });

    test('lists sign-ins and failed sign-ins newest first, and filters by kind', async ({ page, browser }) => {
      const user = await createE2eUser('writer', 'audited');
      // A signed-out browser of its own (browser.newContext would inherit the admin's storage state).
      const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      try {
        const otherPage = await other.newPage();
        const signIn = new SignInPage(otherPage);
        await signIn.goto();
        await signIn.signIn(user.email, 'not-my-password');
        await signIn.expectError(WRONG_CREDENTIALS);
        await signIn.signIn(user.email, user.password);
        await expect(otherPage.getByTestId('current-user')).toContainText(user.displayName);
      } finally {
        await other.close();
      }

      await page.goto('/newsroom');
      await page.getByRole('link', { name: 'سجل التدقيق' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('سجل التدقيق');
      const rows = page.getByTestId('audit-table').locator('tbody tr');
      await expect(rows.nth(0)).toContainText('تسجيل دخول');
      await expect(rows.nth(0)).toContainText(user.displayName);
      const failure = rows.filter({ hasText: user.email }).filter({ hasText: 'محاولة دخول فاشلة' });
      await expect(failure).toHaveCount(1);
      await expect(failure).toContainText('بريد أو كلمة مرور خاطئة');
      await expect(failure).toContainText('127.0.0.1');

      await page.getByLabel('نوع الحدث').selectOption({ label: 'محاولة دخول فاشلة' });
      await page.getByRole('button', { name: 'عرض' }).click();
      await expect(page).toHaveURL(/action=auth\.sign_in_failed/);
      await expect(rows.first()).toBeVisible();
      for (const text of await rows.allInnerTexts()) expect(text).toContain('محاولة دخول فاشلة');
      await page.screenshot({ path: 'test-results/audit-page.png', fullPage: true });
    });
  });

  test.describe('as an editor', () => {
    test.use({ storageState: storageStatePath('editor') });

    test('is refused: no link, no events, an Arabic explanation', async ({ page }) => {
      await page.goto('/newsroom');
      await expect(page.getByRole('link', { name: 'سجل التدقيق' })).toHaveCount(0);
      expect((await page.goto('/newsroom/audit'))?.status()).toBe(403);
      await expect(page.locator('main [role="alert"]')).toHaveText('سجل التدقيق متاح لمديري النظام فقط.');
      await expect(page.getByTestId('audit-table')).toHaveCount(0);
    });
  });
});
