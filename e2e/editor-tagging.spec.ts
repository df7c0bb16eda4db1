/**
 * Entity tagging in the newsroom editor (issue 4), on the merged editor page: tag a selection as a new entity, accept
 * one suggestion or all of them, untag from the mention card, and the public page of a story tagged in the editor.
 * The registry is the demo one, seeded into the e2e database by the server's start.
 */
import { expect, test } from '@playwright/test';
import type { JSONContent } from '@tiptap/core';
import { readSeedArticle, tagSeedBody } from '../db/seed';
import { collectEntityMentions, type TiptapNodeJSON } from '../lib/entities';
import { EditorPage } from './pages/editor-page';
import { DEMO_USERS, storageStatePath } from './pages/sign-in-page';
import { uniqueArabicWord } from './support/seed-public';
import { openE2eSeed, type E2eSeed } from './support/seed';

let seed: E2eSeed;
test.beforeAll(async () => {
  seed = await openE2eSeed();
});
test.afterAll(async () => {
  await seed.close();
});

const WRITER = DEMO_USERS.writer.email;
const entityUrl = (slug: string) => `/entities/${encodeURIComponent(slug)}`;
/** Not the sample's title: other specs find the sample article by its title on the home page. */
const copyTitle = (what: string) => `نسخة ${what} من تقرير القيادة الوسطى ${uniqueArabicWord(4)}`;

/** What tagging every registry mention of a body gives, by entity name (computed on the server side, from the DB registry). */
async function expectedCounts(body: JSONContent): Promise<Map<string, number>> {
  const registry = await seed.readRegistry();
  const nameOf = new Map(registry.map((entity) => [entity.id, entity.name]));
  const { counts } = collectEntityMentions(tagSeedBody(body, registry) as TiptapNodeJSON);
  return new Map([...counts].map(([id, count]) => [nameOf.get(id)!, count]));
}

async function indexByName(articleId: string): Promise<Map<string, number>> {
  return new Map((await seed.readArticleEntities(articleId)).map((row) => [row.name, row.mentionCount]));
}

function entityItem(editor: EditorPage, name: string, count: number) {
  return editor.entities.getByRole('button', { name: `${name}: ${count} ذكر، حدّد التالي`, exact: true });
}

async function saveNow(editor: EditorPage) {
  await editor.pressArabicShortcut('KeyS', 'س');
  await editor.expectSaved();
  await expect(editor.status).toHaveText('محفوظ');
}

test.describe('as the writer of a draft', () => {
  test.use({ storageState: storageStatePath('writer') });

  test('tags a selection as a new person with Ctrl+E on an Arabic layout; the index has it once after saving', async ({ page }) => {
    const name = `كريم ${uniqueArabicWord(5)}`;
    const { id } = await seed.insertArticle({
      authorEmail: WRITER,
      title: 'تصريح محلل',
      paragraphs: [`قال المحلل السياسي ${name} إن الاجتماع كان مثمرًا.`],
    });
    const editor = new EditorPage(page);
    await editor.goto(id);
    await expect(editor.tagButton).toBeDisabled();

    await editor.selectText(name);
    // Ctrl+E from the physical key E, which types «ث» on an Arabic layout.
    await editor.pressArabicShortcut('KeyE', 'ث');
    const dialog = page.getByRole('dialog', { name: 'وسم كيان' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: 'ابحث في السجل' })).toHaveValue(name);
    await expect(dialog.getByRole('status')).toHaveText('0 نتيجة');
    const create = dialog.getByRole('group', { name: 'أو أنشئ كيانًا جديدًا' });
    await expect(create.getByLabel('النوع')).toHaveValue('person');
    await expect(create.getByLabel('الاسم المعتمد')).toHaveValue(name);
    await create.getByRole('button', { name: 'إنشاء ووسم' }).click();
    await expect(dialog).toBeHidden();

    // The mark covers exactly the name, styled as a person, and the panel lists the new entity once.
    await expect(editor.mentions()).toHaveCount(1);
    await expect(editor.mentions('person')).toHaveText(name);
    await expect(editor.mentions('person')).toHaveAttribute('data-entity-type', 'person');
    await expect(entityItem(editor, name, 1)).toBeVisible();

    await saveNow(editor);
    const registry = await seed.readRegistry();
    const created = registry.find((entity) => entity.name === name);
    expect(created?.type).toBe('person');
    await expect(editor.mentions('person')).toHaveAttribute('data-entity-id', created!.id);
    expect(await seed.readArticleEntities(id)).toEqual([{ entityId: created!.id, name, mentionCount: 1 }]);

    // After a reload the mark is still there (it was saved in the body, not only shown).
    await page.reload();
    await expect(editor.mentions('person')).toHaveText(name);
  });

  test('accepts one suggestion in the untagged sample: only that name is tagged and indexed', async ({ page }) => {
    const sample = readSeedArticle();
    expect(collectEntityMentions(sample.body as TiptapNodeJSON).counts.size, 'the sample body starts untagged').toBe(0);
    const { id } = await seed.insertArticle({ authorEmail: WRITER, title: copyTitle('للاقتراح'), dek: sample.dek, body: sample.body });
    const expected = await expectedCounts(sample.body);
    const total = [...expected.values()].reduce((sum, count) => sum + count, 0);

    const editor = new EditorPage(page);
    await editor.goto(id);
    await expect(editor.mentions()).toHaveCount(0);
    const suggestions = editor.entities.getByRole('region', { name: /^اقتراحات/ });
    await expect(suggestions.getByRole('heading')).toHaveText(`اقتراحات (${total})`);

    await suggestions.getByRole('button', { name: 'قبول: «بات رايدر» ← بات رايدر', exact: true }).click();
    await expect(editor.mentions()).toHaveCount(1);
    await expect(editor.mentions('person')).toHaveText('بات رايدر');
    await expect(suggestions.getByRole('heading')).toHaveText(`اقتراحات (${total - 1})`);
    await expect(suggestions.getByRole('button', { name: /^قبول: «بات رايدر»/ })).toHaveCount(0);
    await expect(entityItem(editor, 'بات رايدر', 1)).toBeVisible();

    await editor.expectSaved(); // autosave
    expect((await seed.readArticleEntities(id)).map((row) => [row.name, row.mentionCount])).toEqual([['بات رايدر', 1]]);
  });

  test('untags one mention from its card, then every mention of another entity', async ({ page }) => {
    const sample = readSeedArticle();
    const registry = await seed.readRegistry();
    const tagged = tagSeedBody(sample.body, registry);
    const { id } = await seed.insertArticle({ authorEmail: WRITER, title: copyTitle('لإزالة الوسوم'), body: tagged });
    const before = await expectedCounts(sample.body);
    expect(before.get('محمد شياع السوداني')).toBe(3);
    const iraqMentions = before.get('العراق')!;
    expect(iraqMentions).toBeGreaterThan(1);

    const editor = new EditorPage(page);
    await editor.goto(id);
    await expect(entityItem(editor, 'محمد شياع السوداني', 3)).toBeVisible();

    // A click on «السوداني» (alone, not the full name) shows its card.
    await editor.body.locator('.entity--person').filter({ hasText: /^السوداني$/ }).first().click();
    const card = editor.entities.getByRole('region', { name: 'بطاقة الكيان' });
    await expect(card.getByRole('heading')).toHaveText('محمد شياع السوداني');
    await expect(card).toContainText('شخص');
    const sudani = registry.find((entity) => entity.name === 'محمد شياع السوداني')!;
    await expect(card.getByRole('link', { name: 'الصفحة العامة' })).toHaveAttribute('href', entityUrl(sudani.slug));
    await card.getByRole('button', { name: 'إزالة هذا الوسم' }).click();
    await expect(editor.body.locator(`[data-entity-id="${sudani.id}"]`)).toHaveCount(2);
    await expect(entityItem(editor, 'محمد شياع السوداني', 2)).toBeVisible();
    // The text itself is untouched.
    await expect(editor.body).toContainText('وقال السوداني في كلمة');

    // Every mention of «العراق».
    const iraq = registry.find((entity) => entity.name === 'العراق')!;
    await editor.body.locator(`[data-entity-id="${iraq.id}"]`).first().click();
    await expect(card.getByRole('heading')).toHaveText('العراق');
    await card.getByRole('button', { name: 'إزالة كل وسوم هذا الكيان' }).click();
    await expect(editor.body.locator(`[data-entity-id="${iraq.id}"]`)).toHaveCount(0);
    await expect(editor.entities.getByRole('button', { name: /^العراق: / })).toHaveCount(0);
    // Untagged names are offered again as suggestions.
    await expect(editor.entities.getByRole('region', { name: /^اقتراحات/ }).getByRole('heading')).toHaveText(`اقتراحات (${iraqMentions + 1})`);

    await saveNow(editor);
    const index = await indexByName(id);
    const expected = new Map(before);
    expected.set('محمد شياع السوداني', 2);
    expected.delete('العراق');
    expect(index).toEqual(expected);
  });
});

test.describe('as an editor', () => {
  test.use({ storageState: storageStatePath('editor') });

  test('accepts all suggestions: every registry mention is tagged, counted, saved and indexed; published, the names link to entity pages', async ({
    page,
  }) => {
    const sample = readSeedArticle();
    const title = copyTitle('لقبول الكل');
    const { id, slug } = await seed.insertArticle({ authorEmail: WRITER, status: 'approved', title, dek: sample.dek, body: sample.body });
    const expected = await expectedCounts(sample.body);
    const total = [...expected.values()].reduce((sum, count) => sum + count, 0);
    expect(expected.get('بات رايدر')).toBe(1);
    expect(expected.get('القيادة الوسطى الأمريكية')).toBe(2);

    const editor = new EditorPage(page);
    await editor.goto(id);
    const suggestions = editor.entities.getByRole('region', { name: /^اقتراحات/ });
    const started = Date.now();
    await suggestions.getByRole('button', { name: `قبول الكل (${total})` }).click();

    await expect(editor.mentions()).toHaveCount(total);
    await expect(suggestions.getByRole('heading')).toHaveText('اقتراحات (0)');
    await expect(suggestions).toContainText('لا اقتراحات: كل الأسماء المسجلة موسومة.');
    const panel = editor.entities.getByRole('region', { name: /^الكيانات/ });
    await expect(panel.getByRole('heading')).toHaveText(`الكيانات (${expected.size})`);
    for (const [name, count] of expected) await expect(entityItem(editor, name, count)).toBeVisible();
    // The longest name wins: «القيادة الوسطى الأمريكية» is one organization mention, not «الأمريكية» inside it.
    await expect(editor.mentions('organization').filter({ hasText: 'القيادة الوسطى الأمريكية' })).toHaveCount(2);
    // A clitic stays outside the mark: «لهيئة الحشد الشعبي» tags «هيئة الحشد الشعبي».
    await expect(editor.mentions('organization').filter({ hasText: /^هيئة الحشد الشعبي$/ })).toHaveCount(1);

    await editor.expectSaved();
    expect(Date.now() - started, 'the whole sample tagged and saved in well under a minute').toBeLessThan(60_000);
    expect(await indexByName(id)).toEqual(expected);

    // Published from the panel beside the text; a reader follows the tagged names to their entity pages.
    await editor.workflow.getByRole('button', { name: 'نشر الآن' }).click();
    await expect(editor.workflow.getByTestId('workflow-status')).toHaveText('منشور');
    const registry = await seed.readRegistry();
    const slugOf = (name: string) => registry.find((entity) => entity.name === name)!.slug;

    const reader = await page.context().browser()!.newPage();
    await reader.goto(`/articles/${encodeURIComponent(slug)}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
    const body = reader.locator('.article-body');
    await expect(body.locator('a.entity')).toHaveCount(total);
    await expect(body.locator('span.entity')).toHaveCount(0);
    await expect(body.locator('a.entity--person', { hasText: 'بات رايدر' })).toHaveAttribute('href', entityUrl(slugOf('بات رايدر')));
    await expect(body.locator('a.entity--place', { hasText: /^العراق$/ }).first()).toHaveAttribute('href', entityUrl(slugOf('العراق')));
    await body.locator('a.entity--person', { hasText: 'بات رايدر' }).click();
    await expect(reader).toHaveURL(entityUrl(slugOf('بات رايدر')));
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('بات رايدر');
    await expect(reader.getByRole('link', { name: title })).toBeVisible();
    await reader.close();
  });
});
