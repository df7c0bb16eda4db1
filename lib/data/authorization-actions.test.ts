/**
 * The authorization matrix, part two (part one, lib/data/authorization-matrix.test.ts, covers the workflow, comments,
 * history, notifications and user administration): the editor's actions (save, slug check, new article), sections,
 * the entity registry, the account page, the keep-alive save route and the audit trail × anonymous, the article's
 * author (a writer), another writer, an editor and an admin. A refused call must change nothing: every table the
 * newsroom writes is compared before and after. The signed-in person is mocked at lib/auth/current-user (the session
 * layer); everything below it is real.
 *
 * The guard at the end reads every 'use server' file and every route handler that accepts writes under app/: a new
 * action (or a new writing route) that is in neither matrix fails the run until someone adds its rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { articles, entities } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/data/users';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { signInAs } from '@/test/support/signed-in-actor';
import { createTestArticle, snapshotTables } from '@/test/support/workflow-fixtures';
import type { ArticleState } from '@/lib/workflow/states';
import { createMatrixPeople, expectOutcome } from '@/test/support/authorization-outcome';

vi.mock('@/lib/auth/current-user', () => import('@/test/support/signed-in-actor'));
// Outside a Next request there is no request header store and no cache to revalidate.
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.7' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined }));

const editorActions = await import('@/app/(newsroom)/newsroom/articles/[id]/actions');
const newArticleActions = await import('@/app/(newsroom)/newsroom/articles/new/actions');
const sectionActions = await import('@/app/(newsroom)/newsroom/sections/actions');
const entityActions = await import('@/app/(newsroom)/newsroom/entities/actions');
const accountActions = await import('@/app/(newsroom)/newsroom/account/actions');
const saveRoute = await import('@/app/api/articles/[id]/save/route');
const audit = await import('@/lib/data/audit');
const articleEditing = await import('@/lib/data/article-editing');

type Who = 'anonymous' | 'author' | 'otherWriter' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'author', 'otherWriter', 'editor', 'admin'];
/** 'ok': done (something changed); 'unchanged': accepted, nothing written (reads); else the refusal code. */
type Expected = 'ok' | 'unchanged' | string;
type Outcome = { ok: boolean; error?: { code: string } };

type Fixture = { articleId: string; version: number; body: unknown; slug: string; entityA: string; entityB: string };
type Cell = { status: ArticleState; call: (f: Fixture) => Promise<Outcome> };

const ORIGIN = 'http://newsroom.test';

/** A server action that redirects on success (next/navigation's redirect throws): the redirect counts as ok. */
async function redirecting(call: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await call();
  } catch (error) {
    if (String((error as { digest?: unknown }).digest ?? '').startsWith('NEXT_REDIRECT')) return { ok: true };
    throw error;
  }
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

function saveInput(f: Fixture, title = 'عنوان بعد الحفظ') {
  return { id: f.articleId, expectedVersion: f.version, title, dek: 'موجز', slug: f.slug, sectionId: null, body: f.body };
}

/** POST to the keep-alive save route as the browser would, with our own origin unless told otherwise. */
async function postSave(f: Fixture, options: { origin?: string; body?: string } = {}): Promise<Outcome> {
  const request = new Request(`${ORIGIN}/api/articles/${f.articleId}/save`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: options.origin ?? ORIGIN },
    body: options.body ?? JSON.stringify(saveInput(f, 'عنوان من حفظ الخروج')),
  });
  const response = await saveRoute.POST(request, { params: Promise.resolve({ id: f.articleId }) });
  const json = (await response.json()) as Outcome;
  expect(response.ok).toBe(json.ok);
  return json;
}

const SIGNED_IN_OK = { anonymous: 'unauthenticated', author: 'ok', otherWriter: 'ok', editor: 'ok', admin: 'ok' } as const;
const SIGNED_IN_READ = {
  anonymous: 'unauthenticated',
  author: 'unchanged',
  otherWriter: 'unchanged',
  editor: 'unchanged',
  admin: 'unchanged',
} as const;
const MANAGERS = { anonymous: 'unauthenticated', author: 'forbidden', otherWriter: 'forbidden', editor: 'ok', admin: 'ok' } as const;
const ADMINS = { anonymous: 'unauthenticated', author: 'forbidden', otherWriter: 'forbidden', editor: 'forbidden', admin: 'ok' } as const;
const AUTHOR_AND_EDITORS = { anonymous: 'unauthenticated', author: 'ok', otherWriter: 'forbidden', editor: 'ok', admin: 'ok' } as const;

export const ROWS: Array<[string, Cell, Record<Who, Expected>]> = [
  ['save a draft (server action)', { status: 'draft', call: (f) => editorActions.saveArticle(saveInput(f)) }, AUTHOR_AND_EDITORS],
  [
    'save an article in review (server action): the writer must withdraw it first',
    { status: 'in_review', call: (f) => editorActions.saveArticle(saveInput(f)) },
    MANAGERS,
  ],
  ['save a draft (keep-alive route)', { status: 'draft', call: (f) => postSave(f) }, AUTHOR_AND_EDITORS],
  [
    'save from another site (keep-alive route, forged Origin)',
    { status: 'draft', call: (f) => postSave(f, { origin: 'https://attacker.example' }) },
    { anonymous: 'forbidden', author: 'forbidden', otherWriter: 'forbidden', editor: 'forbidden', admin: 'forbidden' },
  ],
  [
    'check a slug',
    { status: 'draft', call: (f) => editorActions.checkArticleSlug({ id: f.articleId, slug: 'رابط-جديد' }) },
    { anonymous: 'unauthenticated', author: 'unchanged', otherWriter: 'forbidden', editor: 'unchanged', admin: 'unchanged' },
  ],
  [
    'create an article',
    { status: 'draft', call: () => redirecting(() => newArticleActions.createArticle(null, form({ title: 'خبر جديد', sectionId: '' }))) },
    SIGNED_IN_OK,
  ],
  [
    'create a section',
    { status: 'draft', call: () => sectionActions.createSection(null, form({ name: `قسم ${crypto.randomUUID().slice(0, 8)}` })) },
    ADMINS,
  ],
  ['search the entity registry', { status: 'draft', call: () => entityActions.searchEntitiesAction('بغداد') }, SIGNED_IN_READ],
  ['read entities by id', { status: 'draft', call: (f) => entityActions.getEntitiesByIdsAction([f.entityA, f.entityB]) }, SIGNED_IN_READ],
  ['read the whole registry (the suggestion matcher)', { status: 'draft', call: () => entityActions.listRegistryAction() }, SIGNED_IN_READ],
  [
    "quick-create an entity (the editor's tagging)",
    { status: 'draft', call: () => entityActions.createEntityAction({ type: 'place', name: `مدينة ${crypto.randomUUID().slice(0, 6)}` }) },
    SIGNED_IN_OK,
  ],
  [
    'create an entity (registry form)',
    {
      status: 'draft',
      call: () => entityActions.createEntityFormAction({ type: 'organization', name: `منظمة ${crypto.randomUUID().slice(0, 6)}`, aliases: [] }),
    },
    SIGNED_IN_OK,
  ],
  [
    'edit an entity',
    {
      status: 'draft',
      call: (f) => entityActions.updateEntityFormAction(f.entityA, { type: 'person', name: 'اسم معدّل', aliases: ['اسم بديل'], description: 'وصف' }),
    },
    MANAGERS,
  ],
  ['merge two entities', { status: 'draft', call: (f) => entityActions.mergeEntitiesAction({ sourceId: f.entityB, targetId: f.entityA }) }, MANAGERS],
  ['end all my sessions (account page)', { status: 'draft', call: () => redirecting(() => accountActions.endAllSessionsAction()) }, SIGNED_IN_OK],
  [
    'read the audit trail',
    {
      status: 'draft',
      call: async () => {
        try {
          await audit.listAuditEvents({});
          return { ok: true };
        } catch (error) {
          if (isAppError(error)) return { ok: false, error: { code: error.code } };
          throw error;
        }
      },
    },
    { anonymous: 'unauthenticated', author: 'forbidden', otherWriter: 'forbidden', editor: 'forbidden', admin: 'unchanged' },
  ],
];

/**
 * Every exported action of every 'use server' file, and every writing route handler, with the matrix that covers it.
 * Part one's rows are named in its file; this list is what the guard compares with the files on disk.
 */
const COVERED: Record<string, string[]> = {
  'app/(newsroom)/newsroom/account/actions.ts': ['endAllSessionsAction'],
  'app/(newsroom)/newsroom/articles/[id]/actions.ts': ['saveArticle', 'checkArticleSlug'],
  'app/(newsroom)/newsroom/articles/[id]/workflow-actions.ts': [
    'applyWorkflowEventAction',
    'addCommentAction',
    'setCommentResolvedAction',
    'restoreRevisionAction',
  ],
  'app/(newsroom)/newsroom/articles/new/actions.ts': ['createArticle'],
  'app/(newsroom)/newsroom/entities/actions.ts': [
    'searchEntitiesAction',
    'createEntityAction',
    'getEntitiesByIdsAction',
    'listRegistryAction',
    'createEntityFormAction',
    'updateEntityFormAction',
    'mergeEntitiesAction',
  ],
  'app/(newsroom)/newsroom/notifications/actions.ts': ['markNotificationsReadAction'],
  'app/(newsroom)/newsroom/sections/actions.ts': ['createSection'],
  'app/(newsroom)/newsroom/users/actions.ts': ['createUserAction', 'changeUserRoleAction', 'setUserDisabledAction', 'resetUserPasswordAction'],
  // Route handlers that accept a body. next-auth's own route is the sign-in (tested in lib/data/sign-in.test.ts and e2e).
  'app/api/articles/[id]/save/route.ts': ['POST'],
  'app/api/auth/[...nextauth]/route.ts': ['GET', 'POST'],
};

describe.each(testDrivers())('authorization matrix, part two, on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  const people = {} as Record<Exclude<Who, 'anonymous'>, Actor>;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    Object.assign(people, await createMatrixPeople(handle.db));
  });
  afterAll(async () => dispose());

  async function fixture(status: ArticleState): Promise<Fixture> {
    const article = await createTestArticle(handle.db, { authorId: people.author.id, status });
    const suffix = crypto.randomUUID().slice(0, 8);
    const [a, b] = await handle.db
      .insert(entities)
      .values([
        { type: 'person', name: `شخص ${suffix}`, slug: `shakhs-${suffix}`, searchText: '' },
        { type: 'person', name: `شخص آخر ${suffix}`, slug: `shakhs-akhar-${suffix}`, searchText: '' },
      ])
      .returning({ id: entities.id });
    return { articleId: article.id, version: article.version, body: article.body, slug: article.slug, entityA: a!.id, entityB: b!.id };
  }

  for (const [name, cell, expected] of ROWS) {
    for (const who of WHO) {
      it(`${name} × ${who} → ${expected[who]}`, async () => {
        const f = await fixture(cell.status);
        signInAs(who === 'anonymous' ? null : people[who]);
        const before = await snapshotTables(handle.db);
        const result = await cell.call(f);
        const after = await snapshotTables(handle.db);
        expectOutcome(result, before, after, expected[who]);
      });
    }
  }

  it("another writer's draft: the editor page and preview (getArticleForEditing) refuse, the save route and action change nothing", async () => {
    const f = await fixture('draft');
    await expect(articleEditing.getArticleForEditing(people.otherWriter, f.articleId)).rejects.toMatchObject({ code: 'forbidden' });
    signInAs(people.otherWriter);
    const before = await snapshotTables(handle.db);
    expect(await postSave(f)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await editorActions.saveArticle(saveInput(f))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await snapshotTables(handle.db)).toBe(before);
    const [row] = await handle.db.select({ title: articles.title, version: articles.version }).from(articles).where(eq(articles.id, f.articleId));
    expect(row).toEqual({ title: expect.not.stringContaining('بعد الحفظ'), version: f.version });
  });
});

describe('every server action and writing route is in an authorization matrix', () => {
  const root = path.resolve(__dirname, '../..');

  function walk(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
    });
  }

  it('lists exactly the exported functions of the files on disk', () => {
    const found: Record<string, string[]> = {};
    for (const file of [...walk(path.join(root, 'app')), ...walk(path.join(root, 'lib')), ...walk(path.join(root, 'components'))]) {
      const source = fs.readFileSync(file, 'utf8');
      const relative = path.relative(root, file).split(path.sep).join('/');
      const isActionFile = /^\s*(['"])use server\1/.test(source.replace(/^(\s*\/\/.*\n|\s*\/\*[\s\S]*?\*\/)*/, ''));
      const inlineAction = !isActionFile && /(['"])use server\1/.test(source);
      expect(inlineAction, `${relative}: inline 'use server' actions are not allowed (put them in an actions.ts)`).toBe(false);
      if (isActionFile) {
        found[relative] = [...source.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((match) => match[1]!);
      } else if (/(^|\/)route\.ts$/.test(relative)) {
        const writers = [...source.matchAll(/export\s+(?:async\s+function|const|\{)\s*([A-Z]+)?/g)]
          .map((match) => match[1])
          .filter((name): name is string => name !== undefined && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(name));
        if (writers.length > 0 || /export\s*\{\s*handler\s+as\s+GET/.test(source)) {
          found[relative] = [...source.matchAll(/(?:export\s+async\s+function\s+|as\s+)([A-Z]+)\b/g)].map((match) => match[1]!);
        }
      }
    }
    const sorted = (record: Record<string, string[]>) =>
      Object.fromEntries(
        Object.entries(record)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([file, names]) => [file, [...names].sort()]),
      );
    expect(sorted(found)).toEqual(sorted(COVERED));
  });

  it("part one's rows call every action it is listed for", () => {
    const partOne = fs.readFileSync(path.join(__dirname, 'authorization-matrix.test.ts'), 'utf8');
    const partTwo = fs.readFileSync(__filename, 'utf8').split('export const ROWS')[1]!.split('const COVERED')[0]!;
    for (const [file, names] of Object.entries(COVERED)) {
      for (const name of names) {
        if (file.includes('[...nextauth]')) continue;
        const called = name === 'POST' ? /postSave\(/.test(partTwo) : new RegExp(`\\.${name}\\(`).test(partOne + partTwo);
        expect(called, `${file} ${name} has no row in either matrix`).toBe(true);
      }
    }
  });
});
