import type { Browser, Page } from '@playwright/test';
import { storageStatePath, type DemoRole } from '../pages/sign-in-page';

/**
 * A page in a browser context of its own, signed in as `role` (storage state from e2e/auth.setup.ts), with the
 * newsroom's locale and time zone: for tests where two people act on the same article side by side. Close it with
 * `page.context().close()`.
 */
export async function pageSignedInAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(role), locale: 'ar-IQ', timezoneId: 'Asia/Baghdad' });
  return context.newPage();
}
