import 'server-only';
import { and, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db/client';
import { articleEntities, articleRevisions, articles, entities, sections } from '@/db/schema';
import { createEntityMatcher, type EntityMatcher } from '@/lib/entities';
import { normalizeArabic } from '@/lib/entities/normalize';
import { parseQuery, toTsQuerySource, type ParsedQuery } from '@/lib/search/search-text';
import { buildSnippet, highlightAll, type SnippetSegment } from '@/lib/search/snippet';
import { MAX_PAGE, type PublicSection } from './public-listings';

/**
 * Arabic full-text search over published articles.
 *
 * - Text: Postgres full-text search with the `arabic` configuration over `articles.search_text` (normalized text with
 *   each word's clitic readings, see lib/search/search-text.ts), through the GIN index `articles_search_idx`;
 *   ranked with ts_rank_cd (cover density), newest first among equals.
 * - Entities: when the whole query is an entity's name or one of its aliases (normalized, clitics allowed: «للسوداني»,
 *   «Sudani»), the articles tagged with that entity are results too, even where the text spells it differently.
 * - Readers see the published revision: titles, deks and snippets come from it (the article row when it has none).
 */

export const SEARCH_PER_PAGE = 10;

export type SearchResultItem = {
  id: string;
  slug: string;
  title: string;
  titleSegments: SnippetSegment[];
  snippet: SnippetSegment[];
  publishedAt: Date;
  section: PublicSection | null;
};

export type SearchOutcome =
  | { kind: 'empty' }
  | { kind: 'no_words'; text: string; truncated: boolean }
  | {
      kind: 'results';
      text: string;
      truncated: boolean;
      page: number;
      perPage: number;
      total: number;
      pageCount: number;
      items: SearchResultItem[];
      /** The entity the whole query names, when it does. */
      entity: { id: string; name: string; slug: string } | null;
    };

type MatcherCache = { fingerprint: string; matcher: EntityMatcher; names: Map<string, { name: string; slug: string }> };
const matcherCache = new WeakMap<Database, MatcherCache>();

/** A matcher over every live entity's name and aliases, rebuilt only when the registry changed. */
async function entityMatcherFor(db: Database): Promise<MatcherCache> {
  const [state] = await db
    .select({ count: sql<number>`count(*)::int`, latest: max(entities.updatedAt) })
    .from(entities)
    .where(isNull(entities.mergedIntoId));
  const fingerprint = `${state?.count ?? 0}:${state?.latest?.toISOString() ?? ''}`;
  const cached = matcherCache.get(db);
  if (cached && cached.fingerprint === fingerprint) return cached;
  const rows = await db
    .select({ id: entities.id, name: entities.name, slug: entities.slug, aliases: entities.aliases })
    .from(entities)
    .where(isNull(entities.mergedIntoId));
  const built: MatcherCache = {
    fingerprint,
    matcher: createEntityMatcher(rows.map((row) => ({ entityId: row.id, names: [row.name, ...row.aliases] }))),
    names: new Map(rows.map((row) => [row.id, { name: row.name, slug: row.slug }])),
  };
  matcherCache.set(db, built);
  return built;
}

const CLITIC_PREFIX = /^(?:[وف]?[بكل]?|[وف]?لل?)$/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** The entity whose name or alias is the whole query (after clitics), if any. */
async function entityNamedBy(db: Database, query: ParsedQuery): Promise<{ id: string; name: string; slug: string } | null> {
  const { matcher, names } = await entityMatcherFor(db);
  for (const match of matcher.findMatches(query.text)) {
    const before = normalizeArabic(query.text.slice(0, match.start)).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const after = query.text.slice(match.end);
    if (WORD_CHARACTER.test(after)) continue;
    if (before !== '' && (before.includes(' ') || !CLITIC_PREFIX.test(before))) continue;
    const entity = names.get(match.entityId);
    if (entity) return { id: match.entityId, ...entity };
  }
  return null;
}

/** Searches published articles. Never throws on user input: every query gets an outcome. */
export async function searchPublishedArticles(rawQuery: string, page: number): Promise<SearchOutcome> {
  const query = parseQuery(rawQuery);
  if (query.text === '') return { kind: 'empty' };
  if (query.words.length === 0) return { kind: 'no_words', text: query.text, truncated: query.truncated };
  const safePage = Math.min(Math.max(Math.trunc(page) || 1, 1), MAX_PAGE);
  const db = await getDb();
  const entity = await entityNamedBy(db, query);

  const tsQuery = sql`to_tsquery('arabic', ${toTsQuerySource(query)})`;
  const vector = sql`to_tsvector('arabic', ${articles.searchText})`;
  // Candidates: the GIN index for the text, the tag index for the entity; UNION keeps both index scans.
  const textMatches = sql`select ${articles.id} from ${articles} where ${vector} @@ ${tsQuery}`;
  const candidates = entity
    ? sql`${textMatches} union select ${articleEntities.articleId} from ${articleEntities} where ${articleEntities.entityId} = ${entity.id}`
    : textMatches;
  const tagged = entity
    ? sql`exists (select 1 from ${articleEntities} where ${articleEntities.articleId} = ${articles.id} and ${articleEntities.entityId} = ${entity.id})`
    : sql`false`;
  const rank = sql<number>`(ts_rank_cd(${vector}, ${tsQuery}) + case when ${tagged} then 0.5 else 0 end)`.mapWith(Number);

  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: sql<string>`coalesce(${articleRevisions.title}, ${articles.title})`,
      dek: sql<string>`coalesce(${articleRevisions.dek}, ${articles.dek})`,
      bodyText: sql<string>`coalesce(${articleRevisions.bodyText}, ${articles.bodyText})`,
      sectionId: sql<string | null>`coalesce(${articleRevisions.sectionId}, ${articles.sectionId})`,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      rank,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(articles)
    .leftJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(and(eq(articles.status, 'published'), sql`${articles.id} in (${candidates})`))
    .orderBy(desc(rank), desc(articles.publishedAt), desc(articles.id))
    .limit(SEARCH_PER_PAGE)
    .offset((safePage - 1) * SEARCH_PER_PAGE);

  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && safePage > 1) {
    // Past the last page: count without paging so the page can say how many there are.
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(articles)
      .where(and(eq(articles.status, 'published'), sql`${articles.id} in (${candidates})`));
    total = count?.n ?? 0;
  }

  const sectionIds = [...new Set(rows.map((row) => row.sectionId).filter((id): id is string => id !== null))];
  const sectionRows =
    sectionIds.length > 0
      ? await db.select({ id: sections.id, slug: sections.slug, name: sections.name }).from(sections).where(inArray(sections.id, sectionIds))
      : [];
  const sectionMap = new Map(sectionRows.map((row) => [row.id, row]));

  const items = rows.map((row): SearchResultItem => {
    let snippet = buildSnippet(row.bodyText, query);
    if (!snippet.some((segment) => segment.highlight) && row.dek) {
      const fromDek = buildSnippet(row.dek, query);
      if (fromDek.some((segment) => segment.highlight) || snippet.length === 0) snippet = fromDek;
    }
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      titleSegments: highlightAll(row.title, query),
      snippet,
      publishedAt: row.publishedAt ?? row.updatedAt,
      section: row.sectionId ? (sectionMap.get(row.sectionId) ?? null) : null,
    };
  });

  return {
    kind: 'results',
    text: query.text,
    truncated: query.truncated,
    page: safePage,
    perPage: SEARCH_PER_PAGE,
    total,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PER_PAGE)),
    items,
    entity,
  };
}
