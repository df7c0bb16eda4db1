import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readSeedArticle } from '../db/seed';
import { EditorPage } from './pages/editor-page';
import { DEMO_USERS, storageStatePath } from './pages/sign-in-page';
import { openE2eSeed, type E2eSeed } from './support/seed';

let seed: E2eSeed;
test.beforeAll(async () => {
  seed = await openE2eSeed();
});
test.afterAll(async () => {
  await seed.close();
});

const WRITER = DEMO_USERS.writer.email;

async function paragraphTexts(page: Page): Promise<string[]> {
  return page.locator('.editor-body > p').allInnerTexts();
}

test.describe('as a writer', () => {
  test.use({ storageState: storageStatePath('writer') });

  test('creates an article, types Arabic with Latin words and digits, autosaves, and finds it intact after a reload', async ({ page }) => {
    await page.goto('/newsroom');
    await page.getByRole('link', { name: 'مقال جديد' }).click();
    await page.getByLabel('العنوان (اختياري)').fill('وفد أمريكي يزور بغداد');
    await page.getByRole('button', { name: 'إنشاء المسودة' }).click();
    await expect(page).toHaveURL(/\/newsroom\/articles\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').at(-1)!;

    const editor = new EditorPage(page);
    await expect(editor.body).toBeVisible();
    await expect(editor.title).toHaveValue('وفد أمريكي يزور بغداد');
    await expect(editor.slug).toHaveValue('وفد-أمريكي-يزور-بغداد');

    // The slug follows the title until edited by hand; the counter is live.
    await editor.title.fill('وفد من وزارة Defense الأمريكية يزور بغداد في 2024');
    await expect(editor.slug).toHaveValue('وفد-من-وزارة-defense-الأمريكية-يزور-بغداد-في-2024');
    await expect(page.getByText('من 90 حرفًا موصى بها')).toBeVisible();

    const sentence = 'زار وفد من وزارة Defense الأمريكية بغداد يوم 5 كانون الثاني 2024 والتقى 12 مسؤولًا.';
    await editor.body.click();
    await page.keyboard.type(sentence);
    await page.keyboard.press('Enter');
    await page.keyboard.type('وقال المتحدث John Kirby إن الزيارة استمرت 3 ساعات.');

    // Right-to-left by the root, no dir="auto" on Arabic paragraphs.
    await expect(editor.body).toHaveAttribute('dir', 'rtl');
    const first = editor.body.locator('p').first();
    await expect(first).not.toHaveAttribute('dir', /.*/);
    expect(await first.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await editor.body.locator('[dir="auto"]').count()).toBe(0);

    await editor.expectSaved();
    await expect(editor.status).toHaveText('محفوظ');
    await expect(page.getByTestId('word-count')).toContainText('كلمة');
    await expect(page.getByTestId('word-count')).toContainText('دقائق القراءة: 1');

    const stored = await seed.readArticle(id);
    expect(stored.bodyText).toBe(`${sentence}\nوقال المتحدث John Kirby إن الزيارة استمرت 3 ساعات.`);
    expect(stored.title).toBe('وفد من وزارة Defense الأمريكية يزور بغداد في 2024');
    expect(stored.version).toBeGreaterThan(1);
    expect(stored.status).toBe('draft');

    await page.reload();
    await expect(editor.body).toBeVisible();
    expect(await paragraphTexts(page)).toEqual([sentence, 'وقال المتحدث John Kirby إن الزيارة استمرت 3 ساعات.']);
    await expect(editor.title).toHaveValue('وفد من وزارة Defense الأمريكية يزور بغداد في 2024');
    await expect(page.getByTestId('restore-offer')).toHaveCount(0);
  });

  test('formats with the toolbar and with shortcuts, including on an Arabic keyboard layout', async ({ page }) => {
    const { id } = await seed.insertArticle({ authorEmail: WRITER, title: 'تنسيق' });
    const editor = new EditorPage(page);
    await editor.goto(id);

    await editor.body.click();
    await page.keyboard.type('كلمة');
    await page.keyboard.press('Shift+Home');
    await editor.button('غامق').click();
    await expect(editor.body.locator('strong')).toHaveText('كلمة');
    await expect(editor.button('غامق')).toHaveAttribute('aria-pressed', 'true');
    await expect(editor.button('غامق')).toHaveAttribute('title', 'غامق (Ctrl+B)');

    await page.keyboard.press('Control+i');
    await expect(editor.body.locator('em')).toHaveText('كلمة');

    // Arabic layout: the key at B, I, U produces «لا», «ه», «ع».
    await editor.pressArabicShortcut('KeyU', 'ع');
    await expect(editor.body.locator('u')).toHaveText('كلمة');
    await editor.pressArabicShortcut('KeyB', 'لا');
    await expect(editor.body.locator('strong')).toHaveCount(0);
    await editor.pressArabicShortcut('KeyZ', 'ئ');
    await expect(editor.body.locator('strong')).toHaveText('كلمة');
    await editor.pressArabicShortcut('KeyZ', 'ئ', { shift: true });
    await expect(editor.body.locator('strong')).toHaveCount(0);

    // Blocks.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('عنوان فرعي');
    await editor.button('عنوان فرعي').click();
    await expect(editor.body.locator('h2')).toHaveText('عنوان فرعي');
    await page.keyboard.press('Enter');
    await editor.button('قائمة نقطية').click();
    await page.keyboard.type('بند أول');
    await expect(editor.body.locator('ul > li')).toHaveText('بند أول');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await editor.button('اقتباس').click();
    await page.keyboard.type('قول مأثور');
    await expect(editor.body.locator('blockquote')).toHaveText('قول مأثور');

    // Link dialog from Ctrl+K on the Arabic layout («ن»): refused schemes are explained in Arabic.
    await page.keyboard.press('Shift+Home');
    await editor.pressArabicShortcut('KeyK', 'ن');
    const dialog = page.getByRole('dialog', { name: 'إضافة رابط' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('عنوان الرابط').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'تطبيق' }).click();
    await expect(dialog.getByRole('alert')).toContainText('هذا الرابط غير مسموح به');
    await dialog.getByLabel('عنوان الرابط').fill('example.com/news');
    await dialog.getByRole('button', { name: 'تطبيق' }).click();
    await expect(dialog).toBeHidden();
    const link = editor.body.locator('blockquote a');
    await expect(link).toHaveAttribute('href', 'https://example.com/news');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');

    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await editor.button('خط فاصل').click();
    await expect(editor.body.locator('hr')).toHaveCount(1);

    // Ctrl+S on the Arabic layout («س») saves at once, and the browser's own save is prevented.
    await page.evaluate(() => {
      window.addEventListener('keydown', (event) => {
        if (event.code === 'KeyS') document.body.dataset.saveDefaultPrevented = String(event.defaultPrevented);
      });
    });
    await editor.pressArabicShortcut('KeyS', 'س');
    await expect(page.locator('body')).toHaveAttribute('data-save-default-prevented', 'true');
    await editor.expectSaved();
    const stored = await seed.readArticle(id);
    const json = JSON.stringify(stored.body);
    for (const type of ['heading', 'bulletList', 'blockquote', 'horizontalRule', 'italic', 'underline', 'link']) expect(json).toContain(`"${type}"`);
    expect(json).not.toContain('javascript:');
  });

  test('keeps headings, lists, bold, italic and links pasted from Word, and drops the rest; plain text becomes paragraphs', async ({ page }) => {
    const { id } = await seed.insertArticle({ authorEmail: WRITER, title: 'لصق' });
    const editor = new EditorPage(page);
    await editor.goto(id);
    await editor.focusEnd();

    const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{font-family:"Simplified Arabic";color:#333}</style><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--></head><body lang=AR-IQ>
<!--StartFragment--><h1 dir=RTL><span lang=AR-SA style='font-family:"Arial";color:#2F5496'>اجتماع أمني في بغداد</span></h1>
<p class=MsoNormal dir=RTL style='text-align:right;direction:rtl'><b><span lang=AR-SA style='font-size:14pt;font-family:"Simplified Arabic";color:red'>بغداد</span></b><span lang=AR-SA style='font-family:"Simplified Arabic"'> – عقد <i>المجلس الوزاري للأمن</i> اجتماعًا، بحسب <a href="https://example.com/report" style='color:blue'>التقرير</a>.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst dir=RTL style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span></span><![endif]><span lang=AR-SA>البند الأول</span></p>
<p class=MsoListParagraphCxSpLast dir=RTL style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]><span lang=AR-SA>البند الثاني</span></p>
<script>window.pasted = true</script><p class=MsoNormal><a href="javascript:alert(1)">رابط خبيث</a><font face="Comic Sans MS" color="#ff0000">خط ملون</font></p><!--EndFragment--></body></html>`;
    await editor.paste({ html: wordHtml, text: 'اجتماع أمني في بغداد' });

    await expect(editor.body.locator('h2')).toHaveText('اجتماع أمني في بغداد');
    await expect(editor.body.locator('strong')).toHaveText('بغداد');
    await expect(editor.body.locator('em')).toHaveText('المجلس الوزاري للأمن');
    await expect(editor.body.locator('a')).toHaveCount(1);
    await expect(editor.body.locator('a')).toHaveAttribute('href', 'https://example.com/report');
    await expect(editor.body.locator('ul > li')).toHaveText(['البند الأول', 'البند الثاني']);
    await expect(editor.body).toContainText('رابط خبيث');
    await expect(editor.body).toContainText('خط ملون');
    expect(await editor.body.locator('[style], [class*="Mso"], font, span[lang], script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pasted?: boolean }).pasted)).toBeUndefined();

    // Plain text: one paragraph per line.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await editor.paste({ text: 'السطر الأول\nالسطر الثاني\r\nالسطر الثالث' });
    const texts = await paragraphTexts(page);
    expect(texts.slice(-3)).toEqual(['السطر الأول', 'السطر الثاني', 'السطر الثالث']);

    await editor.expectSaved();
    expect((await seed.readArticle(id)).bodyText).toContain('البند الثاني');
  });

  test('switches one block to left-to-right; it keeps its direction after saving, reloading and in the preview', async ({ page }) => {
    const { id } = await seed.insertArticle({ authorEmail: WRITER, title: 'اتجاه' });
    const editor = new EditorPage(page);
    await editor.goto(id);
    await editor.body.click();
    await page.keyboard.type('قال الوزير باللغة الإنجليزية:');
    await page.keyboard.press('Enter');
    await page.keyboard.type('We will support Iraq, said the minister on 5 January 2024.');
    await editor.button('اتجاه الفقرة من اليسار إلى اليمين').click();

    const [arabic, english] = [editor.body.locator('p').nth(0), editor.body.locator('p').nth(1)];
    await expect(english).toHaveAttribute('dir', 'ltr');
    expect(await english.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    await expect(arabic).not.toHaveAttribute('dir', /.*/);
    expect(await arabic.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    await expect(editor.button('اتجاه الفقرة من اليسار إلى اليمين')).toHaveAttribute('aria-pressed', 'true');
    await editor.expectSaved();

    await page.reload();
    await expect(editor.body.locator('p').nth(1)).toHaveAttribute('dir', 'ltr');

    await page.goto(`/newsroom/articles/${id}/preview`);
    const previewParagraph = page.locator('.article-body p').nth(1);
    await expect(previewParagraph).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('.article-body')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('اتجاه');
  });

  test('a save while the network is down keeps the text, shows the failure, and opening the article again offers it back', async ({ page, browser }) => {
    const { id } = await seed.insertArticle({ authorEmail: WRITER, title: 'انقطاع', paragraphs: ['فقرة محفوظة.'] });
    const editor = new EditorPage(page);
    await editor.goto(id);
    // The network goes down: every save fails.
    await page.context().setOffline(true);

    await editor.focusEnd();
    await page.keyboard.press('Enter');
    await page.keyboard.type('نص كُتب أثناء انقطاع الشبكة.');
    await expect(editor.status).toHaveAttribute('data-status', 'failed', { timeout: 15_000 });
    await expect(editor.status).toContainText('فشل الحفظ');
    await expect(editor.status.getByRole('button', { name: 'إعادة المحاولة' })).toBeVisible();
    await expect(editor.body).toContainText('نص كُتب أثناء انقطاع الشبكة.');
    expect((await seed.readArticle(id)).version).toBe(1);

    // The browser goes down with the tab still offline; it comes back with its storage (cookies and localStorage) and
    // the article is opened again. (A new context with the same storage: the dead tab must not get a chance to save.)
    const storage = await page.context().storageState();
    const restarted = await browser.newContext({ storageState: storage });
    try {
      const reopened = await restarted.newPage();
      const editorAgain = new EditorPage(reopened);
      await reopened.goto(`/newsroom/articles/${id}`);
      const offer = reopened.getByTestId('restore-offer');
      await expect(offer).toContainText('لديك نسخة غير محفوظة');
      expect(await paragraphTexts(reopened)).toEqual(['فقرة محفوظة.']);
      await offer.getByRole('button', { name: 'استعادتها' }).click();
      await expect(editorAgain.body).toContainText('نص كُتب أثناء انقطاع الشبكة.');
      await editorAgain.expectSaved();
      expect((await seed.readArticle(id)).bodyText).toBe('فقرة محفوظة.\nنص كُتب أثناء انقطاع الشبكة.');

      await reopened.reload();
      await expect(editorAgain.body).toContainText('نص كُتب أثناء انقطاع الشبكة.');
      await expect(reopened.getByTestId('restore-offer')).toHaveCount(0);
    } finally {
      await restarted.close();
    }
  });

  test("cannot open another writer's draft or save over it", async ({ page }) => {
    await seed.insertUser({ email: 'other-writer@example.com', displayName: 'كاتب آخر' });
    const { id } = await seed.insertArticle({ authorEmail: 'other-writer@example.com', title: 'مسودة زميل', paragraphs: ['نص الزميل.'] });
    const before = await seed.readArticle(id);

    expect((await page.goto(`/newsroom/articles/${id}`))?.status()).toBe(403);
    await expect(page.getByTestId('forbidden')).toContainText('عذرًا، لا تملك صلاحية القيام بهذا الإجراء.');
    await expect(page.locator('.editor-body')).toHaveCount(0);
    expect((await page.goto(`/newsroom/articles/${id}/preview`))?.status()).toBe(403);
    await expect(page.getByTestId('forbidden')).toContainText('عذرًا، لا تملك صلاحية القيام بهذا الإجراء.');
    await expect(page.locator('.article-body')).toHaveCount(0);

    const response = await page.request.post(`/api/articles/${id}/save`, {
      headers: { 'content-type': 'application/json' },
      data: { id, expectedVersion: before.version, title: 'سطو', dek: '', slug: before.slug, sectionId: null, body: before.body },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
    expect(await seed.readArticle(id)).toEqual(before);
  });
});

test.describe('as an editor', () => {
  test.use({ storageState: storageStatePath('editor') });

  test('two tabs edit one article: the second save gets the conflict view, and nothing is lost', async ({ context }) => {
    const { id } = await seed.insertArticle({ authorEmail: WRITER, title: 'خبر مشترك', paragraphs: ['الفقرة الأصلية.'] });
    const first = new EditorPage(await context.newPage());
    const second = new EditorPage(await context.newPage());
    await first.goto(id);
    await second.goto(id);

    await first.focusEnd();
    await first.page.keyboard.press('Enter');
    await first.page.keyboard.type('إضافة من التبويب الأول.');
    await first.expectSaved();

    await second.focusEnd();
    await second.page.keyboard.press('Enter');
    await second.page.keyboard.type('إضافة من التبويب الثاني.');
    const conflict = second.page.getByTestId('conflict-view');
    await expect(conflict).toBeVisible({ timeout: 15_000 });
    await expect(second.status).toHaveAttribute('data-status', 'conflict');
    await expect(conflict).toContainText('علي المحرر');
    // The same paragraph differs by one word: the server's word struck out, the user's inserted.
    await expect(conflict.getByTestId('conflict-body')).toContainText('إضافة من التبويب');
    await expect(conflict.getByTestId('conflict-body').locator('del')).toHaveText('الأول.');
    await expect(conflict.getByTestId('conflict-body').locator('ins')).toHaveText('الثاني.');
    await expect(second.body).toContainText('إضافة من التبويب الثاني.');
    const serverVersion = (await seed.readArticle(id)).version;
    expect((await seed.readArticle(id)).bodyText).toContain('إضافة من التبويب الأول.');

    await conflict.getByRole('button', { name: 'الإبقاء على نسختي' }).click();
    await second.expectSaved();
    await expect(conflict).toBeHidden();
    const stored = await seed.readArticle(id);
    expect(stored.version).toBe(serverVersion + 1);
    expect(stored.bodyText).toBe('الفقرة الأصلية.\nإضافة من التبويب الثاني.');

    // The first tab is now stale: it gets the conflict too, and can take the server's text.
    await first.focusEnd();
    await first.page.keyboard.type(' تعديل متأخر');
    const firstConflict = first.page.getByTestId('conflict-view');
    await expect(firstConflict).toBeVisible({ timeout: 15_000 });
    await firstConflict.getByRole('button', { name: 'اعتماد نسخة الخادم' }).click();
    await expect(first.body).toContainText('إضافة من التبويب الثاني.');
    await expect(first.body).not.toContainText('إضافة من التبويب الأول.');
    await expect(first.status).toHaveAttribute('data-status', 'saved');
    expect((await seed.readArticle(id)).version).toBe(serverVersion + 1);
  });

  test('shows the sample article in the editor (screenshot kept as a test artifact)', async ({ page }, testInfo) => {
    const sample = readSeedArticle();
    const { id } = await seed.insertArticle({ authorEmail: WRITER, title: sample.title, dek: sample.dek, body: sample.body });
    const editor = new EditorPage(page);
    await page.setViewportSize({ width: 1100, height: 1400 });
    await editor.goto(id);
    await expect(editor.body).toContainText('وأكد السوداني');
    await expect(page.getByTestId('word-count')).toContainText('دقائق القراءة');
    const file = path.join('test-results', 'editor-sample-article.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const screenshot = await page.screenshot({ path: file, fullPage: false });
    await testInfo.attach('editor-sample-article', { body: screenshot, contentType: 'image/png' });
    await seed.deleteArticle(id); // other specs list the newsroom's articles and expect the sample title once
  });
});

test('signed out, the preview sends to sign-in', async ({ browser }) => {
  const { id } = await seed.insertArticle({ authorEmail: WRITER, title: 'معاينة سرية', paragraphs: ['لم يُنشر بعد.'] });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(`/newsroom/articles/${id}/preview`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByText('لم يُنشر بعد.')).toHaveCount(0);
  const response = await page.request.post(`/api/articles/${id}/save`, {
    headers: { 'content-type': 'application/json' },
    data: { id, expectedVersion: 1, title: 'x', dek: '', slug: 'x', sectionId: null, body: { type: 'doc', content: [] } },
  });
  expect(response.status()).toBe(401);
  await context.close();
});
