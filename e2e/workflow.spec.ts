import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS } from './pages/sign-in-page';
import { pageSignedInAs } from './support/role-page';
import { WorkflowSeed } from './support/seed-workflow';

const COMMENT_REQUIRED = 'يُرجى كتابة ملاحظة توضّح التعديلات المطلوبة قبل إعادة المقال إلى كاتبه.';
const FORBIDDEN = 'عذرًا، لا تملك صلاحية القيام بهذا الإجراء.';

let seed: WorkflowSeed;
test.beforeAll(async () => {
  seed = await WorkflowSeed.open();
});
test.afterAll(async () => {
  await seed.close();
});

const unique = () => Math.random().toString(36).slice(2, 7);

async function openHistory(page: Page, articleId: string) {
  await page.goto(`/newsroom/articles/${articleId}/history`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('سجل المقال');
}

const workflow = (page: Page) => page.getByRole('region', { name: 'سير العمل' });
const statusBadge = (page: Page) => page.getByTestId('workflow-status');

test('a story goes from the writer through review and changes to the editor, who publishes it for readers', async ({ browser }) => {
  const title = `خبر الدورة الكاملة ${unique()}`;
  const article = await seed.article({
    authorEmail: DEMO_USERS.writer.email,
    status: 'draft',
    title,
    paragraphs: ['أعلنت وزارة التخطيط في بغداد اليوم نتائج المسح السكاني.'],
  });

  const writer = await pageSignedInAs(browser, 'writer');
  await writer.goto('/newsroom');
  await expect(writer.getByTestId('my-drafts').getByRole('link', { name: title })).toBeVisible();
  await openHistory(writer, article.id);
  await expect(workflow(writer).getByRole('button', { name: 'نشر الآن' })).toHaveCount(0);
  await workflow(writer).getByRole('button', { name: 'إرسال للمراجعة' }).click();
  await expect(statusBadge(writer)).toHaveText('قيد المراجعة');

  const editor = await pageSignedInAs(browser, 'editor');
  await editor.goto('/newsroom/review');
  await expect(editor.getByTestId('nav-review')).toContainText(/المراجعة \(\d+\)/);
  await editor.getByRole('link', { name: title }).click();
  await expect(statusBadge(editor)).toHaveText('قيد المراجعة');
  // Requesting changes without saying which is refused, in Arabic, and nothing moves.
  await workflow(editor).getByRole('button', { name: 'طلب تعديلات' }).click();
  await expect(workflow(editor).getByRole('alert')).toHaveText(COMMENT_REQUIRED);
  expect((await seed.get(article.id)).status).toBe('in_review');
  await workflow(editor).getByLabel(/ملاحظة ترافق الإجراء/).fill('أضف رقم المسح ومصدره الرسمي.');
  await workflow(editor).getByRole('button', { name: 'طلب تعديلات' }).click();
  await expect(statusBadge(editor)).toHaveText('مطلوب تعديلات');

  await writer.goto('/newsroom');
  await expect(writer.getByTestId('nav-notifications')).toContainText(/الإشعارات \([1-9]\d*\)/);
  await writer.getByTestId('changes-requested').getByRole('link', { name: title }).click();
  await expect(writer.getByTestId('timeline-event').first()).toContainText('أضف رقم المسح ومصدره الرسمي.');
  await workflow(writer).getByRole('button', { name: 'إرسال للمراجعة' }).click();
  await expect(statusBadge(writer)).toHaveText('قيد المراجعة');

  await openHistory(editor, article.id);
  await workflow(editor).getByRole('button', { name: 'اعتماد' }).click();
  await expect(statusBadge(editor)).toHaveText('معتمد');
  await workflow(editor).getByRole('button', { name: 'نشر الآن' }).click();
  await expect(statusBadge(editor)).toHaveText('منشور');
  expect(await seed.auditCount(article.id, 'article.publish')).toBe(1);

  const reader = await browser.newPage();
  await reader.goto(`/articles/${article.slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await reader.goto('/');
  await expect(reader.getByRole('link', { name: title })).toBeVisible();
});

test('a writer has no publish control, and the database stays as it was', async ({ browser }) => {
  const article = await seed.article({
    authorEmail: DEMO_USERS.writer.email,
    status: 'approved',
    title: `خبر معتمد للكاتب ${unique()}`,
    paragraphs: ['نص معتمد.'],
  });
  const before = await seed.get(article.id);
  const writer = await pageSignedInAs(browser, 'writer');
  await openHistory(writer, article.id);
  await expect(statusBadge(writer)).toHaveText('معتمد');
  await expect(writer.getByRole('button', { name: 'نشر الآن' })).toHaveCount(0);
  await expect(writer.getByRole('button', { name: 'جدولة النشر' })).toHaveCount(0);
  await expect(workflow(writer)).toContainText('لا إجراءات متاحة لك');
  expect(await seed.get(article.id)).toEqual(before);
});

test('an edit of a published story reaches readers only when the update is published, with its correction note', async ({ browser }) => {
  const title = `خبر منشور ${unique()}`;
  const article = await seed.article({
    authorEmail: DEMO_USERS.writer.email,
    status: 'published',
    title,
    paragraphs: ['قال الوزير إن المشروع سيكتمل هذا العام.'],
  });
  const reader = await browser.newPage();
  await reader.goto(`/articles/${article.slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);

  await seed.editWorkingCopy(article.id, { title: `${title} (محدّث)`, paragraphs: ['قال الوزير إن المشروع سيكتمل العام المقبل.'] });
  await reader.reload();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(reader.locator('.article-body')).toContainText('هذا العام');

  const editor = await pageSignedInAs(browser, 'editor');
  await openHistory(editor, article.id);
  await workflow(editor).getByRole('radio', { name: 'تصحيح' }).check();
  await workflow(editor).getByLabel('نص الملاحظة العلنية').fill('صُحّح موعد اكتمال المشروع.');
  await workflow(editor).getByRole('button', { name: 'نشر التحديث' }).click();
  await expect(workflow(editor).getByRole('status')).toContainText('نشر التحديث');

  await reader.reload();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`${title} (محدّث)`);
  await expect(reader.locator('.article-body')).toContainText('العام المقبل');
  await expect(reader.getByRole('complementary', { name: 'التحديثات والتصحيحات' })).toContainText('تصحيح');
  await expect(reader.getByRole('complementary', { name: 'التحديثات والتصحيحات' })).toContainText('صُحّح موعد اكتمال المشروع.');
});

test('an editor compares two revisions word by word and restores the older one as a new version', async ({ browser }) => {
  const article = await seed.article({
    authorEmail: DEMO_USERS.writer.email,
    status: 'draft',
    title: `عنوان ثانٍ ${unique()}`,
    history: [{ title: 'عنوان أول', paragraphs: ['زار الوزير مدينة البصرة أمس.'] }],
    paragraphs: ['زار الوزير مدينة الموصل أمس.'],
  });
  const editor = await pageSignedInAs(browser, 'editor');
  await openHistory(editor, article.id);
  const comparison = editor.getByTestId('comparison');
  const body = comparison.getByLabel('فروق النص');
  await expect(body).toHaveAttribute('dir', 'rtl');
  await expect(body.locator('del')).toHaveText(['البصرة ']);
  await expect(body.locator('ins')).toHaveText(['الموصل ']);
  await expect(comparison.getByLabel('فروق العنوان').locator('del')).toContainText('أول');
  await editor.screenshot({ path: 'test-results/workflow-history.png', fullPage: true });

  await editor.getByRole('button', { name: 'استعادة النسخة 1' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'استُعيدت النسخة 1' })).toBeVisible();
  const after = await seed.get(article.id);
  expect(after.version).toBe(3);
  expect(after.title).toBe('عنوان أول');
  expect(after.bodyText).toContain('البصرة');
  const revisions = await seed.revisions(article.id);
  expect(revisions.map((revision) => revision.version)).toEqual([1, 2, 3]);
  expect(revisions[2]?.restoredFromId).toBe(revisions[0]?.id);
  expect(revisions[1]?.title).toContain('عنوان ثانٍ');
});

test('a story scheduled a few seconds ahead appears for readers on time', async ({ browser }) => {
  const title = `خبر مجدول ${unique()}`;
  const article = await seed.article({ authorEmail: DEMO_USERS.writer.email, status: 'approved', title, paragraphs: ['نص مجدول.'] });
  const editor = await pageSignedInAs(browser, 'editor');
  await openHistory(editor, article.id);
  const due = Date.now() + 8_000;
  // The newsroom's time zone: Baghdad, UTC+3 all year.
  const local = new Date(due + 3 * 3_600_000).toISOString().slice(0, 19);
  await workflow(editor).getByLabel(/موعد النشر/).fill(local);
  await workflow(editor).getByRole('button', { name: 'جدولة النشر' }).click();
  await expect(statusBadge(editor)).toHaveText('مجدول للنشر');
  expect((await seed.get(article.id)).publishAt?.getTime()).toBe(Math.floor(due / 1000) * 1000);

  const reader = await browser.newPage();
  const response = await reader.goto(`/articles/${article.slug}`);
  expect(response?.status()).toBe(404);
  await expect
    .poll(async () => (await reader.request.get(`/articles/${article.slug}`)).status(), { timeout: 30_000, intervals: [500] })
    .toBe(200);
  const publishedAt = (await seed.get(article.id)).publishedAt!;
  expect(publishedAt.getTime()).toBeGreaterThanOrEqual(Math.floor(due / 1000) * 1000);
  expect(publishedAt.getTime() - due).toBeLessThan(5_000);
  expect(await seed.auditCount(article.id, 'article.publish_due')).toBe(1);
});

test.describe('who may open what', () => {
  test('anonymous visitors are sent to sign-in from every workflow route', async ({ page }) => {
    const article = await seed.article({ authorEmail: DEMO_USERS.writer.email, status: 'draft', title: 'سري', paragraphs: ['نص.'] });
    for (const path of ['/newsroom/review', '/newsroom/notifications', '/newsroom/users', `/newsroom/articles/${article.id}/history`]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/signin\?callbackUrl=/);
    }
  });

  test('a writer is refused the review queue and the user list, and sees neither in the navigation', async ({ browser }) => {
    const writer = await pageSignedInAs(browser, 'writer');
    await writer.goto('/newsroom');
    await expect(writer.getByTestId('nav-review')).toHaveCount(0);
    await expect(writer.getByRole('link', { name: 'المستخدمون' })).toHaveCount(0);
    for (const path of ['/newsroom/review', '/newsroom/users']) {
      const response = await writer.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(writer.getByTestId('forbidden')).toContainText(FORBIDDEN);
      await expect(writer.getByRole('table')).toHaveCount(0);
    }
  });

  test("a writer cannot open another person's article history", async ({ browser }) => {
    const article = await seed.article({ authorEmail: DEMO_USERS.editor.email, status: 'draft', title: 'مسودة المحرر', paragraphs: ['نص.'] });
    const writer = await pageSignedInAs(browser, 'writer');
    const response = await writer.goto(`/newsroom/articles/${article.id}/history`);
    expect(response?.status()).toBe(404);
  });

  test('an admin creates a user, with the minimum password length enforced in Arabic', async ({ browser }) => {
    const admin = await pageSignedInAs(browser, 'admin');
    await admin.goto('/newsroom/users');
    const form = admin.getByRole('form', { name: 'مستخدم جديد' });
    const email = `new-${unique()}@example.com`;
    await form.getByLabel('الاسم').fill('هدى المراسلة');
    await form.getByLabel('البريد الإلكتروني').fill(email);
    await form.getByLabel(/كلمة المرور/).fill('short');
    await form.getByRole('button', { name: 'إنشاء الحساب' }).click();
    await expect(form.getByRole('alert')).toContainText('10 أحرف على الأقل');
    await form.getByLabel(/كلمة المرور/).fill('a-long-enough-password');
    await form.getByRole('button', { name: 'إنشاء الحساب' }).click();
    await expect(admin.getByTestId('user-row').filter({ hasText: email })).toContainText('كاتب');
  });
});
