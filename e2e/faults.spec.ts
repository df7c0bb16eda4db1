/**
 * Fault tests (issue 7): the database connection drops during a save, and the app server crashes and restarts during
 * an editing session. Real faults: a terminated Postgres backend, a SIGKILLed `next start`; nothing is mocked.
 */
import { sql } from 'drizzle-orm';
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { ERROR_CODES } from '../lib/errors/codes';
import { NETWORK_FAILURE_MESSAGE } from '../lib/editor/article-saver';
import { EditorPage } from './pages/editor-page';
import { DEMO_PASSWORD, DEMO_USERS, SignInPage } from './pages/sign-in-page';
import { AppServer } from './support/app-server';
import { openE2eSeed, type E2eSeed } from './support/seed';
import { POSTGRES_PORT } from './support/state';

let seed: E2eSeed;
test.beforeAll(async () => {
  seed = await openE2eSeed();
});
test.afterAll(async () => {
  await seed.close();
});

const WRITER = DEMO_USERS.writer.email;

/** The rows of a raw query, whichever driver's result shape (postgres.js: an array; PGlite: `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/**
 * Both faults hit an app server of their own (same build, same database), not the suite's shared one: a crash, or a
 * connection dropped under a driver, must not leave the server the other specs use in a state they did not ask for.
 * Nobody else listens on this port: the e2e servers use POSTGRES_PORT and POSTGRES_PORT + 1.
 */
const server = new AppServer(POSTGRES_PORT + 50);
test.afterAll(async () => {
  await server.kill('SIGTERM');
});

/** Signs the writer in on the fault server, through the form, and opens the article in the editor. */
async function openEditorOnFaultServer(browser: Browser, id: string): Promise<{ context: BrowserContext; editor: EditorPage }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'ar-IQ', timezoneId: 'Asia/Baghdad' });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto(`/newsroom/articles/${id}`);
  await signIn.signIn(WRITER, DEMO_PASSWORD);
  await expect(page).toHaveURL(new RegExp(`/newsroom/articles/${id}$`));
  const editor = new EditorPage(page);
  await expect(editor.body).toHaveAttribute('contenteditable', 'true');
  return { context, editor };
}

test.describe('the database connection drops during a save', () => {
  test('the editor shows the failure in Arabic and keeps the text; the next save goes through by itself', async ({ browser }) => {
    test.setTimeout(180_000);
    const { id } = await seed.insertArticle({ authorEmail: WRITER, title: 'انقطاع قاعدة البيانات', paragraphs: ['فقرة محفوظة قبل الانقطاع.'] });
    await server.start();
    const { context, editor } = await openEditorOnFaultServer(browser, id);
    const page = editor.page;
    const typed = 'فقرة كُتبت أثناء انقطاع الاتصال بقاعدة البيانات.';

    // One transaction holds the articles table, so the save waits inside the database (on its first read of the
    // article); while it waits, the database terminates that backend: the save's connection drops mid-query.
    // (Only that one: terminating every backend of the app also kills transactions in flight, which hits a postgres.js
    // bug, porsager/postgres#1154 / #1208, an uncaught TypeError that leaves a pooled connection stuck.)
    const saveQuery = `${'select "id", "status", "author_id" from "articles"'}%`;
    const terminated = await seed.handle.db.transaction(async (tx) => {
      await tx.execute(sql`lock table articles in access exclusive mode`);
      await editor.focusEnd();
      await page.keyboard.press('Enter');
      await page.keyboard.type(typed);
      await expect(editor.status).toHaveAttribute('data-status', 'saving', { timeout: 15_000 });
      const waiting = sql`from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                          and wait_event_type = 'Lock' and query like ${saveQuery}`;
      await expect
        .poll(async () => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n ${waiting}`))[0]?.n ?? 0, {
          timeout: 15_000,
          message: 'the save waits on the articles table',
        })
        .toBe(1);
      const killed = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_terminate_backend(pid) as ok ${waiting}`));
      // The failure is shown (in Arabic) while the table is still held, and the text stays.
      await expect(editor.status).toHaveAttribute('data-status', 'failed', { timeout: 15_000 });
      return killed.filter((row) => row.ok).length;
    });
    expect(terminated).toBe(1);
    await expect(editor.status).toContainText('فشل الحفظ');
    await expect(editor.status).toContainText(ERROR_CODES.database_unavailable.message);
    await expect(editor.body).toContainText(typed);
    expect((await seed.readArticle(id)).bodyText).toBe('فقرة محفوظة قبل الانقطاع.');

    // The next save (retried by the editor, nobody typed or clicked) succeeds, and the database holds the text.
    await expect(editor.status).toHaveAttribute('data-status', 'saved', { timeout: 30_000 });
    expect((await seed.readArticle(id)).bodyText).toBe(`فقرة محفوظة قبل الانقطاع.\n${typed}`);

    // The app's pool is healthy again: a further edit saves as usual.
    await page.keyboard.type(' وعاد الاتصال.');
    await editor.expectSaved();
    expect((await seed.readArticle(id)).bodyText).toBe(`فقرة محفوظة قبل الانقطاع.\n${typed} وعاد الاتصال.`);
    await context.close();
    await server.kill('SIGTERM');
  });
});

test.describe('the app server restarts during an editing session', () => {
  test('a save while the server is down fails and keeps the text; once it is back, autosave resumes and nothing is lost', async ({ browser }) => {
    test.setTimeout(240_000);
    const { id } = await seed.insertArticle({ authorEmail: WRITER, title: 'إعادة تشغيل الخادم', paragraphs: [] });
    await server.start();
    const { context, editor } = await openEditorOnFaultServer(browser, id);
    try {
      const page = editor.page;

      const before = 'الفقرة الأولى قبل توقف الخادم.';
      const during = 'الفقرة الثانية والخادم متوقف.';
      const after = 'الفقرة الثالثة بعد عودة الخادم.';
      await editor.body.click();
      await page.keyboard.type(before);
      await editor.expectSaved();
      expect((await seed.readArticle(id)).bodyText).toBe(before);

      // The server crashes mid-session.
      await server.kill('SIGKILL');
      await page.keyboard.press('Enter');
      await page.keyboard.type(during);
      await expect(editor.status).toHaveAttribute('data-status', 'failed', { timeout: 15_000 });
      await expect(editor.status).toContainText(NETWORK_FAILURE_MESSAGE);
      await expect(editor.body).toContainText(during);
      const localCopy = await page.evaluate(() => Object.keys(localStorage).map((key) => localStorage.getItem(key) ?? '').join('\n'));
      expect(localCopy, 'the unsaved text is kept in the browser').toContain(during);
      expect((await seed.readArticle(id)).bodyText).toBe(before);

      // It comes back on the same port: the editor saves what was typed meanwhile without being asked.
      await server.start();
      await expect(editor.status).toHaveAttribute('data-status', 'saved', { timeout: 60_000 });
      expect((await seed.readArticle(id)).bodyText).toBe(`${before}\n${during}`);

      // And autosave carries on as usual.
      await page.keyboard.press('Enter');
      await page.keyboard.type(after);
      await editor.expectSaved();
      expect((await seed.readArticle(id)).bodyText).toBe(`${before}\n${during}\n${after}`);
      await page.reload();
      await expect(editor.body.locator('p')).toHaveText([before, during, after]);
    } finally {
      await context.close();
    }
  });
});
