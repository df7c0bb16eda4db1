/**
 * Entity matcher benchmark: `npx tsx bench/entity-matcher.ts`.
 *
 * Generates (deterministically) a registry of 100k Arabic entities with aliases and a 10k-word Arabic article with a
 * few hundred planted mentions (some with clitics, the لل contraction, harakat, hamza variants), then measures:
 * - build: `createEntityMatcher` over the whole registry (first, cold, and the median of warm rebuilds);
 * - scan: `findMatches` over the article (median and p95 of many runs after warmup), and throughput;
 * - a naive baseline in the same process: every normalized name searched with an indexOf loop in the normalized text.
 * Goals: build ≤ 500 ms, scan ≤ 10 ms, scan ≥ 50× faster than the baseline. Exits 1 when a goal is missed.
 *
 * Options: --entities N (default 100000), --words N (default 10000), --runs N (default 200), --naive-runs N (3).
 */
import { performance } from 'node:perf_hooks';
import { createEntityMatcher, normalizeArabic, type EntityEntry } from '../lib/entities';
import { createRandom } from './deterministic-random';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const ENTITY_COUNT = option('entities', 100_000);
const ARTICLE_WORDS = option('words', 10_000);
const SCAN_RUNS = option('runs', 200);
const NAIVE_RUNS = option('naive-runs', 3);

// --- deterministic generation ----------------------------------------------------------------------------------------


const random = createRandom(20240105);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (probability: number): boolean => random() < probability;
const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

const CONSONANTS = [...'بتثجحخدذرزسشصضطظعغفقكلمنهوي'];
const LONG_VOWELS = ['ا', 'و', 'ي', '', '', ''];
const GIVEN_NAMES = ['محمد', 'أحمد', 'علي', 'حسن', 'حسين', 'عمر', 'خالد', 'يوسف', 'إبراهيم', 'مصطفى', 'فاطمة', 'زينب',
  'مريم', 'نور', 'سارة', 'عبد الله', 'عبد الرحمن', 'جعفر', 'كاظم', 'رائد', 'هادي', 'ليلى', 'آمنة', 'طالب'];
const ORG_HEADS = ['وزارة', 'هيئة', 'حركة', 'مجلس', 'شركة', 'جامعة', 'منظمة', 'قوات', 'لجنة', 'مؤسسة', 'اتحاد', 'جبهة',
  'تحالف', 'حزب', 'مصرف', 'نقابة'];
const PLACE_HEADS = ['مدينة', 'محافظة', 'قضاء', 'ناحية', 'جزيرة', 'نهر', 'جبل', 'سهل'];

/** An Arabic-looking word from consonant + optional long vowel syllables, 3–9 letters. */
function syllableWord(): string {
  let word = '';
  const syllables = between(2, 4);
  for (let i = 0; i < syllables; i++) word += pick(CONSONANTS) + pick(LONG_VOWELS);
  if (chance(0.25)) word += 'ة';
  else if (chance(0.15)) word += 'ي';
  return word.length < 3 ? word + pick(CONSONANTS) : word;
}

function withArticle(word: string): string {
  return 'ال' + word;
}

/** Writes the hamza-on-alef variant a journalist may type (أ/إ/ا), and sometimes ه for final ة. */
function spellingVariant(name: string): string {
  return name.replace(/ا/, () => pick(['أ', 'إ', 'ا'])).replace(/ة( |$)/, 'ه$1');
}

function generateEntity(index: number): EntityEntry {
  const kind = random();
  const words: string[] = [];
  const aliases: string[] = [];
  if (kind < 0.4) {
    // person: given name(s) + family name, alias = family name or given + family
    words.push(pick(GIVEN_NAMES));
    if (chance(0.5)) words.push(syllableWord());
    const family = chance(0.6) ? withArticle(syllableWord()) : syllableWord();
    words.push(family);
    if (chance(0.5)) aliases.push(family.startsWith('ال') ? family : `${words[0]} ${family}`);
  } else if (kind < 0.75) {
    // organization: head + 1–3 qualifiers, alias = the qualifiers
    words.push(pick(ORG_HEADS));
    const qualifiers = between(1, 3);
    for (let i = 0; i < qualifiers; i++) words.push(withArticle(syllableWord()));
    if (chance(0.5)) aliases.push(words.slice(1).join(' '));
  } else {
    // place: one word, sometimes with a head
    if (chance(0.3)) words.push(pick(PLACE_HEADS));
    words.push(chance(0.3) ? withArticle(syllableWord()) : syllableWord());
  }
  const name = words.join(' ');
  if (chance(0.3)) aliases.push(spellingVariant(name));
  if (chance(0.05)) aliases.push(`Entity ${index}`);
  return { entityId: `e${index}`, names: [name, ...aliases] };
}

const FILLER = ['في', 'من', 'على', 'إلى', 'أن', 'التي', 'الذي', 'قال', 'وقال', 'أعلن', 'اليوم', 'أمس', 'بعد', 'قبل',
  'خلال', 'حول', 'مع', 'عن', 'هذا', 'هذه', 'كما', 'وفق', 'مصدر', 'مسؤول', 'الحكومة', 'الوزير', 'الرئيس', 'البرلمان',
  'الأمنية', 'العسكرية', 'الاقتصادية', 'المحلية', 'الدولية', 'الماضي', 'المقبل', 'عام', 'شهر', 'الأسبوع', 'تقرير',
  'بيان', 'مؤتمر', 'صحفي', 'مشروع', 'قرار', 'اجتماع', 'جلسة', 'المواطنين', 'الأهالي', 'السكان', 'حيث', 'لكن', 'ثم'];
const CLITICS = ['و', 'ب', 'ل', 'ف', 'وب', 'ول', 'ك'];
const HARAKAT = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652'];

function addHarakat(word: string): string {
  return [...word].map((letter) => (letter !== ' ' && chance(0.4) ? letter + pick(HARAKAT) : letter)).join('');
}

interface Planted {
  entityId: string;
  /** Character offset in the article where the name (after clitics) starts. */
  start: number;
}

function generateArticle(entities: EntityEntry[], wordCount: number): { text: string; planted: Planted[] } {
  let text = '';
  const planted: Planted[] = [];
  let words = 0;
  let sinceBreak = 0;
  const mentionRate = 300 / wordCount;
  while (words < wordCount) {
    if (words > 0) {
      if (sinceBreak > 40 && chance(0.05)) {
        text += '.\n';
        sinceBreak = 0;
      } else text += chance(0.06) ? '، ' : ' ';
    }
    if (chance(mentionRate)) {
      const entity = pick(entities);
      let name = pick(entity.names);
      let clitic = '';
      if (chance(0.3)) {
        clitic = pick(CLITICS);
        if (clitic.endsWith('ل') && name.startsWith('ال')) name = name.slice(1); // لل contraction
      }
      if (chance(0.1)) name = addHarakat(name);
      text += clitic;
      planted.push({ entityId: entity.entityId, start: text.length });
      text += name;
      const nameWords = name.split(' ').length;
      words += nameWords;
      sinceBreak += nameWords;
    } else {
      text += chance(0.7) ? pick(FILLER) : syllableWord();
      words++;
      sinceBreak++;
    }
  }
  return { text: text + '.', planted };
}

// --- measurement ----------------------------------------------------------------------------------------------------

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

function time<T>(action: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = action();
  return { result, ms: performance.now() - started };
}

const format = (value: number, digits = 2): string => value.toFixed(digits);

function main(): void {
  const entities = Array.from({ length: ENTITY_COUNT }, (_, index) => generateEntity(index));
  const nameCount = entities.reduce((sum, entity) => sum + entity.names.length, 0);
  const { text: article, planted } = generateArticle(entities, ARTICLE_WORDS);
  const articleBytes = Buffer.byteLength(article, 'utf8');

  // Build: cold (first ever, includes JIT warmup), then warm rebuilds.
  const cold = time(() => createEntityMatcher(entities));
  const matcher = cold.result;
  const warmBuilds = Array.from({ length: 5 }, () => time(() => createEntityMatcher(entities)).ms);

  // Scan.
  let matches = matcher.findMatches(article);
  for (let i = 0; i < 20; i++) matches = matcher.findMatches(article);
  const scanTimes = Array.from({ length: SCAN_RUNS }, () => time(() => matcher.findMatches(article)).ms);
  const scanMedian = median(scanTimes);

  const normalizeTimes = Array.from({ length: 50 }, () => time(() => normalizeArabic(article)).ms);

  // Naive baseline: normalize the names (its "build"), then an indexOf loop per name over the normalized text.
  const naiveBuild = time(() => {
    const forms = entities.flatMap((entity) => entity.names.map((name) => normalizeArabic(name).trim()));
    return [...new Set(forms)];
  });
  const naiveNames = naiveBuild.result.filter((name) => name !== '');
  const naiveScan = (): number => {
    const normalizedText = normalizeArabic(article);
    let hits = 0;
    for (const name of naiveNames) {
      for (let at = normalizedText.indexOf(name); at >= 0; at = normalizedText.indexOf(name, at + 1)) hits++;
    }
    return hits;
  };
  const naiveRuns = Array.from({ length: NAIVE_RUNS }, () => time(naiveScan));
  const naiveMedian = median(naiveRuns.map((run) => run.ms));
  const naiveHits = naiveRuns[0]!.result;

  // Recall on planted mentions: a match starts exactly where the name was planted (after its clitics). A different
  // entity there means the generator gave two entities the same name (the canonical/earlier one wins).
  const byStart = new Map(matches.map((match) => [match.start, match]));
  const atPosition = planted.filter((mention) => byStart.has(mention.start)).length;
  const sameEntity = planted.filter((mention) => byStart.get(mention.start)?.entityId === mention.entityId).length;

  const buildWarm = median(warmBuilds);
  const speedup = naiveMedian / scanMedian;
  const throughput = articleBytes / 1e6 / (scanMedian / 1000);
  const naiveThroughput = articleBytes / 1e6 / (naiveMedian / 1000);

  const rows: Array<[string, string, string, string]> = [
    ['build (cold, first)', `${format(cold.ms, 1)} ms`, `${format(naiveBuild.ms, 1)} ms`, ''],
    ['build (warm, median of 5)', `${format(buildWarm, 1)} ms`, '', ''],
    [
      `scan (median of ${SCAN_RUNS})`,
      `${format(scanMedian, 3)} ms`,
      `${format(naiveMedian, 1)} ms`,
      `${format(speedup, 0)}×`,
    ],
    ['scan p95', `${format(percentile(scanTimes, 0.95), 3)} ms`, '', ''],
    ['throughput', `${format(throughput, 1)} MB/s`, `${format(naiveThroughput, 3)} MB/s`, ''],
    ['hits', `${matches.length} matches`, `${naiveHits} raw substrings`, ''],
  ];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length), 14));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;

  console.log(`registry: ${ENTITY_COUNT} entities, ${nameCount} names (${matcher.nameCount} distinct normalized)`);
  console.log(
    `article: ${ARTICLE_WORDS} words, ${article.length} UTF-16 units, ${(articleBytes / 1024).toFixed(1)} KiB UTF-8, ` +
      `${planted.length} planted mentions`,
  );
  console.log(`normalizeArabic(article): ${format(median(normalizeTimes), 3)} ms median`);
  console.log(
    `planted mentions found: ${atPosition}/${planted.length} at the planted position ` +
      `(${sameEntity} as the planted entity, the rest are names shared by several generated entities)`,
  );
  console.log('');
  console.log(line(['', 'matcher', 'naive indexOf', 'speedup']));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
  console.log('');

  const goals: Array<[string, boolean]> = [
    [`build ≤ 500 ms (cold ${format(cold.ms, 1)} ms)`, cold.ms <= 500],
    [`scan ≤ 10 ms (${format(scanMedian, 3)} ms)`, scanMedian <= 10],
    [`≥ 50× naive (${format(speedup, 0)}×)`, speedup >= 50],
  ];
  for (const [goal, met] of goals) console.log(`${met ? 'PASS' : 'FAIL'}  ${goal}`);
  if (goals.some(([, met]) => !met)) process.exitCode = 1;
}

main();
