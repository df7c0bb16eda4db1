import { expect, test } from '@playwright/test';

const SAMPLE_TITLE = 'القيادة الوسطى الأمريكية تكشف عن مساعدة عراقية ضد الهجمات الصاروخية';

test('a reader opens the home page, follows the sample article and reads it right-to-left with its Arabic date', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('link', { name: SAMPLE_TITLE }).click();

  await expect(page).toHaveURL(/\/articles\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
  await expect(page.locator('article time')).toHaveText('5 كانون الثاني 2024');

  const paragraphs = page.locator('.article-body p');
  await expect(paragraphs.first()).toContainText('كشفت القوات الامريكية، اليوم الجمعة (5 كانون الثاني 2024)');
  await expect(paragraphs.last()).toContainText('وأكد السوداني');
  expect(await paragraphs.count()).toBe(13);
  const direction = await paragraphs.first().evaluate((element) => getComputedStyle(element).direction);
  expect(direction).toBe('rtl');
});

test('an unknown article gets the Arabic 404 page with status 404', async ({ page }) => {
  const response = await page.goto('/articles/لا-يوجد-خبر-بهذا-العنوان');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الصفحة غير موجودة');
});

test('the health check reports the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, database: 'reachable', driver: 'postgres' });
});
