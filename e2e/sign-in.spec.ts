import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, SignInPage, storageStatePath } from './pages/sign-in-page';

const WRONG_CREDENTIALS = 'البريد الإلكتروني أو كلمة المرور غير صحيحة.';

test.describe('signed out', () => {
  test('a visit to a newsroom page goes to sign-in and comes back after signing in', async ({ page }) => {
    await page.goto('/newsroom?tab=mine');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('تسجيل الدخول إلى غرفة الأخبار');
    await new SignInPage(page).signIn(DEMO_USERS.editor.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/newsroom\?tab=mine$/);
    await expect(page.getByTestId('current-user')).toContainText('علي المحرر (محرر)');
  });

  test('a wrong password and an unknown email get the same Arabic error', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(DEMO_USERS.editor.email, 'not-the-password');
    await signIn.expectError(WRONG_CREDENTIALS);
    await signIn.signIn('nobody@example.com', DEMO_PASSWORD);
    await signIn.expectError(WRONG_CREDENTIALS);
    await expect(page).toHaveURL(/\/signin/);
  });

  test('a sign-in callback to another site is ignored', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto('//evil.example/steal');
    await signIn.signIn(DEMO_USERS.writer.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/newsroom$/);
  });
});

test.describe('signed in as the demo editor', () => {
  test.use({ storageState: storageStatePath('editor') });

  test('sees the newsroom with their name, role and the editors’ queues', async ({ page }) => {
    await page.goto('/newsroom');
    await expect(page.getByTestId('current-user')).toHaveText('علي المحرر (محرر)');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('مرحبًا، علي المحرر');
    await expect(page.getByRole('heading', { name: /بانتظار المراجعة/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /نُشرت مؤخرًا/ })).toBeVisible();
  });
});

test.describe('signed in as the demo writer', () => {
  test.use({ storageState: storageStatePath('writer') });

  test('signs out and is signed out', async ({ page }) => {
    await page.goto('/newsroom');
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto('/newsroom');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  });
});
