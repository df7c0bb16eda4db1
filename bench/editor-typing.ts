/**
 * Editor typing latency benchmark:
 * `npx tsx bench/editor-typing.ts [--keys 300] [--sizes 1000,10000,50000] [--profile DIR] [--trace DIR] [--no-minify]`.
 *
 * Bundles bench/editor-typing/ (the newsroom editor component, components/editor/article-editor.tsx, with the shared
 * extension list from lib/content, its toolbar, counters and save loop; saving is a no-op) with vite, serves it,
 * and opens it in Chromium (/usr/bin/chromium, the flags of playwright.config.ts). For documents of 1k, 10k and 50k
 * Arabic words with an entity mark every ~15 words, it types Arabic letters (keys sent as an Arabic layout sends
 * them: code KeyF, key «ب») in the middle of the document, then does the same in a bare contenteditable holding the
 * same text on the same page. Latency per key is measured in the page: keydown `event.timeStamp` → the next
 * animation frame → a message posted from it (runs right after that frame's paint). It also prints each key's two
 * phases (keydown → frame start: delivering and handling the key; frame start → painted: style, layout, paint) and
 * how often the frame's vsync time (the rAF timestamp) came after the keydown.
 *
 * About waiting for vsync (checked on Chromium 156, headless, software compositing): the method does NOT add a
 * random 0–16.7 ms wait for the next 60 Hz tick. After a discrete key event Chromium starts the main-thread frame
 * as soon as the key is handled; its rAF timestamp is often earlier than the keydown (the tick already passed). On an
 * empty contenteditable keydown → frame start is 4–8 ms, not uniform over 0–16.7. We tried to unthrottle frames
 * instead: `--disable-frame-rate-limit` and `--disable-gpu-vsync` (also with `--disable-gpu-compositing`,
 * `--in-process-gpu`, `--ozone-platform=headless`, and headed under Xvfb) leave a rAF loop at 16.7–17.5 ms per
 * frame, so they change nothing here and are not used. We also tried pinging the page with messages between the key
 * and the frame to subtract idle time: the scheduler runs no normal task between a key and its frame, so there was
 * none to subtract. The bare contenteditable's p95 of ~19 ms is therefore real work (Chromium's own editing
 * commands, selection sync, layout and paint of a 10k-word editable) plus a busy machine's scheduling delays, and
 * is the fair baseline. (The Event Timing API's `duration` measures the same keydown → next paint, rounded to 8 ms.)
 *
 * `--profile DIR` writes a V8 CPU profile of the editor's keys per size; `--trace DIR` a Chromium trace
 * (devtools.timeline) of both targets; `--no-minify` keeps function names readable in them.
 *
 * Goal at 10k words: p95 ≤ 16 ms and ≤ 2× the bare contenteditable's p95. Exits 1 when missed.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { createRandom } from './deterministic-random';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const KEYS = Number(option('keys', '300'));
const SIZES = option('sizes', '1000,10000,50000').split(',').map(Number);
const PROFILE_DIR = process.argv.includes('--profile') ? option('profile', '') || null : null;
const TRACE_DIR = process.argv.includes('--trace') ? option('trace', '') || null : null;
let window_words = 0;
const WARMUP_KEYS = 15;
const KEY_INTERVAL_MS = 40;
const ROOT = path.resolve(__dirname, '..');

// ── Deterministic Arabic documents ────────────────────────────────────────────────────────────────────────────────


const WORDS = ['قال', 'الوزير', 'إن', 'الحكومة', 'ستعمل', 'على', 'تعزيز', 'الأمن', 'في', 'المحافظات', 'الجنوبية', 'وأضاف',
  'أن', 'اللجنة', 'المشتركة', 'عقدت', 'اجتماعها', 'الأول', 'اليوم', 'بحضور', 'ممثلين', 'عن', 'الوزارات', 'المعنية', 'والتقى',
  'الوفد', 'بعدد', 'من', 'المسؤولين', 'لبحث', 'سبل', 'التعاون', 'الاقتصادي', 'والتجاري', 'بين', 'البلدين', 'خلال', 'المرحلة', 'المقبلة'];
const NAMES: Array<[string, 'person' | 'organization' | 'place' | 'event']> = [
  ['بغداد', 'place'], ['محمد شياع السوداني', 'person'], ['الأمم المتحدة', 'organization'], ['البصرة', 'place'],
  ['مجلس النواب', 'organization'], ['أربيل', 'place'], ['مؤتمر بغداد', 'event'],
];

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string; marks?: Json[] };

function makeDocument(wordCount: number): { doc: Json; html: string } {
  const random = createRandom(20240105 + wordCount);
  const paragraphs: Json[] = [];
  const html: string[] = [];
  let written = 0;
  while (written < wordCount) {
    const length = Math.min(40 + Math.floor(random() * 40), wordCount - written);
    const nodes: Json[] = [];
    const parts: string[] = [];
    let buffer: string[] = [];
    const flush = () => {
      if (buffer.length === 0) return;
      const text = buffer.join(' ') + ' ';
      nodes.push({ type: 'text', text });
      parts.push(text);
      buffer = [];
    };
    for (let i = 0; i < length; i++) {
      if (i > 0 && (written + i) % 15 === 0) {
        flush();
        const [name, type] = NAMES[Math.floor(random() * NAMES.length)]!;
        const id = `00000000-0000-4000-8000-${String(1 + NAMES.findIndex(([n]) => n === name)).padStart(12, '0')}`;
        nodes.push({ type: 'text', text: name, marks: [{ type: 'entity', attrs: { entityId: id, entityType: type } }] });
        parts.push(`<span class="entity entity--${type}" data-entity-id="${id}">${name}</span>`);
        buffer.push('');
      } else {
        buffer.push(WORDS[Math.floor(random() * WORDS.length)]!);
      }
    }
    flush();
    paragraphs.push({ type: 'paragraph', attrs: { dir: null }, content: nodes });
    html.push(`<p>${parts.join('')}</p>`);
    written += length;
  }
  return { doc: { type: 'doc', content: paragraphs }, html: html.join('') };
}

// ── Build, serve, measure ─────────────────────────────────────────────────────────────────────────────────────────

async function bundle(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-editor-'));
  await build({
    root: path.join(ROOT, 'bench', 'editor-typing'),
    logLevel: 'warn',
    configFile: false,
    resolve: {
      alias: [
        { find: /^@\//, replacement: `${ROOT}/` },
        { find: 'server-only', replacement: path.join(ROOT, 'test', 'support', 'server-only-stub.ts') },
      ],
    },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { runtime: 'automatic' } },
    build: { outDir, emptyOutDir: true, minify: !process.argv.includes('--no-minify'), reportCompressedSize: false, modulePreload: { polyfill: false } },
  });
  return outDir;
}

function serve(dir: string): Promise<http.Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = path.join(dir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const ARABIC_KEYS: Array<[string, string]> = [
  ['KeyF', 'ب'], ['KeyJ', 'ت'], ['KeyH', 'ا'], ['KeyG', 'ل'], ['KeyD', 'ي'], ['KeyL', 'م'], ['KeyK', 'ن'], ['Space', ' '],
];

async function typeKeys(page: Page, count: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < count; i++) {
    const [code, text] = ARABIC_KEYS[i % ARABIC_KEYS.length]!;
    const event = { code, key: text, text, unmodifiedText: text, windowsVirtualKeyCode: code === 'Space' ? 32 : code.charCodeAt(3) };
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...event });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event });
    await new Promise((resolve) => setTimeout(resolve, KEY_INTERVAL_MS));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  await cdp.detach();
}

type Sample = { total: number; toFrame: number; render: number; tickAfterKey: boolean };

async function measure(page: Page, target: 'editor' | 'bare', profileTo: string | null): Promise<Sample[]> {
  await page.evaluate((where) => window.bench.placeCaret(where), target);
  await typeKeys(page, WARMUP_KEYS);
  const tracer = TRACE_DIR ? await page.context().newCDPSession(page) : null;
  const traceEvents: unknown[] = [];
  if (tracer) {
    tracer.on('Tracing.dataCollected', (event: { value: unknown[] }) => traceEvents.push(...event.value));
    await tracer.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,v8.execute', transferMode: 'ReportEvents' });
  }
  const profiler = profileTo ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
    await profiler.send('Profiler.start');
  }
  await page.evaluate(() => window.bench.start());
  await typeKeys(page, KEYS);
  const samples = await page.evaluate(() => window.bench.stop());
  if (tracer && TRACE_DIR) {
    const done = new Promise<void>((resolve) => tracer.once('Tracing.tracingComplete', () => resolve()));
    await tracer.send('Tracing.end');
    await done;
    const file = path.join(TRACE_DIR, `${target}-${window_words}.json`);
    fs.writeFileSync(file, JSON.stringify({ traceEvents }));
    console.log(`  trace written to ${file}`);
    await tracer.detach();
  }
  if (profiler && profileTo) {
    const { profile } = await profiler.send('Profiler.stop');
    fs.writeFileSync(profileTo, JSON.stringify(profile));
    await profiler.detach();
    console.log(`  CPU profile written to ${profileTo}`);
  }
  return samples;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Row = {
  words: number;
  target: string;
  median: number;
  p95: number;
  p99: number;
  n: number;
  toFrameMedian: number;
  toFrameP95: number;
  renderMedian: number;
  renderP95: number;
  tickAfterKey: number;
};

async function main() {
  console.log('bundling the editor page with vite…');
  const dir = await bundle();
  const server = await serve(dir);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const rows: Row[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'ar-IQ' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(url);
    for (const words of SIZES) {
      const { doc, html } = makeDocument(words);
      const started = performance.now();
      await page.evaluate(({ doc: d, html: h }) => window.bench.load(d as never, h), { doc, html });
      console.log(`${words} words: loaded in ${(performance.now() - started).toFixed(0)} ms`);
      window_words = words;
      for (const target of ['editor', 'bare'] as const) {
        const profileTo = PROFILE_DIR && target === 'editor' ? path.join(PROFILE_DIR, `editor-${words}.cpuprofile`) : null;
        const measured = await measure(page, target, profileTo);
        const sorted = (pick: (sample: Sample) => number) => measured.map(pick).sort((a, b) => a - b);
        const total = sorted((sample) => sample.total);
        const toFrame = sorted((sample) => sample.toFrame);
        const render = sorted((sample) => sample.render);
        rows.push({
          words,
          target,
          median: percentile(total, 50),
          p95: percentile(total, 95),
          p99: percentile(total, 99),
          n: total.length,
          toFrameMedian: percentile(toFrame, 50),
          toFrameP95: percentile(toFrame, 95),
          renderMedian: percentile(render, 50),
          renderP95: percentile(render, 95),
          tickAfterKey: measured.filter((sample) => sample.tickAfterKey).length / Math.max(1, measured.length),
        });
      }
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const ms = (value: number) => `${value.toFixed(1)} ms`.padEnd(9);
  let pass = true;
  console.log('\n| words  | editor median | editor p95 | editor p99 | bare median | bare p95 | bare p99 | p95 ratio | keys |');
  console.log('| ------ | ------------- | ---------- | ---------- | ----------- | -------- | -------- | --------- | ---- |');
  for (const words of SIZES) {
    const editor = rows.find((row) => row.words === words && row.target === 'editor')!;
    const bare = rows.find((row) => row.words === words && row.target === 'bare')!;
    const ratio = editor.p95 / bare.p95;
    console.log(
      `| ${String(words).padEnd(6)} | ${ms(editor.median).padEnd(13)} | ${ms(editor.p95).padEnd(10)} | ${ms(editor.p99).padEnd(10)} | ${ms(bare.median).padEnd(11)} | ${ms(bare.p95).padEnd(8)} | ${ms(bare.p99).padEnd(8)} | ${(ratio.toFixed(2) + '×').padEnd(9)} | ${String(editor.n).padEnd(4)} |`,
    );
    if (words === 10_000) {
      const p95ok = editor.p95 <= 16;
      const ratioOk = ratio <= 2;
      pass = p95ok && ratioOk;
    }
  }
  console.log('\nphases (median / p95): keydown → frame start (deliver + handle the key) | frame start → painted (style, layout, paint) | keys whose frame tick came after the keydown');
  for (const row of rows) {
    console.log(
      `  ${String(row.words).padEnd(6)} ${row.target.padEnd(6)}  to frame ${row.toFrameMedian.toFixed(1)} / ${row.toFrameP95.toFixed(1)} ms | render ${row.renderMedian.toFixed(1)} / ${row.renderP95.toFixed(1)} ms | tick after key ${(row.tickAfterKey * 100).toFixed(0)}%`,
    );
  }
  const editor10k = rows.find((row) => row.words === 10_000 && row.target === 'editor');
  const bare10k = rows.find((row) => row.words === 10_000 && row.target === 'bare');
  if (editor10k && bare10k) {
    const ratio = editor10k.p95 / bare10k.p95;
    console.log(`\n${editor10k.p95 <= 16 ? 'PASS' : 'FAIL'}  10k words: editor p95 ≤ 16 ms (${editor10k.p95.toFixed(1)} ms)`);
    console.log(`${ratio <= 2 ? 'PASS' : 'FAIL'}  10k words: editor p95 ≤ 2× bare p95 (${ratio.toFixed(2)}×)`);
  }
  process.exitCode = pass ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
