/**
 * Oversized and unstorable input, at every entry point a client can call: each server action and the keep-alive save
 * route answer `validation_failed` (or `document_too_large` / `payload_too_large` / `bad_request`) — never `internal`
 * — and write nothing (every table compared before and after). The caller is an admin, the author of the article, so
 * that no authorization refusal hides a missing length cap. Strings are one character over each cap, or far over it,
 * or carry a NUL or a lone surrogate (which Postgres cannot store).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabaseHandle } from '@/db/client';
import type { DatabaseHandle } from '@/db/open-database';
import { entities } from '@/db/schema';
import { MAX_DOCUMENT_JSON_BYTES } from '@/lib/content/validate';
import type { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/data/users';
import { MAX_REQUEST_BODY_BYTES } from '@/lib/http/read-json-body';
import { openFreshDatabase, testDrivers } from '@/test/support/test-database';
import { signInAs } from '@/test/support/signed-in-actor';
import { createTestArticle, createTestUser, snapshotTables } from '@/test/support/workflow-fixtures';

vi.mock('@/lib/auth/current-user', () => import('@/test/support/signed-in-actor'));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined }));

const editorActions = await import('@/app/(newsroom)/newsroom/articles/[id]/actions');
const newArticleActions = await import('@/app/(newsroom)/newsroom/articles/new/actions');
const sectionActions = await import('@/app/(newsroom)/newsroom/sections/actions');
const entityActions = await import('@/app/(newsroom)/newsroom/entities/actions');
const workflowActions = await import('@/app/(newsroom)/newsroom/articles/[id]/workflow-actions');
const usersActions = await import('@/app/(newsroom)/newsroom/users/actions');
const notificationActions = await import('@/app/(newsroom)/newsroom/notifications/actions');
const saveRoute = await import('@/app/api/articles/[id]/save/route');
const audit = await import('@/lib/data/audit');

type Outcome = { ok: boolean; error?: { code: string } };
type Fixture = { articleId: string; version: number; slug: string; body: unknown; entityId: string; userId: string };

const over = (n: number) => 'س'.repeat(n + 1);
const HUGE = 'ب'.repeat(3 * 1024 * 1024);
const NUL = 'نص\u0000مخفي';
const SURROGATE = 'نص\uD800مكسور';

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const save = (f: Fixture, change: Record<string, unknown>) =>
  editorActions.saveArticle({ id: f.articleId, expectedVersion: f.version, title: 'عنوان', dek: '', slug: f.slug, sectionId: null, body: f.body, ...change });

async function postSave(f: Fixture, body: string, headers: Record<string, string> = {}): Promise<Outcome> {
  const request = new Request(`http://newsroom.test/api/articles/${f.articleId}/save`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://newsroom.test', ...headers },
    body,
  });
  const response = await saveRoute.POST(request, { params: Promise.resolve({ id: f.articleId }) });
  const json = (await response.json()) as Outcome;
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  return json;
}

const saveJson = (f: Fixture, change: Record<string, unknown>) =>
  JSON.stringify({ id: f.articleId, expectedVersion: f.version, title: 'عنوان', dek: '', slug: f.slug, sectionId: null, body: f.body, ...change });

async function auditOutcome(input: unknown): Promise<Outcome> {
  try {
    await audit.listAuditEvents(input);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: { code: (error as AppError).code } };
  }
}

const CASES: Array<[string, (f: Fixture) => Promise<Outcome>, string]> = [
  ['save: title over the cap', (f) => save(f, { title: over(300) }), 'validation_failed'],
  ['save: dek over the cap', (f) => save(f, { dek: over(1000) }), 'validation_failed'],
  ['save: slug input over the cap', (f) => save(f, { slug: over(400) }), 'validation_failed'],
  ['save: a 3 MB title', (f) => save(f, { title: HUGE }), 'validation_failed'],
  [
    'save: a body over 1 MB',
    (f) => save(f, { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(MAX_DOCUMENT_JSON_BYTES) }] }] } }),
    'document_too_large',
  ],
  ['save: a NUL in the title', (f) => save(f, { title: NUL }), 'validation_failed'],
  ['save: a NUL in the dek', (f) => save(f, { dek: NUL }), 'validation_failed'],
  ['save: a lone surrogate in the body', (f) => save(f, { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: SURROGATE }] }] } }), 'invalid_document'],
  ['keep-alive save: a body over 2 MB', (f) => postSave(f, saveJson(f, { title: 'x'.repeat(MAX_REQUEST_BODY_BYTES) })), 'payload_too_large'],
  ['keep-alive save: a declared Content-Length over 2 MB', (f) => postSave(f, saveJson(f, {}), { 'content-length': String(MAX_REQUEST_BODY_BYTES + 1) }), 'payload_too_large'],
  ['keep-alive save: not JSON', (f) => postSave(f, '{"id":'), 'bad_request'],
  ['keep-alive save: title over the cap', (f) => postSave(f, saveJson(f, { title: over(300) })), 'validation_failed'],
  ['keep-alive save: a NUL in the title', (f) => postSave(f, saveJson(f, { title: NUL })), 'validation_failed'],
  ['slug check: over the cap', (f) => editorActions.checkArticleSlug({ id: f.articleId, slug: over(400) }), 'validation_failed'],
  ['new article: title over the cap', () => newArticleActions.createArticle(null, form({ title: over(300) })), 'validation_failed'],
  ['new article: a NUL in the title', () => newArticleActions.createArticle(null, form({ title: NUL })), 'validation_failed'],
  ['new section: name over the cap', () => sectionActions.createSection(null, form({ name: over(60) })), 'validation_failed'],
  ['new section: a NUL in the name', () => sectionActions.createSection(null, form({ name: NUL })), 'validation_failed'],
  ['entity search: query over the cap', () => entityActions.searchEntitiesAction(over(200)), 'validation_failed'],
  ['entity search: a NUL in the query', () => entityActions.searchEntitiesAction(NUL), 'validation_failed'],
  ['entities by id: more than 500 ids', () => entityActions.getEntitiesByIdsAction(Array.from({ length: 501 }, () => crypto.randomUUID())), 'validation_failed'],
  ['quick entity: name over the cap', () => entityActions.createEntityAction({ type: 'person', name: over(200) }), 'validation_failed'],
  ['quick entity: a NUL in the name', () => entityActions.createEntityAction({ type: 'person', name: NUL }), 'validation_failed'],
  ['quick entity: a lone surrogate in the name', () => entityActions.createEntityAction({ type: 'person', name: SURROGATE }), 'validation_failed'],
  ['entity form: description over the cap', () => entityActions.createEntityFormAction({ type: 'person', name: 'اسم', description: over(2000) }), 'validation_failed'],
  ['entity form: too many aliases', () => entityActions.createEntityFormAction({ type: 'person', name: 'اسم', aliases: Array.from({ length: 51 }, (_, i) => `اسم ${i}`) }), 'validation_failed'],
  ['entity form: an alias over the cap', () => entityActions.createEntityFormAction({ type: 'person', name: 'اسم', aliases: [over(200)] }), 'validation_failed'],
  ['entity edit: a NUL in the description', (f) => entityActions.updateEntityFormAction(f.entityId, { type: 'person', name: 'اسم', description: NUL }), 'validation_failed'],
  ['entity merge: not ids', () => entityActions.mergeEntitiesAction({ sourceId: HUGE, targetId: 'x' }), 'validation_failed'],
  ['workflow: comment over the cap', (f) => workflowActions.applyWorkflowEventAction({ articleId: f.articleId, event: 'submit', comment: over(4000) }), 'validation_failed'],
  [
    'workflow: note over the cap',
    (f) => workflowActions.applyWorkflowEventAction({ articleId: f.articleId, event: 'submit', note: { kind: 'update', text: over(2000) } }),
    'validation_failed',
  ],
  ['workflow: publishAt over the cap', (f) => workflowActions.applyWorkflowEventAction({ articleId: f.articleId, event: 'schedule', publishAt: over(40) }), 'validation_failed'],
  ['comment: body over the cap', (f) => workflowActions.addCommentAction({ articleId: f.articleId, body: over(4000) }), 'validation_failed'],
  ['comment: anchor quote over the cap', (f) => workflowActions.addCommentAction({ articleId: f.articleId, body: 'تعليق', anchor: { quote: over(500) } }), 'validation_failed'],
  ['comment: a NUL in the body', (f) => workflowActions.addCommentAction({ articleId: f.articleId, body: NUL }), 'validation_failed'],
  ['users: email over the cap', () => usersActions.createUserAction({ email: `${'a'.repeat(320)}@example.com`, displayName: 'اسم', role: 'writer', password: 'نخلة على ضفة دجلة' }), 'validation_failed'],
  ['users: name over the cap', () => usersActions.createUserAction({ email: 'n@example.com', displayName: over(100), role: 'writer', password: 'نخلة على ضفة دجلة' }), 'validation_failed'],
  ['users: password over the cap', () => usersActions.createUserAction({ email: 'p@example.com', displayName: 'اسم', role: 'writer', password: over(256) }), 'validation_failed'],
  ['users: a NUL in the name', () => usersActions.createUserAction({ email: 'z@example.com', displayName: NUL, role: 'writer', password: 'نخلة على ضفة دجلة' }), 'validation_failed'],
  ['users: reset password over the cap', (f) => usersActions.resetUserPasswordAction({ userId: f.userId, password: HUGE }), 'validation_failed'],
  ['notifications: more than 200 ids', () => notificationActions.markNotificationsReadAction({ ids: Array.from({ length: 201 }, () => crypto.randomUUID()) }), 'validation_failed'],
  ['audit filter: over the cap', () => auditOutcome({ action: over(100) }), 'validation_failed'],
];

describe.each(testDrivers())('oversized and unstorable input on %s', (driver) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let admin: Actor;

  beforeAll(async () => {
    ({ handle, dispose } = await openFreshDatabase(driver));
    setDatabaseHandle(handle);
    admin = await createTestUser(handle.db, 'admin');
    signInAs(admin);
  });
  afterAll(async () => dispose());

  async function fixture(): Promise<Fixture> {
    const article = await createTestArticle(handle.db, { authorId: admin.id });
    const [entity] = await handle.db
      .insert(entities)
      .values({ type: 'person', name: 'شخص', slug: `shakhs-${crypto.randomUUID().slice(0, 8)}` })
      .returning({ id: entities.id });
    const user = await createTestUser(handle.db, 'writer');
    return { articleId: article.id, version: article.version, slug: article.slug, body: article.body, entityId: entity!.id, userId: user.id };
  }

  for (const [name, call, code] of CASES) {
    it(`${name} → ${code}, nothing written`, async () => {
      const f = await fixture();
      const before = await snapshotTables(handle.db);
      expect(await call(f)).toMatchObject({ ok: false, error: { code } });
      expect(await snapshotTables(handle.db)).toBe(before);
    });
  }
});
