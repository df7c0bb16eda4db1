import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { compileNinjsValidator } from '../test/support/ninjs-validator';
import {
  closeSeedDatabase,
  createEntity,
  createSection,
  createStory,
  announceChanges,
  renameStorySlug,
  rewriteStory,
  setStoryStatus,
  uniqueArabicWord,
} from './support/seed-public';

const SAMPLE_TITLE = 'القيادة الوسطى الأمريكية تكشف عن مساعدة عراقية ضد الهجمات الصاروخية';
const feedParser = new Parser();
const xmlParser = new XMLParser({ ignoreAttributes: false });

test.afterAll(async () => closeSeedDatabase());

function articleUrl(baseURL: string, slug: string): string {
  return `${baseURL}/articles/${encodeURIComponent(slug)}`;
}

async function feedTitles(request: APIRequestContext, path: string): Promise<string[]> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const feed = await feedParser.parseString(await response.text());
  return feed.items.map((item) => item.title ?? '');
}

async function sitemapLocations(request: APIRequestContext, path: string): Promise<string[]> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toContain('xml');
  const parsed = xmlParser.parse(await response.text()) as { urlset: { url?: { loc: string } | Array<{ loc: string }> } };
  const urls = parsed.urlset.url ?? [];
  return (Array.isArray(urls) ? urls : [urls]).map((url) => url.loc);
}

async function searchResultTitles(page: Page, query: string): Promise<string[]> {
  await page.goto(`/search?q=${encodeURIComponent(query)}`);
  return page.locator('main ol li h3').allInnerTexts();
}

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(summary, what).toEqual([]);
}

test.describe('Arabic search', () => {
  test('finds a story whatever the hamza, taa marbuta and yaa forms and attached clitics of the query', async ({ page }) => {
    const root = uniqueArabicWord();
    const place = `أ${root}ة`; // e.g. «أسمرجة»: hamza on alef, taa marbuta
    const person = `${uniqueArabicWord()}ى`; // alef maqsura
    const story = await createStory({
      title: `افتتاح جسر جديد في ${place}`,
      paragraphs: [`افتتح المحافظ ${person} جسرًا في ${place} صباح اليوم.`, 'وقال إن الجسر يخدم آلاف السكان.'],
    });

    for (const query of [`ا${root}ه`, `وأ${root}ة`, `ب${place}`, `لل${`ا${root}ه`}`, `${person.slice(0, -1)}ي`, `  ${place}  ؟`]) {
      expect(await searchResultTitles(page, query), query).toEqual([story.title]);
    }
    // The snippet marks the word as the writer spelt it.
    await page.goto(`/search?q=${encodeURIComponent(`ا${root}ه`)}`);
    await expect(page.locator('main ol li mark').first()).toHaveText(place);
    await expect(page.getByRole('link', { name: story.title })).toHaveAttribute('href', `/articles/${encodeURIComponent(story.slug)}`);
  });

  test("finds an entity's stories by one of its aliases", async ({ page }) => {
    const alias = `qz${Math.random().toString(36).slice(2, 8)}`;
    const entity = await createEntity({ name: `${uniqueArabicWord()} ${uniqueArabicWord()}`, aliases: [alias] });
    const story = await createStory({ title: `لقاء ${uniqueArabicWord()} المرتقب`, paragraphs: ['نص لا يذكر الاسم اللاتيني.'], entityIds: [entity.id] });
    expect(await searchResultTitles(page, alias.toUpperCase())).toEqual([story.title]);
  });

  test('never lists a draft', async ({ page }) => {
    const word = uniqueArabicWord();
    await createStory({ title: `مسودة ${word}`, paragraphs: [`نص ${word}`], status: 'draft' });
    expect(await searchResultTitles(page, word)).toEqual([]);
    await expect(page.getByRole('heading', { level: 2 })).toContainText('لا نتائج');
  });

  test('empty, whitespace-only, punctuation-only and very long queries get a helpful Arabic page', async ({ page }) => {
    for (const query of ['', '   ']) {
      const response = await page.goto(`/search?q=${encodeURIComponent(query)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByText('اكتب كلمة أو أكثر')).toBeVisible();
    }
    let response = await page.goto(`/search?q=${encodeURIComponent('؟!،...«»')}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText('لم نجد في بحثك حروفًا أو أرقامًا')).toBeVisible();
    response = await page.goto(`/search?q=${encodeURIComponent('السوداني '.repeat(300))}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText('بحثك طويل جدًا')).toBeVisible();
    await expect(page.getByRole('link', { name: SAMPLE_TITLE })).toBeVisible();
    // The search box is labelled, and searching from it works without JavaScript tricks.
    await page.goto('/search');
    await page.getByLabel('ابحث في الأخبار المنشورة').fill('السوداني');
    await page.getByRole('button', { name: 'بحث' }).click();
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByRole('link', { name: SAMPLE_TITLE })).toBeVisible();
  });
});

test.describe('feeds, sitemaps, robots and the content API', () => {
  test('feeds parse and list the right stories, per site, section and entity; a draft is never listed', async ({ request }) => {
    const section = await createSection(`قسم ${uniqueArabicWord()}`);
    const entity = await createEntity({ name: `${uniqueArabicWord()} ${uniqueArabicWord()}`, type: 'organization' });
    const older = await createStory({ title: `خبر أقدم ${uniqueArabicWord()} <b>&</b>`, paragraphs: ['نص'], sectionId: section.id, publishedAt: new Date(Date.now() - 60_000) });
    const newer = await createStory({ title: `خبر أحدث ${uniqueArabicWord()}`, paragraphs: ['نص'], sectionId: section.id, entityIds: [entity.id] });
    const draft = await createStory({ title: `مسودة ${uniqueArabicWord()}`, paragraphs: ['نص'], sectionId: section.id, entityIds: [entity.id], status: 'draft' });

    expect(await feedTitles(request, `/sections/${encodeURIComponent(section.slug)}/feed.xml`)).toEqual([newer.title, older.title]);
    expect(await feedTitles(request, `/entities/${encodeURIComponent(entity.slug)}/feed.xml`)).toEqual([newer.title]);
    for (const path of ['/feed.xml', '/atom.xml']) {
      const site = await feedTitles(request, path);
      expect(site[0], path).toBe(newer.title);
      expect(site.indexOf(older.title), path).toBeGreaterThan(0);
      expect(site, path).not.toContain(draft.title);
    }
    expect((await request.get('/sections/no-such-section/feed.xml')).status()).toBe(404);
    expect((await request.get('/entities/no-such-entity/feed.xml')).status()).toBe(404);
  });

  test('the sitemap, the news sitemap and robots.txt', async ({ request, baseURL }) => {
    const fresh = await createStory({ title: `خبر عاجل ${uniqueArabicWord()}`, paragraphs: ['نص'] });
    const old = await createStory({ title: `خبر قديم ${uniqueArabicWord()}`, paragraphs: ['نص'], publishedAt: new Date(Date.now() - 72 * 3600_000) });
    const draft = await createStory({ title: `مسودة ${uniqueArabicWord()}`, paragraphs: ['نص'], status: 'draft' });

    const sitemap = await sitemapLocations(request, '/sitemap.xml');
    expect(sitemap).toContain(articleUrl(baseURL!, fresh.slug));
    expect(sitemap).toContain(articleUrl(baseURL!, old.slug));
    expect(sitemap).not.toContain(articleUrl(baseURL!, draft.slug));
    expect(sitemap).toContain(`${baseURL}/`);

    const newsResponse = await request.get('/news-sitemap.xml');
    const news = xmlParser.parse(await newsResponse.text()) as { urlset: Record<string, unknown> };
    expect(news.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const newsLocations = await sitemapLocations(request, '/news-sitemap.xml');
    expect(newsLocations).toContain(articleUrl(baseURL!, fresh.slug));
    expect(newsLocations).not.toContain(articleUrl(baseURL!, old.slug));

    const robots = await request.get('/robots.txt');
    expect(robots.status()).toBe(200);
    const text = await robots.text();
    for (const line of ['Disallow: /newsroom', 'Disallow: /api/', 'Disallow: /signin', `Sitemap: ${baseURL}/sitemap.xml`, `Sitemap: ${baseURL}/news-sitemap.xml`]) {
      expect(text).toContain(line);
    }
  });

  test('the content API lists, filters and returns stories as valid ninjs 2.0, and refuses what is not public', async ({ request }) => {
    const validate = compileNinjsValidator();
    const section = await createSection(`قسم ${uniqueArabicWord()}`);
    const entity = await createEntity({ name: `${uniqueArabicWord()} ${uniqueArabicWord()}`, type: 'place' });
    const first = await createStory({ title: `أول ${uniqueArabicWord()}`, dek: 'موجز', paragraphs: ['فقرة أولى', 'فقرة ثانية'], sectionId: section.id, publishedAt: new Date(Date.now() - 60_000) });
    const second = await createStory({ title: `ثان ${uniqueArabicWord()}`, paragraphs: ['نص'], sectionId: section.id, entityIds: [entity.id] });
    const draft = await createStory({ title: `مسودة ${uniqueArabicWord()}`, paragraphs: ['نص'], sectionId: section.id, status: 'draft' });

    const list = await request.get(`/api/content/v1/items?section=${encodeURIComponent(section.slug)}&per_page=1`);
    expect(list.status()).toBe(200);
    const body = (await list.json()) as { data: Array<Record<string, unknown>>; meta: Record<string, number>; links: Record<string, string | null> };
    expect(body.meta).toEqual({ page: 1, per_page: 1, total: 2, page_count: 2 });
    expect(body.data.map((item) => (item.headlines as Array<{ value: string }>)[0]!.value)).toEqual([second.title]);
    expect(body.links.next).toContain('page=2');
    for (const item of body.data) expect(validate(item), JSON.stringify(validate.errors)).toBe(true);

    const byEntity = await (await request.get(`/api/content/v1/items?entity=${encodeURIComponent(entity.slug)}`)).json();
    expect(byEntity.data.map((item: { uri: string }) => item.uri)).toEqual([`urn:uuid:${second.id}`]);
    expect(byEntity.data[0].places).toEqual([expect.objectContaining({ rel: 'mentioned' })]);

    const one = await request.get(`/api/content/v1/items/${encodeURIComponent(first.slug)}`);
    expect(one.status()).toBe(200);
    const item = await one.json();
    expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
    expect(item).toMatchObject({ type: 'text', language: 'ar', headlines: [{ value: first.title }], descriptions: [{ value: 'موجز' }] });
    expect(item.bodies[0].value).toContain('فقرة ثانية');

    const missing = await request.get(`/api/content/v1/items/${encodeURIComponent(draft.slug)}`);
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    expect((await request.get('/api/content/v1/items?per_page=0')).status()).toBe(400);
    expect((await request.get('/api/content/v1/items?page=abc')).status()).toBe(400);
    expect((await request.get('/api/content/v1/items?section=no-such-section')).status()).toBe(404);
  });

  test('after an unpublish, the page, the feeds, the sitemap, search and the API stop showing the story at once', async ({ page, request, baseURL }) => {
    const word = uniqueArabicWord();
    const story = await createStory({ title: `خبر سيسحب ${word}`, paragraphs: [`نص ${word}`] });
    const path = `/articles/${encodeURIComponent(story.slug)}`;
    expect((await request.get(path)).status()).toBe(200);
    expect(await feedTitles(request, '/feed.xml')).toContain(story.title);
    expect(await sitemapLocations(request, '/sitemap.xml')).toContain(articleUrl(baseURL!, story.slug));
    expect((await request.get(`/api/content/v1/items/${encodeURIComponent(story.slug)}`)).status()).toBe(200);
    expect(await searchResultTitles(page, word)).toEqual([story.title]);

    await setStoryStatus(story.id, 'unpublished');

    expect((await request.get(path)).status()).toBe(404);
    expect(await feedTitles(request, '/feed.xml')).not.toContain(story.title);
    expect(await feedTitles(request, '/atom.xml')).not.toContain(story.title);
    expect(await sitemapLocations(request, '/sitemap.xml')).not.toContain(articleUrl(baseURL!, story.slug));
    expect(await sitemapLocations(request, '/news-sitemap.xml')).not.toContain(articleUrl(baseURL!, story.slug));
    expect((await request.get(`/api/content/v1/items/${encodeURIComponent(story.slug)}`)).status()).toBe(404);
    expect(await searchResultTitles(page, word)).toEqual([]);
  });
});

test.describe('caching and freshness', () => {
  test('the article page is served from the cache; an update and an unpublish made elsewhere reach it within a second, without a restart', async ({ request }) => {
    const word = uniqueArabicWord();
    const story = await createStory({ title: `خبر مخزن ${word}`, paragraphs: [`النص الأول ${word}`] });
    const path = `/articles/${encodeURIComponent(story.slug)}`;
    // Entries stored within a second of a revalidation of their tags are recomputed once (lib/cache/cache-handler.cjs,
    // GRACE_MS: a render that read just before a publish must not keep the old story): let the seed's announcement age.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const first = await request.get(path);
    expect(first.status()).toBe(200);
    expect(await first.text()).toContain(`النص الأول ${word}`);

    // Changed in the database with nobody told: readers still get the cached story (it is cached, not re-read).
    await rewriteStory(story.id, { title: `خبر محدث ${word}`, paragraphs: [`النص المحدث ${word}`] }, { announce: false });
    const cached = await request.get(path);
    expect(await cached.text()).toContain(`النص الأول ${word}`);
    // Sent from memory by the server's fast path (lib/cache/cached-page-responder.ts): the very bytes and headers Next
    // sent when it rendered the page, plus an ETag (Next sends none), for which a revalidating CDN or browser gets 304.
    expect(cached.headers()['x-nextjs-cache']).toBe('HIT');
    expect(await cached.text()).toBe(await first.text());
    for (const name of ['content-type', 'cache-control', 'content-security-policy', 'x-frame-options', 'x-content-type-options']) {
      expect(cached.headers()[name], name).toBe(first.headers()[name]);
    }
    expect(first.headers().etag).toBeUndefined();
    const etag = cached.headers().etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await request.get(path, { headers: { 'If-None-Match': etag! } })).status()).toBe(304);

    // The revalidation another instance sends after publish_update (lib/cache/tag-bus.ts): visible within a second.
    const announcedAt = Date.now();
    await announceChanges([`article:${story.id}`]);
    await expect.poll(async () => (await request.get(path)).text(), { timeout: 1_000, intervals: [50] }).toContain(`النص المحدث ${word}`);
    console.log(`update visible ${Date.now() - announcedAt} ms after the revalidation was announced`);
    expect(await (await request.get('/')).text()).toContain(`خبر محدث ${word}`);

    await setStoryStatus(story.id, 'unpublished');
    await expect.poll(async () => (await request.get(path)).status(), { timeout: 1_000, intervals: [50] }).toBe(404);
    expect(await (await request.get('/')).text()).not.toContain(`خبر محدث ${word}`);
  });
});

test.describe('pages', () => {
  test('home: the lead story large, the latest stories with section links, pagination', async ({ page }) => {
    const section = await createSection(`قسم ${uniqueArabicWord()}`);
    const lead = await createStory({ title: `الخبر الرئيسي ${uniqueArabicWord()}`, dek: 'موجز الخبر الرئيسي', paragraphs: ['نص'], sectionId: section.id, publishedAt: new Date(Date.now() + 60_000) });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('آخر الأخبار');
    const leadHeading = page.locator('main article h2').first();
    await expect(leadHeading).toHaveText(lead.title);
    await expect(page.locator('main article').first().getByRole('link', { name: section.name })).toHaveAttribute('href', `/sections/${encodeURIComponent(section.slug)}`);
    await page.locator('main article').first().getByRole('link', { name: section.name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.name);
    await expect(page.getByRole('link', { name: lead.title })).toBeVisible();
    expect((await page.goto(`/sections/${encodeURIComponent(section.slug)}?page=2`))?.status()).toBe(404);
    expect((await page.goto('/sections/no-such-section'))?.status()).toBe(404);
    expect((await page.goto('/?page=abc'))?.status()).toBe(404);
  });

  test('section pagination moves to older stories', async ({ page }) => {
    // Dated in 2001, so that these stories stay at the end of the home page and push nothing off it.
    const section = await createSection(`قسم ${uniqueArabicWord()}`);
    const base = Date.UTC(2001, 0, 1);
    const titles: string[] = [];
    for (let index = 0; index < 21; index++) {
      const story = await createStory({ title: `صفحة ${uniqueArabicWord()} ${index}`, paragraphs: ['نص'], sectionId: section.id, publishedAt: new Date(base + index * 60_000) });
      titles.push(story.title);
    }
    await page.goto(`/sections/${encodeURIComponent(section.slug)}`);
    await expect(page.locator('main ol li h2').first()).toHaveText(titles[20]!);
    await expect(page.locator('main ol li')).toHaveCount(20);
    await page.getByRole('navigation', { name: 'التنقل بين الصفحات' }).getByRole('link', { name: /الصفحة التالية/ }).click();
    await expect(page).toHaveURL(/\?page=2$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${section.name}: الصفحة 2`);
    await expect(page.locator('main ol li h2')).toHaveText([titles[0]!]);
    await page.getByRole('link', { name: /الصفحة السابقة/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.name);
  });

  test('article metadata: canonical URL, OpenGraph and Twitter card; feeds discoverable from every page', async ({ page, baseURL }) => {
    const story = await createStory({ title: `خبر بوسوم ${uniqueArabicWord()}`, dek: 'موجز للمشاركة', paragraphs: ['نص'] });
    await page.goto(`/articles/${encodeURIComponent(story.slug)}`);
    const url = articleUrl(baseURL!, story.slug);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', story.title);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', url);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', 'موجز للمشاركة');
    await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute('content', /^\d{4}-/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
    await expect(page.locator('meta[name="twitter:title"]')).toHaveAttribute('content', story.title);
    for (const path of [`/articles/${encodeURIComponent(story.slug)}`, '/', '/search']) {
      await page.goto(path);
      await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute('href', `${baseURL}/feed.xml`);
      await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `${baseURL}/atom.xml`);
    }
  });
});

test('an old address of a story redirects with 301 to its current one, and the page shows its section', async ({ page, request, baseURL }) => {
  const word = uniqueArabicWord();
  const section = await createSection(`قسم ${word}`);
  const story = await createStory({ title: `خبر نُقل ${word}`, paragraphs: [`نص ${word}.`], sectionId: section.id });
  const newSlug = `${story.slug}-جديد`;
  expect((await request.get(`/articles/${encodeURIComponent(story.slug)}`)).status()).toBe(200); // now in the cache
  await renameStorySlug(story.id, newSlug);
  const moved = await request.get(`/articles/${encodeURIComponent(story.slug)}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(moved.headers().location).toBe(`/articles/${encodeURIComponent(newSlug)}`);
  await page.goto(`/articles/${encodeURIComponent(story.slug)}`);
  expect(page.url()).toBe(articleUrl(baseURL!, newSlug));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title);
  await expect(page.getByRole('link', { name: section.name })).toHaveAttribute('href', `/sections/${encodeURIComponent(section.slug)}`);
});

test('an entity page carries JSON-LD of its type and makes its feeds discoverable', async ({ page, baseURL }) => {
  const word = uniqueArabicWord();
  const person = await createEntity({ name: `الوزير ${word}`, type: 'person' });
  const story = await createStory({ title: `خبر عن ${word}`, paragraphs: [`نص ${word}`], entityIds: [person.id] });
  const path = `/entities/${encodeURIComponent(person.slug)}`;
  await page.goto(path);
  await expect(page.getByRole('link', { name: story.title })).toBeVisible();
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>;
  expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'Person', name: `الوزير ${word}`, url: `${baseURL}${path}` });
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `${baseURL}/atom.xml`);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').last()).toHaveAttribute('href', `${baseURL}${path}/feed.xml`);
});

test('the article page shows its reading time and plain share links, with no third-party script', async ({ page, baseURL }) => {
  const word = uniqueArabicWord();
  const story = await createStory({ title: `خبر للمشاركة ${word}`, paragraphs: Array.from({ length: 30 }, () => `كلمات كثيرة في فقرة طويلة من خبر ${word} لتقدير مدة القراءة.`) });
  const scripts: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'script') scripts.push(req.url());
  });
  await page.goto(`/articles/${encodeURIComponent(story.slug)}`);
  await expect(page.getByTestId('reading-time')).toHaveText('مدة القراءة: دقيقتان');
  const share = page.getByRole('navigation', { name: 'شارك الخبر' });
  const url = articleUrl(baseURL!, story.slug);
  const x = new URL((await share.getByRole('link', { name: /إكس/ }).getAttribute('href'))!);
  expect(x.origin + x.pathname).toBe('https://x.com/intent/post');
  expect(x.searchParams.get('url')).toBe(url);
  for (const name of [/فيسبوك/, /واتساب/, /تيليغرام/, /البريد/]) await expect(share.getByRole('link', { name })).toHaveAttribute('href', /^(https:|mailto:)/);
  await expect(share.getByRole('link', { name: 'الرابط الدائم للخبر' })).toHaveAttribute('href', url);
  expect(scripts).toEqual([]); // no script at all, let alone a third party's
});

test.describe('accessibility', () => {
  test('axe finds no violations on home, entity, article, section, search (with results and empty) and 404', async ({ page }) => {
    const word = uniqueArabicWord();
    const place = await createEntity({ name: `مدينة ${word}`, type: 'place' });
    await createStory({ title: `خبر للفحص ${word}`, dek: 'موجز', paragraphs: [`نص يذكر ${word} مرتين: ${word}.`], entityIds: [place.id] });
    const pages: Array<[string, string, number]> = [
      ['home', '/', 200],
      ['entity', `/entities/${encodeURIComponent(place.slug)}`, 200],
      ['article', `/articles/${encodeURIComponent('القيادة-الوسطى-الأمريكية-تكشف-عن-مساعدة-عراقية-ضد-الهجمات-الصاروخية')}`, 200],
      ['section', `/sections/${encodeURIComponent('أمن')}`, 200],
      ['search with results', `/search?q=${encodeURIComponent(word)}`, 200],
      ['search, empty', '/search', 200],
      ['search, no results', `/search?q=${encodeURIComponent(uniqueArabicWord(9))}`, 200],
      ['404 of an article', '/articles/no-such-story', 404],
      ['404 of an unknown address', '/no-such-page', 404],
    ];
    for (const [what, path, status] of pages) {
      const response = await page.goto(path);
      expect(response?.status(), what).toBe(status);
      await expectNoAxeViolations(page, what);
      // One h1 per page.
      await expect(page.locator('h1'), what).toHaveCount(1);
    }
  });

  test('keyboard: the skip link comes first and moves to the content; focus is visible', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'انتقل إلى المحتوى' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    const outline = await skip.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await page.keyboard.press('Tab');
    const focusedInMain = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(focusedInMain).toBe(true);
  });
});

test('the article page preloads its font and does not shift as it loads (CLS ≈ 0)', async ({ page }) => {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const word = uniqueArabicWord();
  const story = await createStory({
    title: `خبر بلا إزاحة ${word}`,
    dek: 'موجز يمتد على سطر أو سطرين ليختبر تبديل الخط',
    paragraphs: Array.from({ length: 8 }, (_, index) => `فقرة ${index + 1} من نص الخبر ${word}، طويلة بما يكفي لتلتف على عدة أسطر في الشاشة.`),
  });
  await page.goto(`/articles/${encodeURIComponent(story.slug)}`, { waitUntil: 'load' });
  const preloads = await page.locator('link[rel="preload"][as="font"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(preloads.some((href) => href.endsWith('.woff2'))).toBe(true);
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
  // The web font did arrive (a shift-free page without it would prove nothing).
  expect(await page.evaluate(() => [...document.fonts].some((face) => face.status === 'loaded'))).toBe(true);
  const cls = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((sum, value) => sum + value, 0));
  console.log(`article page cumulative layout shift: ${cls.toFixed(4)}`);
  expect(cls).toBeLessThan(0.01);
});

/**
 * The issue's goal is at most 100 KB of gzipped JavaScript on the article page. The page is a Pages Router page that
 * ships no runtime JavaScript at all (pages/articles/[slug].tsx): it needs none, and the App Router cannot leave out
 * its client runtime (about 130 KB gzipped). Adding any script to it, or any editor code, fails here.
 */
const JAVASCRIPT_BUDGET_KB = 100;

/** Every script a page loads or names (module scripts it had not asked for yet included; `nomodule` polyfills not). */
async function scriptsOf(page: Page, path: string): Promise<Set<string>> {
  const scripts = new Set<string>();
  const listener = (req: Request) => {
    if (req.resourceType() === 'script') scripts.add(req.url());
  };
  page.on('request', listener);
  await page.goto(path, { waitUntil: 'networkidle' });
  page.off('request', listener);
  const named = await page.locator('script[src]:not([nomodule])').evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).src));
  for (const src of named) scripts.add(src);
  return scripts;
}

test('weight: no public page loads editor code, and the article page runs no JavaScript at all', async ({ page, request }) => {
  const articlePath = `/articles/${encodeURIComponent('القيادة-الوسطى-الأمريكية-تكشف-عن-مساعدة-عراقية-ضد-الهجمات-الصاروخية')}`;
  const editorMarkers = [/prosemirror/i, /tiptap/i];
  for (const path of ['/', '/search?q=بغداد', articlePath, `/entities/${encodeURIComponent('بغداد')}`]) {
    const scripts = await scriptsOf(page, path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    let gzipped = 0;
    let raw = 0;
    for (const url of scripts) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      const source = await response.body();
      const text = source.toString('utf8');
      for (const marker of editorMarkers) expect(marker.test(text), `${path}: ${url} contains ${marker}`).toBe(false);
      raw += source.length;
      gzipped += gzipSync(source, { level: 9 }).length;
    }
    const kb = gzipped / 1024;
    console.log(`${decodeURIComponent(path)}: JavaScript ${scripts.size} files, ${(raw / 1024).toFixed(1)} KB raw, ${kb.toFixed(1)} KB gzipped`);
    if (path === articlePath) {
      expect(kb).toBeLessThanOrEqual(JAVASCRIPT_BUDGET_KB);
      // Not a byte: the only script element is the JSON-LD data block.
      expect(scripts.size).toBe(0);
      const executable = await page.locator('script').evaluateAll((elements) => elements.filter((element) => (element as HTMLScriptElement).type !== 'application/ld+json').length);
      expect(executable).toBe(0);
    }
  }
});
