/**
 * Editor typing latency benchmark: `npx tsx bench/editor-typing.ts [--keys 300] [--sizes 1000,10000,50000]`.
 *
 * Bundles bench/editor-typing/ (the newsroom editor component, components/editor/article-editor.tsx, with the shared
 * extension list from lib/content, its toolbar, counters and save loop; saving is a no-op) with vite, serves it,
 * and opens it in Chromium (/usr/bin/chromium, the flags of playwright.config.ts). For documents of 1k, 10k and 50k
 * Arabic words with an entity mark every ~15 words, it types Arabic letters (keys sent as an Arabic layout sends
 * them: code KeyF, key «ب») in the middle of the document, then does the same in a bare contenteditable holding the
 * same text on the same page. Latency per key is measured in the page: keydown `event.timeStamp` → the next
 * animation frame → a message posted from it (runs right after that frame's paint).
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

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const KEYS = Number(option('keys', '300'));
const SIZES = option('sizes', '1000,10000,50000').split(',').map(Number);
const WARMUP_KEYS = 15;
const KEY_INTERVAL_MS = 40;
const ROOT = path.resolve(__dirname, '..');

// ── Deterministic Arabic documents ────────────────────────────────────────────────────────────────────────────────

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
    build: { outDir, emptyOutDir: true, minify: true, reportCompressedSize: false, modulePreload: { polyfill: false } },
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

async function measure(page: Page, target: 'editor' | 'bare'): Promise<number[]> {
  await page.evaluate((where) => window.bench.placeCaret(where), target);
  await typeKeys(page, WARMUP_KEYS);
  await page.evaluate(() => window.bench.start());
  await typeKeys(page, KEYS);
  return page.evaluate(() => window.bench.stop());
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Row = { words: number; target: string; median: number; p95: number; p99: number; n: number };

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
      for (const target of ['editor', 'bare'] as const) {
        const samples = (await measure(page, target)).sort((a, b) => a - b);
        rows.push({ words, target, median: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), n: samples.length });
      }
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const ms = (value: number) => `${value.toFixed(1)} ms`.padEnd(9);
  console.log('\n| words  | editor median | editor p95 | editor p99 | bare median | bare p95 | bare p99 | p95 ratio | keys |');
  console.log('| ------ | ------------- | ---------- | ---------- | ----------- | -------- | -------- | --------- | ---- |');
  let pass = true;
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
      console.log(`\n${p95ok ? 'PASS' : 'FAIL'}  10k words: editor p95 ≤ 16 ms (${editor.p95.toFixed(1)} ms)`);
      console.log(`${ratioOk ? 'PASS' : 'FAIL'}  10k words: editor p95 ≤ 2× bare p95 (${ratio.toFixed(2)}×)`);
      pass = p95ok && ratioOk;
    }
  }
  process.exitCode = pass ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
