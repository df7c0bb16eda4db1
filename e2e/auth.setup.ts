import { expect, test as setup } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS, SignInPage, storageStatePath, type DemoRole } from './pages/sign-in-page';

// Sign in once per role through the real form and keep the session for the specs (storageState).
for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(DEMO_USERS[role].email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/newsroom$/);
    await expect(page.getByTestId('current-user')).toContainText(DEMO_USERS[role].name);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
