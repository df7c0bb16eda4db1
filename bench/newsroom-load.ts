/**
 * `npx tsx bench/newsroom-load.ts`: election night in the newsroom.
 *
 * Against the production build (`npm start`'s scripts/serve.ts, built first if missing) on a throwaway Postgres cluster (demo mode), only
 * on 127.0.0.1:
 * - EDITORS simulated editors (default 50), each with their own draft, autosave it every SAVE_INTERVAL_MS (2 s)
 *   through the keep-alive save route (`POST /api/articles/[id]/save`, the JSON the editor sends, the expected
 *   version, a same-origin Origin header). Like the editor, one editor never has two saves in flight: a tick that
 *   finds the previous save unanswered is skipped (and counted).
 * - Readers send READ_RPS requests per second (default 200, open loop: sent on schedule whatever the latency) to the
 *   public pages of 20 published articles.
 * - for SECONDS (default 60).
 * The editors' sessions are minted with next-auth's own `encode` and the server's NEXTAUTH_SECRET (signing 50 people
 * in through the form from one address would hit the sign-in limits, which is their purpose).
 *
 * Then every draft is read back from the database: its version and content must be those of its last acknowledged
 * save (zero lost updates). The baseline, from the same run: the same save and the same page request made one at a
 * time on the idle server, before the load.
 *
 * Compression: readers ask for gzip like browsers and CDNs do. By default the app runs as in production, behind a CDN
 * or proxy that compresses (MIDAD_COMPRESS=0, see .env.example): Next's own gzip runs on the app's one event loop, and
 * measured here it is what pushes the saves' tail past the goal. BENCH_APP_COMPRESSES=1 runs the app gzipping its own
 * responses instead, for comparison (the README records both).
 *
 * Env: BENCH_SECONDS, BENCH_EDITORS, BENCH_READ_RPS, BENCH_SAVE_INTERVAL_MS, BENCH_PORT (default 4000),
 * BENCH_APP_COMPRESSES (default 0).
 * Exits 1 when a goal is missed: zero 5xx, zero lost updates, p95 save ≤ 100 ms.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq, inArray } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { openDatabase, type DatabaseHandle } from '../db/open-database';
import { articles, users } from '../db/schema';
import { documentFromParagraphs, extractPlainText } from '../lib/content';
import { searchTextFor } from '../lib/search/search-text';
import { startPostgresCluster, type PostgresCluster } from '../test/support/postgres-cluster';

function envNumber(name: string, fallback: number): number {
  // A benchmark's own knobs, read here only (they are not application configuration).
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

const SECONDS = envNumber('BENCH_SECONDS', 60);
const EDITORS = Math.round(envNumber('BENCH_EDITORS', 50));
const READ_RPS = envNumber('BENCH_READ_RPS', 200);
const SAVE_INTERVAL_MS = envNumber('BENCH_SAVE_INTERVAL_MS', 2000);
const APP_COMPRESSES = envNumber('BENCH_APP_COMPRESSES', 0) === 1;
const PORT = Math.round(envNumber('BENCH_PORT', 4000));
const PUBLISHED_STORIES = 20;
const BASELINE_REQUESTS = 40;
const REQUEST_TIMEOUT_MS = 10_000;
const HOST = '127.0.0.1';
const BASE = `http://${HOST}:${PORT}`;
const SECRET = `bench-only-secret-${Math.random().toString(36).slice(2)}-0123456789abcdef`;
const GOAL_SAVE_P95_MS = 100;

const root = path.resolve(__dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

// ── Measurements ────────────────────────────────────────────────────────────

class Samples {
  readonly latencies: number[] = [];
  readonly statuses = new Map<string, number>();
  count(status: string): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
  add(ms: number, status: string): void {
    this.latencies.push(ms);
    this.count(status);
  }
  percentile(p: number): number {
    if (this.latencies.length === 0) return Number.NaN;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  }
  errors(): number {
    let n = 0;
    for (const [status, count] of this.statuses) if (status !== '200') n += count;
    return n;
  }
  fivexx(): number {
    let n = 0;
    for (const [status, count] of this.statuses) if (/^5/.test(status)) n += count;
    return n;
  }
  describeStatuses(): string {
    return [...this.statuses].sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => `${status}: ${count}`).join(', ') || '-';
  }
}

// ── The server ──────────────────────────────────────────────────────────────

async function startServer(databaseUrl: string, logFile: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    MIDAD_DEMO: '1',
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: BASE,
    MIDAD_SITE_URL: BASE,
    NEXT_TELEMETRY_DISABLED: '1',
    MIDAD_COMPRESS: APP_COMPRESSES ? '1' : '0',
  };
  const prepare = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prepare-database.ts'], { env, cwd: root, encoding: 'utf8' });
  if (prepare.status !== 0) throw new Error(`prepare-database failed:\n${prepare.stdout}\n${prepare.stderr}`);
  const log = fs.openSync(logFile, 'a');
  // The production server as `npm start` runs it (scripts/serve.ts).
  const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '-p', String(PORT), '-H', HOST], { env, cwd: root, stdio: ['ignore', log, log] });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see ${logFile}`);
    try {
      const response = await fetch(`${BASE}/api/health`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer within 60 s; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// ── Data ────────────────────────────────────────────────────────────────────

const FILLER =
  'قالت المفوضية العليا المستقلة للانتخابات إن نسبة المشاركة في بغداد بلغت حتى الظهر مستوى أعلى من الدورة السابقة، ' +
  'فيما تواصل فرق المراقبة عملها في المراكز الانتخابية وسط إجراءات أمنية مشددة ومتابعة من المنظمات المحلية والدولية.';

/** The body after `n` saves: a few paragraphs of copy plus a paragraph per save, like someone typing a live story. */
function bodyAfter(editor: number, n: number) {
  const paragraphs = [`تغطية مباشرة رقم ${editor}.`, FILLER, FILLER, FILLER];
  for (let i = 1; i <= n; i++) paragraphs.push(`تحديث ${i} من المحرر ${editor}: ${FILLER.slice(0, 80 + ((i * 7) % 60))}`);
  return documentFromParagraphs(paragraphs);
}

type Editor = {
  index: number;
  userId: string;
  articleId: string;
  slug: string;
  cookie: string;
  version: number;
  initialVersion: number;
  saves: number;
  inFlight: boolean;
  skipped: number;
  /** What the server acknowledged last: its version, and the title and plain text sent with it. */
  acked: { version: number; title: string; bodyText: string } | null;
  /** Saves sent but never answered (timeout, connection error): their outcome is unknown. */
  unanswered: number;
};

async function seed(db: DatabaseHandle['db']): Promise<{ editors: Editor[]; storySlugs: string[] }> {
  const run = Date.now().toString(36);
  const userRows = await db
    .insert(users)
    .values(
      Array.from({ length: EDITORS }, (_, i) => ({
        email: `bench-editor-${run}-${i}@example.test`,
        displayName: `محرر ${i + 1}`,
        role: 'writer' as const,
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$invalid$invalid',
      })),
    )
    .returning({ id: users.id, email: users.email, displayName: users.displayName, role: users.role, sessionVersion: users.sessionVersion });
  const articleRows = await db
    .insert(articles)
    .values(
      userRows.map((user, i) => {
        const body = bodyAfter(i, 0);
        return {
          title: `مسودة المحرر ${i + 1}`,
          slug: `bench-${run}-${i}`,
          dek: '',
          body,
          bodyText: extractPlainText(body),
          status: 'draft' as const,
          authorId: user.id,
        };
      }),
    )
    .returning({ id: articles.id, slug: articles.slug, version: articles.version, authorId: articles.authorId });
  const editors: Editor[] = [];
  for (const [i, user] of userRows.entries()) {
    const article = articleRows.find((row) => row.authorId === user.id)!;
    const token = await encode({
      token: { sub: user.id, uid: user.id, role: user.role, sv: user.sessionVersion, name: user.displayName, email: user.email },
      secret: SECRET,
    });
    editors.push({
      index: i,
      userId: user.id,
      articleId: article.id,
      slug: article.slug,
      cookie: `next-auth.session-token=${token}`,
      version: article.version,
      initialVersion: article.version,
      saves: 0,
      inFlight: false,
      skipped: 0,
      acked: null,
      unanswered: 0,
    });
  }

  const [author] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'writer@example.com'));
  if (!author) throw new Error('the demo writer is missing (MIDAD_DEMO=1 seeds it)');
  const stories = Array.from({ length: PUBLISHED_STORIES }, (_, i) => {
    const body = documentFromParagraphs([FILLER, FILLER, FILLER, FILLER, FILLER, FILLER]);
    const bodyText = extractPlainText(body);
    const title = `نتائج أولية للانتخابات في المحافظة ${i + 1}`;
    return {
      title,
      slug: `bench-story-${run}-${i}`,
      dek: 'موجز الخبر',
      body,
      bodyText,
      searchText: searchTextFor({ title, dek: 'موجز الخبر', bodyText }),
      status: 'published' as const,
      authorId: author.id,
      publishedAt: new Date(Date.now() - i * 60_000),
    };
  });
  await db.insert(articles).values(stories);
  return { editors, storySlugs: stories.map((story) => story.slug) };
}

// ── Requests ────────────────────────────────────────────────────────────────

/** Where the run is, on stderr (the table goes to stdout). */
function progress(message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function timed(url: string, init: RequestInit): Promise<{ ms: number; status: string; json?: unknown }> {
  const started = performance.now();
  // An explicit, referenced timer (AbortSignal.timeout's is unreferenced and was seen not to fire under load), and a
  // race so that nothing, not even a stuck body read, outlives it.
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, REQUEST_TIMEOUT_MS);
  });
  const attempt = (async () => {
    const response = await fetch(url, { ...init, signal: controller.signal });
    const text = await response.text();
    let json: unknown;
    if ((response.headers.get('content-type') ?? '').includes('json')) json = JSON.parse(text);
    return { status: String(response.status), json };
  })();
  try {
    const outcome = await Promise.race([attempt, expired]);
    const ms = performance.now() - started;
    return outcome === 'timeout' ? { ms, status: 'timeout' } : { ms, ...outcome };
  } catch {
    return { ms: performance.now() - started, status: controller.signal.aborted ? 'timeout' : 'network error' };
  } finally {
    clearTimeout(timer);
    attempt.catch(() => undefined);
  }
}

async function save(editor: Editor, samples: Samples): Promise<void> {
  editor.inFlight = true;
  const n = editor.saves + 1;
  const body = bodyAfter(editor.index, n);
  const title = `مسودة المحرر ${editor.index + 1} (حفظ ${n})`;
  const payload = { id: editor.articleId, expectedVersion: editor.version, title, dek: '', slug: editor.slug, sectionId: null, body };
  const result = await timed(`${BASE}/api/articles/${editor.articleId}/save`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE, cookie: editor.cookie },
    body: JSON.stringify(payload),
  });
  samples.add(result.ms, result.status);
  const answer = result.json as { ok?: boolean; data?: { version?: number } } | undefined;
  if (result.status === '200' && answer?.ok && typeof answer.data?.version === 'number') {
    editor.saves = n;
    editor.version = answer.data.version;
    editor.acked = { version: answer.data.version, title, bodyText: extractPlainText(body) };
  } else if (result.status === 'timeout' || result.status === 'network error') {
    editor.unanswered++;
  }
  editor.inFlight = false;
}

async function read(slug: string, samples: Samples): Promise<void> {
  const result = await timed(`${BASE}/articles/${encodeURIComponent(slug)}`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' } });
  samples.add(result.ms, result.status);
}

async function baseline(editor: Editor, slugs: string[]): Promise<{ save: Samples; read: Samples }> {
  const saveSamples = new Samples();
  const readSamples = new Samples();
  for (let i = 0; i < BASELINE_REQUESTS; i++) {
    await save(editor, saveSamples);
    await read(slugs[i % slugs.length]!, readSamples);
  }
  return { save: saveSamples, read: readSamples };
}

async function load(editors: Editor[], slugs: string[]): Promise<{ save: Samples; read: Samples; readsDue: number; skipped: number }> {
  const saveSamples = new Samples();
  const readSamples = new Samples();
  const pending = new Set<Promise<void>>();
  const track = (promise: Promise<void>) => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  };
  const start = performance.now();
  const end = start + SECONDS * 1000;
  // Editors start spread over the first interval, then keep their own 2 s cadence.
  const timers = editors.map((editor) => {
    const tick = () => {
      if (performance.now() >= end) return;
      if (editor.inFlight) editor.skipped++;
      else track(save(editor, saveSamples));
    };
    const first = setTimeout(() => {
      tick();
      timers.push(setInterval(tick, SAVE_INTERVAL_MS));
    }, (editor.index / editors.length) * SAVE_INTERVAL_MS);
    return first;
  });
  // Readers: open loop, READ_RPS a second on a 10 ms clock.
  let readsDue = 0;
  let readsSent = 0;
  await new Promise<void>((resolve) => {
    const clock = setInterval(() => {
      const now = performance.now();
      if (now >= end) {
        clearInterval(clock);
        resolve();
        return;
      }
      readsDue = Math.floor(((now - start) / 1000) * READ_RPS);
      while (readsSent < readsDue) {
        track(read(slugs[readsSent % slugs.length]!, readSamples));
        readsSent++;
      }
    }, 10);
  });
  for (const timer of timers) clearTimeout(timer);
  progress(`load done, waiting for ${pending.size} requests in flight`);
  await Promise.all(pending);
  return { save: saveSamples, read: readSamples, readsDue: readsSent, skipped: editors.reduce((sum, e) => sum + e.skipped, 0) };
}

async function verify(db: DatabaseHandle['db'], editors: Editor[]): Promise<{ lost: number; unknown: number; details: string[] }> {
  const rows = await db
    .select({ id: articles.id, version: articles.version, title: articles.title, bodyText: articles.bodyText })
    .from(articles)
    .where(inArray(articles.id, editors.map((editor) => editor.articleId)));
  let lost = 0;
  let unknown = 0;
  const details: string[] = [];
  for (const editor of editors) {
    const row = rows.find((candidate) => candidate.id === editor.articleId);
    const acked = editor.acked;
    if (!row) {
      lost++;
      details.push(`editor ${editor.index}: the article is gone`);
      continue;
    }
    if (!acked) {
      // Nothing acknowledged: the draft must be as seeded, unless a save the client never heard back about landed.
      if (row.version === editor.initialVersion) continue;
      if (editor.unanswered > 0) unknown++;
      else {
        lost++;
        details.push(`editor ${editor.index}: version ${row.version} though no save was acknowledged`);
      }
      continue;
    }
    const same = row.version === acked.version && row.title === acked.title && row.bodyText === acked.bodyText;
    if (same) continue;
    // A later save the client never heard back about may have landed: not lost, but not what the client knows either.
    if (row.version > acked.version && editor.unanswered > 0) unknown++;
    else {
      lost++;
      details.push(`editor ${editor.index}: database has version ${row.version}, last acknowledged ${acked.version}`);
    }
  }
  return { lost, unknown, details };
}

// ── Report ──────────────────────────────────────────────────────────────────

const ms = (value: number) => (Number.isNaN(value) ? '-' : `${value.toFixed(1)} ms`);

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.log('bench: no production build, running next build');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', cwd: root });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-load-'));
  const logFile = path.join(temp, 'next.log');
  let cluster: PostgresCluster | undefined;
  let server: ChildProcess | undefined;
  let handle: DatabaseHandle | undefined;
  let failed = false;
  try {
    cluster = await startPostgresCluster();
    server = await startServer(cluster.url, logFile);
    handle = await openDatabase({ DATABASE_URL: cluster.url, PGLITE_DIR: '' }, { maxConnections: 2 });
    const { editors, storySlugs } = await seed(handle.db);
    console.log(
      `newsroom-load: ${EDITORS} editors saving every ${SAVE_INTERVAL_MS} ms, readers at ${READ_RPS} req/s over ${PUBLISHED_STORIES} stories, ` +
        `${SECONDS} s, against the production server (scripts/serve.ts) on ${BASE} (${APP_COMPRESSES ? 'the app gzips its responses' : 'compression left to a CDN: MIDAD_COMPRESS=0'}; Postgres; ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`,
    );

    // Warm up the routes (first requests compile nothing in production, but fill Node's and Postgres's caches).
    for (const slug of storySlugs) await read(slug, new Samples());
    progress('baseline: one save and one page request at a time');
    const idle = await baseline(editors[0]!, storySlugs);
    progress(`load: ${SECONDS} s`);
    const loaded = await load(editors, storySlugs);
    progress('verifying every document against its last acknowledged save');
    const verdict = await verify(handle.db, editors);
    const acknowledged = editors.reduce((sum, editor) => sum + editor.saves, 0) - idle.save.statuses.get('200')!;

    console.log('');
    console.log(row(['', 'saves: idle baseline', 'saves: under load', 'reads: idle baseline', 'reads: under load']));
    console.log(row(['---', '---', '---', '---', '---']));
    console.log(row(['requests', String(idle.save.latencies.length), String(loaded.save.latencies.length), String(idle.read.latencies.length), String(loaded.read.latencies.length)]));
    for (const p of [50, 95, 99]) {
      console.log(row([`p${p}`, ms(idle.save.percentile(p)), ms(loaded.save.percentile(p)), ms(idle.read.percentile(p)), ms(loaded.read.percentile(p))]));
    }
    console.log(row(['max', ms(idle.save.percentile(100)), ms(loaded.save.percentile(100)), ms(idle.read.percentile(100)), ms(loaded.read.percentile(100))]));
    console.log(row(['statuses', idle.save.describeStatuses(), loaded.save.describeStatuses(), idle.read.describeStatuses(), loaded.read.describeStatuses()]));
    console.log('');
    const achievedRps = loaded.read.latencies.length / SECONDS;
    console.log(`reads sent: ${loaded.readsDue} (${achievedRps.toFixed(1)}/s); saves acknowledged under load: ${acknowledged}; autosave ticks skipped (previous save still in flight): ${loaded.skipped}`);
    console.log(
      `lost updates: ${verdict.lost} (of ${editors.length} documents checked against their last acknowledged save); ` +
        `documents changed by a save that was never answered (timeout): ${verdict.unknown}`,
    );
    for (const detail of verdict.details.slice(0, 10)) console.log(`  ${detail}`);

    const fivexx = loaded.save.fivexx() + loaded.read.fivexx() + idle.save.fivexx() + idle.read.fivexx();
    const p95 = loaded.save.percentile(95);
    const goals = [
      [`zero 5xx (${fivexx})`, fivexx === 0],
      [`zero lost updates (${verdict.lost})`, verdict.lost === 0],
      [`p95 save ≤ ${GOAL_SAVE_P95_MS} ms (${p95.toFixed(1)} ms)`, p95 <= GOAL_SAVE_P95_MS],
    ] as const;
    console.log('');
    for (const [goal, met] of goals) console.log(`${met ? 'met   ' : 'MISSED'}  ${goal}`);
    failed = goals.some(([, met]) => !met);
  } finally {
    progress('stopping the server and the cluster');
    await handle?.close().catch(() => undefined);
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    await cluster?.stop().catch(() => undefined);
    if (!failed) fs.rmSync(temp, { recursive: true, force: true });
    else console.log(`server log kept: ${logFile}`);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
