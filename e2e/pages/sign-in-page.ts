import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'midad-demo';
export const DEMO_USERS = {
  writer: { email: 'writer@example.com', name: 'سارة الكاتبة' },
  editor: { email: 'editor@example.com', name: 'علي المحرر' },
  admin: { email: 'admin@example.com', name: 'مريم المديرة' },
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

export function storageStatePath(role: DemoRole): string {
  return `e2e/.auth/${role}.json`;
}

/** The Arabic sign-in page. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/signin');
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('البريد الإلكتروني').fill(email);
    await this.page.getByLabel('كلمة المرور').fill(password);
    await this.page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  }

  async expectError(text: string) {
    // Next.js keeps its own empty route announcer with role=alert: look at the form's.
    await expect(this.page.locator('form [role="alert"]')).toHaveText(text);
  }
}
