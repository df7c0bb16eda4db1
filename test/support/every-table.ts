import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/open-database';
import {
  articleEntities,
  articleRevisions,
  articles,
  auditEvents,
  comments,
  entities,
  notifications,
  sections,
  signInThrottles,
  slugRedirects,
  users,
} from '../../db/schema';
import { seedDatabase } from '../../db/seed';

/**
 * Seeds the demo content and writes at least one row in every table, with awkward values (Arabic, quotes, NULs
 * refused by Postgres aside, JSON, arrays, timestamps with microseconds), for backup round-trips.
 */
export async function writeRowsInEveryTable(db: Database): Promise<void> {
  await seedDatabase(db, { demoMode: true });
  const [writer] = await db.select().from(users).where(eq(users.email, 'writer@example.com'));
  const [editor] = await db.select().from(users).where(eq(users.email, 'editor@example.com'));
  const [article] = await db.select().from(articles).limit(1);
  const [section] = await db.select().from(sections).limit(1);
  const [entity] = await db.select().from(entities).limit(1);
  if (!writer || !editor || !article || !section || !entity) throw new Error('seed incomplete');

  await db.transaction(async (tx) => {
    const [revision] = await tx
      .insert(articleRevisions)
      .values({
        articleId: article.id,
        // The seed already holds the published revision of the current version: this one is the next.
        version: article.version + 1,
        title: article.title,
        dek: `«${article.dek}» — "مقتبس" 'single'`,
        slug: article.slug,
        sectionId: section.id,
        body: article.body,
        bodyText: article.bodyText,
        authorId: writer.id,
        publishedAt: sql`'2024-01-05 09:00:00.123456+00'::timestamptz`,
        noteKind: 'correction',
        noteText: 'صُحّح اسم المتحدث',
      })
      .returning({ id: articleRevisions.id });
    await tx
      .update(articles)
      .set({ publishedRevisionId: revision!.id, version: article.version + 1 })
      .where(eq(articles.id, article.id));
    await tx.insert(slugRedirects).values({ kind: 'article', oldSlug: 'الرابط-القديم', targetId: article.id });
    await tx.insert(articleEntities).values({ articleId: article.id, entityId: entity.id, mentionCount: 3 }).onConflictDoNothing();
    await tx.update(entities).set({ aliases: ['اسم آخر', 'Other "name"', ''], wikidataId: 'Q1530' }).where(eq(entities.id, entity.id));
    const [comment] = await tx
      .insert(comments)
      .values({ articleId: article.id, authorId: editor.id, body: 'هل المصدر موثوق؟', anchor: { quote: 'بغداد', from: 3, to: 8 } })
      .returning({ id: comments.id });
    await tx.insert(comments).values({ articleId: article.id, parentId: comment!.id, authorId: writer.id, body: 'نعم، بيان رسمي.' });
    await tx.insert(notifications).values({ userId: writer.id, kind: 'comment', articleId: article.id, actorId: editor.id, message: 'علّق علي المحرر' });
    await tx.insert(auditEvents).values({
      action: 'publish',
      actorId: editor.id,
      articleId: article.id,
      fromStatus: 'approved',
      toStatus: 'published',
      details: { nested: { list: [1, 'two', null] } },
      ip: '192.0.2.1',
    });
    await tx.insert(signInThrottles).values({ key: 'account:someone@example.com', failures: 4, lockedUntil: sql`now() + interval '4 seconds'` });
  });
}

/** Every table of the database (our schema and drizzle's migrations journal), with its primary-key columns. */
export async function listTables(db: Database): Promise<Array<{ schema: string; table: string; key: string[] }>> {
  const rows = await db.execute<{ table_schema: string; table_name: string; key: string[] | string }>(sql`
    select t.table_schema, t.table_name,
      coalesce(array_agg(k.column_name::text order by k.ordinal_position) filter (where k.column_name is not null), '{}') as key
    from information_schema.tables t
    left join information_schema.table_constraints c
      on c.table_schema = t.table_schema and c.table_name = t.table_name and c.constraint_type = 'PRIMARY KEY'
    left join information_schema.key_column_usage k
      on k.constraint_schema = c.constraint_schema and k.constraint_name = c.constraint_name
    where t.table_type = 'BASE TABLE' and t.table_schema not in ('pg_catalog', 'information_schema')
    group by t.table_schema, t.table_name
    order by 1, 2`);
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: typeof rows }).rows;
  return (list as Array<{ table_schema: string; table_name: string; key: string[] | string }>).map((row) => ({
    schema: row.table_schema,
    table: row.table_name,
    key: Array.isArray(row.key) ? row.key : String(row.key).replace(/^\{|\}$/g, '').split(',').filter(Boolean),
  }));
}

/** Every row of every table as JSON text, in primary-key order: equal snapshots mean equal databases. */
export async function snapshotEveryTable(db: Database): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const { schema, table, key } of await listTables(db)) {
    const order = key.length > 0 ? key.map((column) => sql.identifier(column)) : [sql.raw('1')];
    const result = await db.execute<{ row: string }>(
      sql`select to_jsonb(t)::text as row from ${sql.identifier(schema)}.${sql.identifier(table)} t order by ${sql.join(order, sql`, `)}`,
    );
    const rows = Array.isArray(result) ? result : (result as unknown as { rows: Array<{ row: string }> }).rows;
    snapshot[`${schema}.${table}`] = (rows as Array<{ row: string }>).map((row) => row.row);
  }
  return snapshot;
}
