/**
 * The review and publish workflow driven from the editor page (issue 5): the WorkflowPanel beside the text saves what
 * was typed before a step, and a step acts on the saved version. (e2e/workflow.spec.ts drives it from the history page.)
 */
import { expect, test, type Browser } from '@playwright/test';
import { EditorPage } from './pages/editor-page';
import { DEMO_USERS, type DemoRole } from './pages/sign-in-page';
import { pageSignedInAs } from './support/role-page';
import { WorkflowSeed } from './support/seed-workflow';

const COMMENT_REQUIRED = 'يُرجى كتابة ملاحظة توضّح التعديلات المطلوبة قبل إعادة المقال إلى كاتبه.';
const READ_ONLY = 'لا يمكنك تعديل هذا المقال في حالته الحالية';

let seed: WorkflowSeed;
test.beforeAll(async () => {
  seed = await WorkflowSeed.open();
});
test.afterAll(async () => {
  await seed.close();
});

const unique = () => Math.random().toString(36).slice(2, 7);

const as = async (browser: Browser, role: DemoRole) => new EditorPage(await pageSignedInAs(browser, role));

const stepButton = (editor: EditorPage, name: string) => editor.workflow.getByRole('button', { name, exact: true });
const statusBadge = (editor: EditorPage) => editor.workflow.getByTestId('workflow-status');

/** Types at the end of the body and takes a workflow step at once, before autosave (1.5 s) had a chance to run. */
async function typeThenStep(editor: EditorPage, text: string, step: string) {
  await editor.focusEnd();
  await editor.page.keyboard.press('Enter');
  await editor.page.keyboard.type(text);
  await expect(editor.status).toHaveAttribute('data-status', 'unsaved');
  await stepButton(editor, step).click();
}

async function expectReadOnly(editor: EditorPage) {
  await expect(editor.body).toHaveAttribute('contenteditable', 'false');
  await expect(editor.page.getByRole('note')).toContainText(READ_ONLY);
  await expect(editor.title).toHaveAttribute('readonly', '');
  await expect(editor.tagButton).toHaveCount(0);
}

test('a writer creates a story and submits it from the editor before autosave; review, changes, approval and publication follow there', async ({
  browser,
}) => {
  const title = `وزارة الكهرباء تعلن جدول الصيانة ${unique()}`;
  const first = 'أعلنت وزارة الكهرباء اليوم جدول الصيانة الصيفية لمحطات بغداد.';
  const addition = 'وقال المتحدث باسم الوزارة إن الصيانة تستمر أسبوعين.';

  // The writer creates the story and types its title and first paragraph, then submits at once.
  const writer = await as(browser, 'writer');
  await writer.page.goto('/newsroom/articles/new');
  await writer.page.getByRole('button', { name: 'إنشاء المسودة' }).click();
  await expect(writer.page).toHaveURL(/\/newsroom\/articles\/[0-9a-f-]{36}$/);
  const id = writer.page.url().split('/').at(-1)!;
  await expect(writer.body).toHaveAttribute('contenteditable', 'true');
  await expect(statusBadge(writer)).toHaveText('مسودة');
  await expect(stepButton(writer, 'نشر الآن')).toHaveCount(0);

  // (Leaving a field saves it: the title goes first, the body is still unsaved when the step is taken.)
  await writer.title.fill(title);
  await writer.title.blur();
  await writer.expectSaved();
  await writer.body.click();
  await writer.page.keyboard.type(first);
  await expect(writer.status).toHaveAttribute('data-status', 'unsaved');
  await stepButton(writer, 'إرسال للمراجعة').click();
  await expect(statusBadge(writer)).toHaveText('قيد المراجعة');

  // What was on screen went to review: saved first, then submitted.
  const submitted = await seed.get(id);
  expect(submitted.status).toBe('in_review');
  expect(submitted.title).toBe(title);
  expect(submitted.bodyText).toBe(first);
  expect(await seed.auditCount(id, 'article.submit')).toBe(1);
  // The writer now reads it only.
  await expectReadOnly(writer);
  await expect(writer.body).toContainText(first);
  await expect(stepButton(writer, 'سحب من المراجعة')).toBeVisible();
  await expect(stepButton(writer, 'إرسال للمراجعة')).toHaveCount(0);

  // The editor asks for changes: without a comment it is refused in Arabic and nothing moves.
  const editor = await as(browser, 'editor');
  await editor.goto(id);
  await expect(statusBadge(editor)).toHaveText('قيد المراجعة');
  await stepButton(editor, 'طلب تعديلات').click();
  await expect(editor.workflow.getByRole('alert')).toHaveText(COMMENT_REQUIRED);
  expect((await seed.get(id)).status).toBe('in_review');
  await editor.workflow.getByLabel(/ملاحظة ترافق الإجراء/).fill('أضف مدة الصيانة كما ذكرها المتحدث.');
  await stepButton(editor, 'طلب تعديلات').click();
  await expect(statusBadge(editor)).toHaveText('مطلوب تعديلات');
  expect((await seed.get(id)).status).toBe('changes_requested');

  // The writer revises in the editor and resubmits at once, with the editor's request beside the text.
  await writer.page.reload();
  await expect(statusBadge(writer)).toHaveText('مطلوب تعديلات');
  const request = writer.page.getByRole('complementary', { name: 'طُلبت تعديلات على هذا المقال' });
  await expect(request).toContainText('أضف مدة الصيانة كما ذكرها المتحدث.');
  await expect(writer.body).toHaveAttribute('contenteditable', 'true');
  await typeThenStep(writer, addition, 'إرسال للمراجعة');
  await expect(statusBadge(writer)).toHaveText('قيد المراجعة');
  await writer.page.reload();
  await expect(request).toHaveCount(0); // answered: gone once the story is back in review
  const resubmitted = await seed.get(id);
  expect(resubmitted.status).toBe('in_review');
  expect(resubmitted.bodyText).toBe(`${first}\n${addition}`);
  await expectReadOnly(writer);

  // The editor approves and publishes from the editor page.
  await editor.page.reload();
  await expect(editor.body).toContainText(addition);
  await stepButton(editor, 'اعتماد').click();
  await expect(statusBadge(editor)).toHaveText('معتمد');
  await stepButton(editor, 'نشر الآن').click();
  await expect(statusBadge(editor)).toHaveText('منشور');
  expect(await seed.auditCount(id, 'article.publish')).toBe(1);

  const published = await seed.get(id);
  const reader = await browser.newPage();
  await reader.goto(`/articles/${encodeURIComponent(published.slug)}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(reader.locator('.article-body p')).toHaveText([first, addition]);
  await reader.close();
  await writer.page.context().close();
  await editor.page.context().close();
});

test('a writer has no publish control on the editor page, on a draft or an approved story, and nothing changes', async ({ browser }) => {
  const approved = await seed.article({
    authorEmail: DEMO_USERS.writer.email,
    status: 'approved',
    title: `خبر معتمد ${unique()}`,
    paragraphs: ['نص معتمد ينتظر النشر.'],
  });
  const draft = await seed.article({ authorEmail: DEMO_USERS.writer.email, status: 'draft', title: `مسودة ${unique()}`, paragraphs: ['نص.'] });
  const before = await seed.get(approved.id);

  const writer = await as(browser, 'writer');
  await writer.page.goto(`/newsroom/articles/${approved.id}`);
  await expect(statusBadge(writer)).toHaveText('معتمد');
  await expectReadOnly(writer);
  await expect(writer.workflow).toContainText('لا إجراءات متاحة لك');
  for (const name of ['نشر الآن', 'جدولة النشر', 'اعتماد']) await expect(writer.page.getByRole('button', { name })).toHaveCount(0);
  expect(await seed.get(approved.id)).toEqual(before);

  await writer.goto(draft.id);
  await expect(writer.workflow.getByRole('button')).toHaveText(['إرسال للمراجعة']);
  await writer.page.context().close();
});

test('an edit of a published story in the editor reaches readers only when the update is published, with its correction', async ({
  browser,
}) => {
  const title = `الوزير يحدد موعد المشروع ${unique()}`;
  const article = await seed.article({
    authorEmail: DEMO_USERS.writer.email,
    status: 'published',
    title,
    paragraphs: ['قال الوزير إن المشروع سيكتمل هذا العام.'],
  });
  const reader = await browser.newPage();
  const publicPage = `/articles/${encodeURIComponent(article.slug)}`;
  await reader.goto(publicPage);
  await expect(reader.locator('.article-body')).toContainText('هذا العام');

  // The editor changes the working copy; it is saved, but readers still get the published text.
  const editor = await as(browser, 'editor');
  await editor.goto(article.id);
  await expect(statusBadge(editor)).toHaveText('منشور');
  await editor.title.fill(`${title} (محدّث)`);
  await editor.body.click();
  await editor.page.keyboard.press('Control+A');
  await editor.page.keyboard.type('قال الوزير إن المشروع سيكتمل العام المقبل.');
  await editor.expectSaved();
  expect((await seed.get(article.id)).bodyText).toBe('قال الوزير إن المشروع سيكتمل العام المقبل.');
  await reader.reload();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(reader.locator('.article-body')).toContainText('هذا العام');
  await expect(reader.locator('.article-body')).not.toContainText('العام المقبل');

  // One more sentence typed, and the update published at once with a correction note: both reach readers.
  await editor.workflow.getByRole('radio', { name: 'تصحيح' }).check();
  await editor.workflow.getByLabel('نص الملاحظة العلنية').fill('صُحّح موعد اكتمال المشروع.');
  await typeThenStep(editor, 'وأضاف أن التمويل مؤمّن.', 'نشر التحديث');
  await expect(editor.workflow.getByRole('status')).toContainText('نشر التحديث');
  expect(await seed.auditCount(article.id, 'article.publish_update')).toBe(1);

  await reader.reload();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`${title} (محدّث)`);
  await expect(reader.locator('.article-body p')).toHaveText(['قال الوزير إن المشروع سيكتمل العام المقبل.', 'وأضاف أن التمويل مؤمّن.']);
  const notes = reader.getByRole('complementary', { name: 'التحديثات والتصحيحات' });
  await expect(notes).toContainText('تصحيح');
  await expect(notes).toContainText('صُحّح موعد اكتمال المشروع.');
  await reader.close();
  await editor.page.context().close();
});


test('a comment posted beside unsaved text refreshes the page without resetting the editor; the text is saved', async ({ browser }) => {
  const article = await seed.article({ authorEmail: DEMO_USERS.writer.email, status: 'draft', title: `مسودة مع تعليق ${unique()}`, paragraphs: ['الفقرة الأولى.'] });
  const writer = await as(browser, 'writer');
  await writer.goto(article.id);
  // A first edit is saved (a new version), a second one is still pending when the comment is posted.
  await writer.focusEnd();
  await writer.page.keyboard.type(' تكملة محفوظة.');
  await writer.expectSaved();
  await writer.page.keyboard.press('Enter');
  await writer.page.keyboard.type('فقرة لم تُحفظ بعد.');
  const comments = writer.page.getByRole('region', { name: /تعليقات المراجعة/ });
  await comments.getByLabel('تعليق جديد').fill('هل نضيف صورة؟');
  await comments.getByRole('button', { name: 'إضافة التعليق' }).click();
  await expect(comments.getByTestId('comment-thread')).toContainText('هل نضيف صورة؟');

  await writer.expectSaved();
  await expect(writer.page.getByTestId('restore-offer')).toHaveCount(0);
  await expect(writer.body.locator('p')).toHaveText(['الفقرة الأولى. تكملة محفوظة.', 'فقرة لم تُحفظ بعد.']);
  expect((await seed.get(article.id)).bodyText).toBe('الفقرة الأولى. تكملة محفوظة.\nفقرة لم تُحفظ بعد.');
  // Typing on carries on from the saved version, without a conflict.
  await writer.focusEnd();
  await writer.page.keyboard.type(' وأخيرًا.');
  await expect(writer.status).not.toHaveAttribute('data-status', 'saved');
  await writer.expectSaved();
  expect((await seed.get(article.id)).bodyText).toBe('الفقرة الأولى. تكملة محفوظة.\nفقرة لم تُحفظ بعد. وأخيرًا.');
  await writer.page.context().close();
});
