import { expect, test } from '@playwright/test';
import { SignInPage } from './pages/sign-in-page';
import { createE2eUser, disableE2eUser } from './support/security-seed';

const DISABLED_MESSAGE = 'هذا الحساب موقوف. يُرجى التواصل مع مسؤول النظام في غرفة الأخبار.';

test('a signed-in user whom an admin disables is sent to sign-in on their next page, and cannot sign in again', async ({ page }) => {
  const user = await createE2eUser('editor', 'disabled');
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
  await expect(page.getByTestId('current-user')).toContainText(user.displayName);

  await disableE2eUser(user.id);
  await page.goto('/newsroom');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fnewsroom/);
  await expect(page.getByTestId('current-user')).toHaveCount(0);

  await signIn.signIn(user.email, user.password);
  await signIn.expectError(DISABLED_MESSAGE);
});

test('«sign out on every device» ends the session in another browser too', async ({ browser }) => {
  const user = await createE2eUser('writer', 'devices');
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  try {
    const laptopPage = await laptop.newPage();
    const phonePage = await phone.newPage();
    for (const page of [laptopPage, phonePage]) {
      const signIn = new SignInPage(page);
      await signIn.goto('/newsroom/account');
      await signIn.signIn(user.email, user.password);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('حسابي');
    }
    await laptopPage.getByRole('button', { name: 'تسجيل الخروج من كل الأجهزة' }).click();
    await expect(laptopPage).toHaveURL(/\/signin/);
    await phonePage.goto('/newsroom');
    await expect(phonePage).toHaveURL(/\/signin\?callbackUrl=/);
  } finally {
    await laptop.close();
    await phone.close();
  }
});
