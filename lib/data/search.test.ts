import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { articleEntities, articleRevisions, articles, entities, users } from '@/db/schema';
import { backfillSearchText } from '@/db/search-backfill';
import { SAMPLE_ARTICLE, seedDatabase } from '@/db/seed';
import { documentFromPlainText } from '@/lib/content';
import { searchTextFor, MAX_QUERY_LENGTH } from '@/lib/search/search-text';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { searchPublishedArticles, SEARCH_PER_PAGE, type SearchOutcome } from './search';

function titlesOf(outcome: SearchOutcome): string[] {
  return outcome.kind === 'results' ? outcome.items.map((item) => item.title) : [];
}

function highlighted(outcome: SearchOutcome, title: string): string[] {
  if (outcome.kind !== 'results') return [];
  const item = outcome.items.find((candidate) => candidate.title === title);
  return (item?.snippet ?? []).filter((segment) => segment.highlight).map((segment) => segment.text);
}

describe.each(testDrivers())('Arabic search on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let authorId: string;
  let counter = 0;

  async function publish(input: { title: string; dek?: string; body: string; status?: 'published' | 'draft'; publishedAt?: Date }) {
    const dek = input.dek ?? '';
    const [row] = await handle.db
      .insert(articles)
      .values({
        slug: `search-test-${counter++}`,
        title: input.title,
        dek,
        body: documentFromPlainText(input.body),
        bodyText: input.body,
        searchText: searchTextFor({ title: input.title, dek, bodyText: input.body }),
        status: input.status ?? 'published',
        authorId,
        publishedAt: input.publishedAt ?? new Date('2024-03-01T00:00:00Z'),
      })
      .returning({ id: articles.id });
    return row!.id;
  }

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    await seedDatabase(handle.db, { demoMode: true });
    const [writer] = await handle.db.select().from(users).where(eq(users.email, 'writer@example.com'));
    authorId = writer!.id;
    await publish({
      title: 'زيارة رسمية إلى بغداد',
      body: 'وصل الوزير إلى بغداد صباح اليوم في زيارة تستغرق يومين.',
    });
    await publish({
      title: 'اتفاق اقتصادي جديد',
      body: 'وقّع العراقُ والأردن اتفاقًا لتصدير النفط، وقال مسؤول إن الاتفاق يخدم العراق والمنطقة.',
    });
    await publish({
      title: 'قرار من الأمم المتحدة',
      body: 'أصدرت الأمم المتحدة قرارًا جديدًا بشأن اللاجئين في المنطقة.',
    });
    await publish({ title: 'مسودة عن بغداد لم تنشر', body: 'نص مسودة يذكر بغداد والعراق.', status: 'draft' });
  });
  afterAll(async () => dispose());

  it('finds the seeded sample article, with the words of the query highlighted as written', async () => {
    const outcome = await searchPublishedArticles('السوداني', 1);
    expect(titlesOf(outcome)).toContain(SAMPLE_ARTICLE.title);
    expect(highlighted(outcome, SAMPLE_ARTICLE.title).length).toBeGreaterThan(0);
    for (const text of highlighted(outcome, SAMPLE_ARTICLE.title)) expect(text).toContain('السوداني');
  });

  it('finds a story by a query with attached clitics (وبغداد, للعراق) and a text with them (والعراق)', async () => {
    expect(titlesOf(await searchPublishedArticles('وبغداد', 1))).toContain('زيارة رسمية إلى بغداد');
    expect(titlesOf(await searchPublishedArticles('ببغداد', 1))).toContain('زيارة رسمية إلى بغداد');
    expect(titlesOf(await searchPublishedArticles('للعراق', 1))).toContain('اتفاق اقتصادي جديد');
    expect(titlesOf(await searchPublishedArticles('فالعراق', 1))).toContain('اتفاق اقتصادي جديد');
    // The text has «والعراق»-like forms only with harakat: «العراقُ»; a bare query finds it and highlights it as written.
    const outcome = await searchPublishedArticles('العراق', 1);
    expect(titlesOf(outcome)).toContain('اتفاق اقتصادي جديد');
    expect(highlighted(outcome, 'اتفاق اقتصادي جديد')).toEqual(['العراقُ', 'العراق']);
  });

  it('finds a story whatever the hamza, taa marbuta and yaa forms of the query', async () => {
    for (const query of ['الامم المتحده', 'الأمم المتّحدة', 'للامم المتحدة', 'اللاجئين']) {
      expect(titlesOf(await searchPublishedArticles(query, 1)), query).toContain('قرار من الأمم المتحدة');
    }
    const yaa = await searchPublishedArticles('مصطفي', 1);
    const yaaWithAlefMaqsura = await searchPublishedArticles('مصطفى', 1);
    expect(titlesOf(yaa)).toEqual(titlesOf(yaaWithAlefMaqsura));
  });

  it('finds the stories of an entity by one of its aliases, even where the text does not use that alias', async () => {
    const [entity] = await handle.db
      .insert(entities)
      .values({ type: 'person', name: 'مقتدى الصدر', slug: 'search-test-sadr', aliases: ['Muqtada al-Sadr'] })
      .returning({ id: entities.id });
    const articleId = await publish({ title: 'بيان سياسي مقتضب', body: 'أصدر زعيم التيار بيانًا مقتضبًا.' });
    await handle.db.insert(articleEntities).values({ articleId, entityId: entity!.id, mentionCount: 1 });
    const outcome = await searchPublishedArticles('muqtada al-sadr', 1);
    expect(outcome.kind === 'results' && outcome.entity?.slug).toBe('search-test-sadr');
    expect(titlesOf(outcome)).toContain('بيان سياسي مقتضب');
    // With a clitic before the canonical name, too.
    expect(titlesOf(await searchPublishedArticles('لمقتدى الصدر', 1))).toContain('بيان سياسي مقتضب');
  });

  it('never returns an unpublished article, and stops returning one as soon as it is unpublished', async () => {
    expect(titlesOf(await searchPublishedArticles('مسودة', 1))).toEqual([]);
    const id = await publish({ title: 'خبر سيسحب قريبا', body: 'كلمة-فريدة-للسحب زرقاء.' });
    expect(titlesOf(await searchPublishedArticles('زرقاء', 1))).toEqual(['خبر سيسحب قريبا']);
    await handle.db.update(articles).set({ status: 'unpublished' }).where(eq(articles.id, id));
    expect(titlesOf(await searchPublishedArticles('زرقاء', 1))).toEqual([]);
  });

  it('shows the published revision, not the working copy, of a published article', async () => {
    const id = await publish({ title: 'العنوان المنشور عن الكهرباء', body: 'أزمة الكهرباء في الصيف.' });
    const [revision] = await handle.db
      .insert(articleRevisions)
      .values({
        articleId: id,
        version: 1,
        title: 'العنوان المنشور عن الكهرباء',
        dek: '',
        slug: 'search-test-revision',
        body: documentFromPlainText('أزمة الكهرباء في الصيف.'),
        bodyText: 'أزمة الكهرباء في الصيف.',
        authorId,
        publishedAt: new Date('2024-03-01T00:00:00Z'),
      })
      .returning({ id: articleRevisions.id });
    // The working copy moves on (a draft edit); search_text is left as published, as the data layer does.
    await handle.db
      .update(articles)
      .set({ publishedRevisionId: revision!.id, title: 'عنوان مسودة سري', bodyText: 'نص سري غير منشور عن الكهرباء' })
      .where(eq(articles.id, id));
    const outcome = await searchPublishedArticles('الكهرباء', 1);
    expect(titlesOf(outcome)).toContain('العنوان المنشور عن الكهرباء');
    expect(titlesOf(outcome)).not.toContain('عنوان مسودة سري');
    const item = outcome.kind === 'results' ? outcome.items.find((candidate) => candidate.id === id) : undefined;
    expect(item?.snippet.map((segment) => segment.text).join('')).toBe('أزمة الكهرباء في الصيف');
  });

  it('ranks, paginates, and answers past the last page with the total', async () => {
    for (let index = 0; index < SEARCH_PER_PAGE + 2; index++) {
      await publish({
        title: `نشرة الطقس رقم ${index}`,
        body: index === 0 ? 'الأمطار الأمطار الأمطار غزيرة، والأمطار مستمرة.' : 'طقس معتدل مع فرصة أمطار خفيفة.',
        publishedAt: new Date(Date.UTC(2024, 4, 1 + index)),
      });
    }
    const first = await searchPublishedArticles('أمطار', 1);
    expect(first.kind === 'results' && first.total).toBe(SEARCH_PER_PAGE + 2);
    expect(first.kind === 'results' && first.pageCount).toBe(2);
    expect(titlesOf(first)[0]).toBe('نشرة الطقس رقم 0');
    const second = await searchPublishedArticles('أمطار', 2);
    expect(titlesOf(second)).toHaveLength(2);
    expect(new Set([...titlesOf(first), ...titlesOf(second)]).size).toBe(SEARCH_PER_PAGE + 2);
    const beyond = await searchPublishedArticles('أمطار', 9);
    expect(beyond.kind === 'results' && [beyond.items.length, beyond.total]).toEqual([0, SEARCH_PER_PAGE + 2]);
  });

  it('answers empty, whitespace-only, punctuation-only, very long and hostile queries without an error', async () => {
    expect(await searchPublishedArticles('', 1)).toEqual({ kind: 'empty' });
    expect(await searchPublishedArticles(' \t\n ', 1)).toEqual({ kind: 'empty' });
    expect(await searchPublishedArticles('؟!،…"\'&|<>():*', 1)).toMatchObject({ kind: 'no_words' });
    const long = await searchPublishedArticles('بغداد '.repeat(200), 1);
    expect(long).toMatchObject({ kind: 'results', truncated: true });
    expect(long.kind === 'results' && long.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(titlesOf(long)).toContain('زيارة رسمية إلى بغداد');
    for (const hostile of ["بغداد' | !", 'a & b | !c', "'); drop table articles; --", '\u0000بغداد\u202e']) {
      const outcome = await searchPublishedArticles(hostile, 1);
      expect(['results', 'no_words']).toContain(outcome.kind);
    }
  });

  it('fills the search text of published articles that have none', async () => {
    const [row] = await handle.db
      .insert(articles)
      .values({
        slug: 'search-test-backfill',
        title: 'خبر قديم عن السدود',
        body: documentFromPlainText('تراجع منسوب المياه في السدود.'),
        bodyText: 'تراجع منسوب المياه في السدود.',
        status: 'published',
        authorId,
        publishedAt: new Date('2023-01-01T00:00:00Z'),
      })
      .returning({ id: articles.id });
    expect(titlesOf(await searchPublishedArticles('السدود', 1))).toEqual([]);
    expect(await backfillSearchText(handle.db)).toBeGreaterThanOrEqual(1);
    expect(titlesOf(await searchPublishedArticles('سدود', 1))).toEqual(['خبر قديم عن السدود']);
    expect(row).toBeDefined();
  });
});
