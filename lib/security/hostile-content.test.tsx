/**
 * Hostile content, property-based (fast-check): entity names and descriptions, article titles and deks, comments,
 * slugs, search queries and feed items made of attack strings and arbitrary Unicode (control characters, lone
 * surrogates, `]]>`) come out escaped everywhere they are shown:
 * - the public entity page and the search results page, rendered with react-dom/server from the real page components
 *   over a database seeded with the hostile rows, and the newsroom's comments panel: no `<script`, no event-handler
 *   attribute, no javascript:/vbscript:/data: URL in any href/src/action;
 * - RSS, Atom, the sitemap and the news sitemap: well-formed XML (fast-xml-parser's validator) with one item per story
 *   and the hostile text as text;
 * - JSON-LD never closes its script element; slugs and public paths carry no markup.
 * (The article body renderer has its own fuzz test: lib/content/fuzz.test.ts.)
 */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderToString } from 'react-dom/server';
import type { ReactElement } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { articleEntities, articles } from '@/db/schema';
import { documentFromParagraphs, extractPlainText } from '@/lib/content';
import { buildAtom, buildRss, type FeedItem } from '@/lib/public/feeds';
import { buildNewsSitemap, buildSitemap } from '@/lib/public/sitemaps';
import { articlePath, entityPath, sectionPath } from '@/lib/public/urls';
import { searchTextFor } from '@/lib/search/search-text';
import { serializeJsonLd } from '@/lib/seo/json-ld';
import { isValidSlug, slugify } from '@/lib/text/slug';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { createTestUser } from '@/test/support/workflow-fixtures';

// Public pages call connection() to render per request; outside Next there is no request scope to ask.
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  connection: async () => undefined,
}));


vi.mock('next/navigation', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/navigation')>()),
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));
vi.mock('@/app/(newsroom)/newsroom/articles/[id]/workflow-actions', () => ({
  addCommentAction: async () => ({ ok: true, data: { id: 'x' } }),
  setCommentResolvedAction: async () => ({ ok: true, data: null }),
}));

const { CommentsPanel } = await import('@/components/workflow/comments-panel');
const { default: EntityPage } = await import('@/app/(public)/entities/[slug]/page');
const { default: SearchPage } = await import('@/app/(public)/search/page');
const { createEntityForActor } = await import('@/lib/data/entities');

// ── Hostile strings ─────────────────────────────────────────────────────────

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<a href="javascript:alert(1)">انقر</a>',
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '<!--',
  ']]>',
  '<![CDATA[x]]>',
  '&lt;script&gt;',
  '&#60;script&#62;',
  '{{constructor.constructor("alert(1)")()}}',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<body onload=alert(1)>',
  '\u202Egnp.exe',
  '\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF',
  '\uD800',
  'بغداد <b>عاجل</b>',
];

const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...PAYLOADS), fc.string({ unit: 'binary', maxLength: 10 })).map((parts) => parts.join('')) },
);
/** Hostile, and never empty after trimming (names are required). */
const hostileName = hostile.map((value) => `س ${value}`.slice(0, 180));
/**
 * What Postgres can store: everything but NUL (a NUL is refused with validation_failed and nothing written, see
 * lib/data/input-limits.test.ts). The pages are rendered from stored rows, so their hostile text is this.
 */
const storable = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((value) => wellFormed(value).replace(/\u0000/g, ''));
/** Lone surrogates replaced (as UTF-8 decoding of a request does; a JSON body's `\ud800` is refused on save). */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
/** Slugs as stored: what slugify makes of anything (never empty). */
const storedSlug = (value: string) => slugify(value) || 'x';

// ── What rendered HTML must never contain ───────────────────────────────────

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** JSON-LD data blocks: the one kind of script element a page may carry (never executed). */
const JSON_LD_BLOCK = /<script type="application\/ld\+json">([^<]*)<\/script>/g;

/**
 * Asserts that `html` has no executable script element, no event-handler attribute and no script URL. JSON-LD blocks
 * are allowed when their content cannot end the element (no `<` at all: serializeJsonLd escapes it) and is valid JSON.
 */
function expectInert(html: string): void {
  for (const block of html.matchAll(JSON_LD_BLOCK)) {
    expect(() => JSON.parse(decodeEntities(block[1]!))).not.toThrow();
  }
  html = html.replace(JSON_LD_BLOCK, '');
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(iframe|object|embed|svg|img|body)\b/i);
  for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) {
    // Attribute values are quoted by React, with any " inside escaped: drop them to look at the attribute names only.
    const names = tag.replace(/"[^"]*"/g, '""');
    expect(names, tag).not.toMatch(/\son[a-z]+\s*=/i);
    for (const match of tag.matchAll(/\s(href|src|action|formaction|xlink:href)="([^"]*)"/gi)) {
      const url = decodeEntities(match[2]!).replace(/[\u0000-\u0020\u007F-\u009F]/g, '').toLowerCase();
      expect(url, tag).not.toMatch(/^(javascript|vbscript|data):/);
    }
  }
}

const render = (element: ReactElement) => renderToString(element);

// ── Pages over hostile rows ─────────────────────────────────────────────────

describe.each(testDrivers())('hostile rows on the public pages (%s)', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let authorId: string;
  let admin: Awaited<ReturnType<typeof createTestUser>>;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    admin = await createTestUser(handle.db, 'admin');
    authorId = (await createTestUser(handle.db, 'writer')).id;
  });
  afterAll(async () => dispose());

  let sequence = 0;
  async function publishStory(title: string, dek: string, paragraph: string): Promise<{ id: string; slug: string }> {
    const slug = `story-${sequence++}-${Date.now().toString(36)}`;
    const body = documentFromParagraphs([paragraph]);
    const bodyText = extractPlainText(body);
    const [row] = await handle.db
      .insert(articles)
      .values({
        title,
        dek,
        slug,
        body,
        bodyText,
        searchText: searchTextFor({ title, dek, bodyText }),
        status: 'published',
        authorId,
        publishedAt: new Date(),
      })
      .returning({ id: articles.id });
    return { id: row!.id, slug };
  }

  it('the entity page escapes hostile entity names, descriptions, article titles and deks', async () => {
    await fc.assert(
      fc.asyncProperty(storable(hostileName), storable(hostile), storable(hostileName), storable(hostile), async (name, description, title, dek) => {
        const entity = await createEntityForActor(admin, { type: 'person', name, description: description.slice(0, 1500), aliases: [] });
        const story = await publishStory(title, dek, `خبر عن ${name}`);
        await handle.db.insert(articleEntities).values({ articleId: story.id, entityId: entity.id, mentionCount: 1 });
        expect(isValidSlug(entity.slug)).toBe(true);
        const tree = await EntityPage({ params: Promise.resolve({ slug: entity.slug }), searchParams: Promise.resolve({}) });
        const html = render(tree);
        expectInert(html);
        expect(html).toContain(`href="/articles/${story.slug}"`);
      }),
      { numRuns: 20 },
    );
  });

  it('the search results page escapes the query, titles, snippets and highlighted words', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, storable(hostile), storable(hostile), async (query, title, paragraph) => {
        const word = `كلمة${sequence}`;
        await publishStory(`${word} ${title}`, '', `${paragraph} ${word} ${query}`);
        for (const q of [query, `${word} ${query}`]) {
          const tree = await SearchPage({ searchParams: Promise.resolve({ q: q.slice(0, 300) }) });
          expectInert(render(tree));
        }
      }),
      { numRuns: 20 },
    );
  });
});

// ── The comments panel ──────────────────────────────────────────────────────

describe('the comments panel', () => {
  it('escapes hostile comment bodies, author names and anchored quotes', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (body, authorName, quote, reply) => {
        const comment = {
          id: '00000000-0000-4000-8000-000000000001',
          parentId: null,
          authorName,
          mine: true,
          body,
          anchor: { quote, from: 1, to: 5 },
          createdAt: new Date('2026-01-01T10:00:00Z'),
          resolvedAt: null,
          resolvedByName: null,
          replies: [
            {
              id: '00000000-0000-4000-8000-000000000002',
              parentId: '00000000-0000-4000-8000-000000000001',
              authorName: reply,
              mine: false,
              body: reply,
              anchor: null,
              createdAt: new Date('2026-01-01T11:00:00Z'),
              resolvedAt: new Date('2026-01-01T12:00:00Z'),
              resolvedByName: authorName,
              replies: [],
            },
          ],
        };
        const html = render(
          <CommentsPanel articleId="00000000-0000-4000-8000-0000000000aa" comments={[comment]} canComment selection={{ quote, from: 1, to: 5 }} />,
        );
        expectInert(html);
      }),
      { numRuns: 200 },
    );
  });
});

// ── Feeds, sitemaps, JSON-LD, slugs ─────────────────────────────────────────

const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false });

function expectWellFormed(xml: string): void {
  const verdict = XMLValidator.validate(xml);
  expect(verdict, typeof verdict === 'object' ? JSON.stringify(verdict.err) + '\n' + xml.slice(0, 2000) : '').toBe(true);
  expect(xml).not.toMatch(/<script/i);
  // Nothing XML 1.0 forbids survives.
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
}

const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
const feedItem = fc.record({
  title: hostile,
  slug: hostile,
  summary: hostile,
  authorName: hostile,
  category: fc.option(hostile, { nil: undefined }),
  publishedAt: date,
  modifiedAt: date,
});

describe('feeds and sitemaps stay well-formed XML', () => {
  it('RSS and Atom for arbitrary Unicode in every text field', () => {
    fc.assert(
      fc.property(hostile, hostile, fc.array(feedItem, { maxLength: 6 }), (title, description, raw) => {
        const items: FeedItem[] = raw.map((item) => ({ ...item, url: `https://news.example${articlePath(storedSlug(item.slug))}` }));
        const channel = {
          title,
          description,
          siteUrl: 'https://news.example/',
          selfUrl: `https://news.example${sectionPath(storedSlug(title))}/feed.xml`,
          language: 'ar',
          items,
        };
        const rss = buildRss(channel);
        expectWellFormed(rss);
        const rssItems = parser.parse(rss).rss.channel.item;
        expect(rssItems === undefined ? 0 : Array.isArray(rssItems) ? rssItems.length : 1).toBe(items.length);
        const atom = buildAtom(channel);
        expectWellFormed(atom);
        const entries = parser.parse(atom).feed.entry;
        expect(entries === undefined ? 0 : Array.isArray(entries) ? entries.length : 1).toBe(items.length);
      }),
      { numRuns: 300 },
    );
  });

  it('the sitemap and the news sitemap', () => {
    fc.assert(
      fc.property(hostile, fc.array(fc.record({ slug: hostile, title: hostile, at: date }), { maxLength: 6 }), (name, entries) => {
        expectWellFormed(buildSitemap(entries.map((entry) => ({ url: `https://news.example${entityPath(storedSlug(entry.slug))}`, modifiedAt: entry.at }))));
        expectWellFormed(
          buildNewsSitemap(
            { name, language: 'ar' },
            entries.map((entry) => ({ url: `https://news.example${articlePath(storedSlug(entry.slug))}`, title: entry.title, publishedAt: entry.at })),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('JSON-LD, slugs and paths', () => {
  it('JSON-LD never ends its script element or opens a comment, and still parses to the same data', () => {
    fc.assert(
      fc.property(hostile, hostile, (headline, name) => {
        const data = { '@type': 'NewsArticle', headline, about: [{ '@type': 'Person', name }] };
        const json = serializeJsonLd(data);
        expect(json).not.toMatch(/<\/script/i);
        expect(json).not.toMatch(/<!--/);
        expect(json).not.toContain('<');
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)));
      }),
      { numRuns: 300 },
    );
  });

  it('slugify makes a valid slug (or nothing) of anything, and public paths encode every slug', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const slug = slugify(value);
        if (slug !== '') expect(isValidSlug(slug)).toBe(true);
        expect(slug).not.toMatch(/[<>"'&\s:/\\]/);
        const text = wellFormed(value);
        for (const path of [articlePath(text), sectionPath(text), entityPath(text), articlePath(slug)]) {
          expect(path).toMatch(/^\/(articles|sections|entities)\/[A-Za-z0-9%\-_.!~*'()]*$/);
        }
      }),
      { numRuns: 500 },
    );
  });
});
