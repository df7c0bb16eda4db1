import { expect, request as playwrightRequest, test } from '@playwright/test';
import { storageStatePath } from './pages/sign-in-page';
import { readArticle, readEntities, seedEntity, seedTaggedArticle } from './support/seed-entities';
import { POSTGRES_PORT } from './support/state';

const SAMPLE_TITLE = 'القيادة الوسطى الأمريكية تكشف عن مساعدة عراقية ضد الهجمات الصاروخية';
const unique = () => String(Date.now() % 1_000_000);
const entityUrl = (slug: string) => `/entities/${encodeURIComponent(slug)}`;

test.describe('the registry, as an editor', () => {
  test.use({ storageState: storageStatePath('editor') });

  test('searches names and aliases across Arabic spelling variants, and filters by type', async ({ page }) => {
    await page.goto('/newsroom');
    await page.getByRole('navigation', { name: 'غرفة الأخبار' }).getByRole('link', { name: 'الكيانات' }).click();
    await expect(page.getByRole('heading', { name: 'سجل الكيانات' })).toBeVisible();
    const search = page.getByLabel('بحث بالاسم أو الاسم البديل');
    // Written without hamza, it finds the names written with it.
    await search.fill('الامريكية');
    await page.getByRole('button', { name: 'بحث' }).click();
    const table = page.getByRole('table', { name: 'الكيانات' });
    await expect(table.getByRole('link', { name: 'القوات الأمريكية', exact: true })).toBeVisible();
    await expect(table.getByRole('link', { name: 'القيادة الوسطى الأمريكية', exact: true })).toBeVisible();
    await expect(table.getByRole('link', { name: 'العراق', exact: true })).toHaveCount(0);
    // An alias finds its entity.
    await search.fill('البنتاغون');
    await page.getByRole('button', { name: 'بحث' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('link', { name: 'وزارة الدفاع الأمريكية', exact: true })).toBeVisible();
    // Type filter.
    await search.fill('');
    await page.getByRole('combobox', { name: 'النوع' }).selectOption('person');
    await page.getByRole('button', { name: 'بحث' }).click();
    await expect(page).toHaveURL(/type=person/);
    const types = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['شخص']));
  });

  test('creates an entity (an invalid Wikidata id is refused in Arabic, keeping what was typed), then edits it', async ({ page }) => {
    const name = `شركة نفط البصرة ${unique()}`;
    await page.goto('/newsroom/entities');
    await page.getByRole('link', { name: 'كيان جديد' }).click();
    await page.getByLabel('النوع').selectOption('organization');
    await page.getByLabel('الاسم المعتمد').fill(name);
    await page.getByLabel('الأسماء البديلة (اسم في كل سطر)').fill('Basra Oil Company\nنفط البصرة');
    await page.getByLabel('معرّف ويكي بيانات (اختياري)').fill('X12');
    await page.getByRole('button', { name: 'إنشاء الكيان' }).click();
    await expect(page.locator('form [role="alert"]')).toContainText('بعض البيانات المُدخلة غير صحيحة');
    await expect(page.getByText('معرّف ويكي بيانات يبدأ بالحرف Q')).toBeVisible();
    await expect(page.getByLabel('الاسم المعتمد')).toHaveValue(name);

    await page.getByLabel('معرّف ويكي بيانات (اختياري)').fill('Q1424837');
    await page.getByRole('button', { name: 'إنشاء الكيان' }).click();
    await expect(page).toHaveURL(/\/newsroom\/entities\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

    await page.getByLabel('وصف قصير').fill('شركة نفط حكومية عراقية.');
    await page.getByRole('button', { name: 'حفظ التغييرات' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'حُفظت التغييرات' })).toBeVisible();

    await page.goto(entityUrl(name.replaceAll(' ', '-')));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByText('شركة نفط حكومية عراقية.')).toBeVisible();
    await expect(page.getByRole('link', { name: `${name} في ويكي بيانات` })).toHaveAttribute('href', 'https://www.wikidata.org/wiki/Q1424837');
  });

  test('merges two entities: tags re-pointed, and the old public URL redirects permanently to the survivor', async ({ page, request }) => {
    const n = unique();
    const source = await seedEntity({ name: `البنك المركزي ${n}`, type: 'organization' });
    const target = await seedEntity({ name: `البنك المركزي العراقي ${n}`, type: 'organization' });
    const article = await seedTaggedArticle(`خبر عن البنك ${n}`, [source, target]);

    await page.goto(`/newsroom/entities/${source.id}`);
    await page.getByLabel('ابحث عن الكيان الباقي').fill(`المركزي العراقي ${n}`);
    await page.getByRole('button', { name: new RegExp(target.name) }).click();
    await page.getByRole('button', { name: `تأكيد دمج «${source.name}» في «${target.name}»` }).click();
    await expect(page).toHaveURL(new RegExp(`/newsroom/entities/${target.id}\\?merged=1$`));
    await expect(page.getByRole('status').filter({ hasText: 'تمّ الدمج' })).toBeVisible();

    const { article: stored, index, mentions } = await readArticle(article.id);
    expect([...mentions.counts.keys()]).toEqual([target.id]);
    expect(index.map((row) => [row.entityId, row.mentionCount])).toEqual([[target.id, 2]]);
    expect(stored.version).toBe(2);
    const [merged] = await readEntities([source.id]);
    expect(merged?.mergedIntoId).toBe(target.id);

    const redirect = await request.get(entityUrl(source.slug), { maxRedirects: 0 });
    expect(redirect.status()).toBe(308); // Next's permanentRedirect: a permanent redirect, like 301
    expect(redirect.headers().location).toBe(entityUrl(target.slug));
    await page.goto(entityUrl(source.slug));
    await expect(page).toHaveURL(entityUrl(target.slug));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.name);
    await expect(page.getByRole('link', { name: `خبر عن البنك ${n}` })).toBeVisible();

    // On the article, the old name links to the survivor.
    await page.goto(`/articles/${encodeURIComponent(article.slug)}`);
    await expect(page.locator('.article-body a.entity', { hasText: source.name }).first()).toHaveAttribute('href', entityUrl(target.slug));
  });
});

test('a reader goes from a tagged name in the sample article to the entity page that lists the article', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: SAMPLE_TITLE }).click();
  const body = page.locator('.article-body');
  // Tagged names are links to their entity pages; the article lists its entities.
  await expect(body.locator('a.entity--person', { hasText: 'بات رايدر' })).toHaveAttribute('href', entityUrl('بات-رايدر'));
  const listed = page.getByRole('complementary', { name: 'في هذا الخبر' });
  await expect(listed.getByRole('link', { name: 'العراق', exact: true })).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as {
    '@type': string;
    about?: Array<{ '@type': string; name: string }>;
    mentions?: Array<{ '@type': string; name: string }>;
  };
  expect(jsonLd['@type']).toBe('NewsArticle');
  expect(jsonLd.about).toContainEqual(expect.objectContaining({ '@type': 'Organization', name: 'القيادة الوسطى الأمريكية' }));
  expect(jsonLd.mentions).toContainEqual(expect.objectContaining({ '@type': 'Person', name: 'محمد شياع السوداني' }));
  expect(jsonLd.mentions).toContainEqual(expect.objectContaining({ '@type': 'Place', name: 'العراق' }));

  await body.locator('a.entity', { hasText: 'بات رايدر' }).first().click();
  await expect(page).toHaveURL(entityUrl('بات-رايدر'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('بات رايدر');
  await expect(page.getByText('شخص', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: SAMPLE_TITLE })).toBeVisible();
});

test('an unknown entity is a 404', async ({ request }) => {
  expect((await request.get(entityUrl('لا-يوجد-كيان-بهذا-الاسم'))).status()).toBe(404);
});

test('a writer cannot merge: no merge controls, and the merge action replayed with a writer session is refused, nothing changed', async ({
  browser,
}) => {
  const n = unique();
  const source = await seedEntity({ name: `هيئة النزاهة ${n}`, type: 'organization' });
  const target = await seedEntity({ name: `هيئة النزاهة الاتحادية ${n}`, type: 'organization' });

  const writerContext = await browser.newContext({ storageState: storageStatePath('writer') });
  const writerPage = await writerContext.newPage();
  await writerPage.goto(`/newsroom/entities/${source.id}`);
  await expect(writerPage.getByRole('heading', { level: 1 })).toHaveText(source.name);
  await expect(writerPage.getByText('يعدّل المحررون والمديرون الكيانات ويدمجونها.')).toBeVisible();
  await expect(writerPage.getByLabel('ابحث عن الكيان الباقي')).toHaveCount(0);
  await expect(writerPage.getByRole('button', { name: 'حفظ التغييرات' })).toHaveCount(0);
  await writerContext.close();

  // Capture the merge action's request from an editor's page (without letting it through)...
  const editorContext = await browser.newContext({ storageState: storageStatePath('editor') });
  const editorPage = await editorContext.newPage();
  let captured: { url: string; headers: Record<string, string>; body: string } | null = null;
  await editorPage.route('**/newsroom/entities/**', async (route) => {
    const req = route.request();
    // Only the merge (the search is an action too, and must go through).
    if (req.method() === 'POST' && req.headers()['next-action'] && (req.postData() ?? '').includes('"sourceId"')) {
      captured = { url: req.url(), headers: req.headers(), body: req.postData() ?? '' };
      await route.abort();
      return;
    }
    await route.continue();
  });
  await editorPage.goto(`/newsroom/entities/${source.id}`);
  await editorPage.getByLabel('ابحث عن الكيان الباقي').fill(target.name);
  await editorPage.getByRole('button', { name: new RegExp(target.name) }).click();
  await editorPage.getByRole('button', { name: /تأكيد دمج/ }).click();
  await expect.poll(() => captured !== null).toBe(true);
  await expect(editorPage.locator('[role="alert"]').filter({ hasText: 'لم يُدمج شيء' })).toBeVisible();
  await editorContext.close();

  // ...and replay it with the writer's session.
  const writerRequest = await playwrightRequest.newContext({
    baseURL: `http://127.0.0.1:${POSTGRES_PORT}`,
    storageState: storageStatePath('writer'),
  });
  const request = captured!;
  const headers: Record<string, string> = {};
  for (const name of ['next-action', 'next-router-state-tree', 'content-type', 'accept']) {
    if (request.headers[name]) headers[name] = request.headers[name];
  }
  const response = await writerRequest.post(request.url, { headers, data: request.body });
  expect(await response.text()).toContain('"code":"forbidden"');
  await writerRequest.dispose();
  const rows = await readEntities([source.id, target.id]);
  expect(rows.map((row) => row.mergedIntoId)).toEqual([null, null]);
});
