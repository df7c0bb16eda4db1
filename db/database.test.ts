import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFreshDatabase, testDrivers } from '../test/support/test-database';
import type { DatabaseHandle } from './open-database';
import { articles, entities, users } from './schema';
import { DEFAULT_SECTIONS, DEMO_ACCOUNTS, isEmptyDatabase, readSeedRegistry, SAMPLE_ARTICLE, seedDatabase } from './seed';
import { setDatabaseHandle } from './client';
import { authenticateWithPassword } from '../lib/data/users';
import { getPublishedArticleBySlug, listPublishedArticles } from '../lib/data/public-articles';
import { slugify } from '../lib/text/slug';

describe.each(testDrivers())('database on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
  });
  afterAll(async () => dispose());

  it('applies the migrations, and applying them again changes nothing', async () => {
    await handle.migrate();
    const tables = await handle.db
      .select({ name: sql<string>`table_name` })
      .from(sql`information_schema.tables`)
      .where(sql`table_schema = 'public'`);
    const names = tables.map((row) => row.name);
    expect(names).toEqual(expect.arrayContaining(['users', 'articles', 'entities', 'article_entities']));
    expect(await isEmptyDatabase(handle.db)).toBe(true);
  });

  it('seeds the demo accounts, the registry and the sample article, and a second seed changes nothing', async () => {
    const first = await seedDatabase(handle.db, { demoMode: true });
    expect(first).toEqual({ users: DEMO_ACCOUNTS.length + 1, sections: DEFAULT_SECTIONS.length, entities: readSeedRegistry().length, articles: 1 });
    const second = await seedDatabase(handle.db, { demoMode: true });
    expect(second).toEqual({ users: 0, sections: 0, entities: 0, articles: 0 });
    const [userCount] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(userCount?.n).toBe(DEMO_ACCOUNTS.length + 1);
    const [entityCount] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(entities);
    expect(entityCount?.n).toBe(23);
  });

  it('stores the sample article as a published article with an Arabic slug and its paragraphs', async () => {
    const [row] = await handle.db.select().from(articles).where(eq(articles.slug, slugify(SAMPLE_ARTICLE.title)));
    expect(row?.status).toBe('published');
    expect(row?.slug).toMatch(/^[\u0600-\u06FF-]+$/);
    expect(row?.body.content?.length).toBeGreaterThan(10);
    expect(row?.bodyText).toContain('وأكد السوداني');
    expect(row?.publishedAt?.toISOString()).toBe('2024-01-05T09:00:00.000Z');
  });

  it('lists published articles newest first and finds one by slug, never an unpublished one', async () => {
    const [author] = await handle.db.select().from(users).where(eq(users.email, 'writer@example.com'));
    await handle.db.insert(articles).values([
      { slug: 'مسودة', title: 'مسودة', body: { type: 'doc', content: [] }, authorId: author!.id, status: 'draft' },
      {
        slug: 'خبر-أحدث',
        title: 'خبر أحدث',
        body: { type: 'doc', content: [] },
        authorId: author!.id,
        status: 'published',
        publishedAt: new Date('2024-02-01T00:00:00Z'),
      },
    ]);
    const list = await listPublishedArticles();
    expect(list.map((article) => article.slug)).toEqual(['خبر-أحدث', slugify(SAMPLE_ARTICLE.title)]);
    expect(await getPublishedArticleBySlug('مسودة')).toBeNull();
    expect(await getPublishedArticleBySlug('لا-يوجد')).toBeNull();
    const sample = await getPublishedArticleBySlug(slugify(SAMPLE_ARTICLE.title));
    expect(sample && 'authorName' in sample ? sample.authorName : null).toBe('بغداد اليوم');
  });

  it('signs in a demo account with its password only, and the same answer for an unknown email', async () => {
    const ok = await authenticateWithPassword(' Editor@Example.com ', 'midad-demo');
    expect(ok.ok && ok.actor.role).toBe('editor');
    expect(await authenticateWithPassword('editor@example.com', 'wrong-password')).toEqual({ ok: false, code: 'invalid_credentials' });
    expect(await authenticateWithPassword('nobody@example.com', 'midad-demo')).toEqual({ ok: false, code: 'invalid_credentials' });
    // The wire author exists but cannot sign in.
    expect((await authenticateWithPassword('wire@baghdadtoday.invalid', 'midad-demo')).ok).toBe(false);
  });

  it('refuses a disabled account', async () => {
    await handle.db.update(users).set({ disabled: true }).where(eq(users.email, 'writer@example.com'));
    expect(await authenticateWithPassword('writer@example.com', 'midad-demo')).toEqual({ ok: false, code: 'account_disabled' });
  });

  it('seeds no demo accounts outside demo mode', async () => {
    const fresh = await openFreshDatabase(driver);
    try {
      await seedDatabase(fresh.handle.db, { demoMode: false });
      const emails = (await fresh.handle.db.select({ email: users.email }).from(users)).map((row) => row.email);
      expect(emails).toEqual(['wire@baghdadtoday.invalid']);
      const published = await fresh.handle.db.select().from(articles);
      expect(published).toHaveLength(1);
    } finally {
      await fresh.dispose();
    }
  });
});
