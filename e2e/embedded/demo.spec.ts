import { expect, test } from '@playwright/test';

// The run command's path: no DATABASE_URL, the embedded PGlite database created, migrated and seeded on first start.
test('the embedded database serves the sample article and the demo accounts sign in', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(await health.json()).toMatchObject({ ok: true, driver: 'pglite' });

  await page.goto('/');
  await page.getByRole('link', { name: /القيادة الوسطى الأمريكية/ }).click();
  await expect(page.locator('.article-body p').nth(4)).toContainText('بات رايدر');

  await page.goto('/signin');
  await page.getByLabel('البريد الإلكتروني').fill('admin@example.com');
  await page.getByLabel('كلمة المرور').fill('midad-demo');
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('مريم المديرة (مدير)');
});
