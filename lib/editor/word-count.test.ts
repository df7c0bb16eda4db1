import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSeedArticle } from '@/db/seed';
import { BlockWordCounter, countWords, formatWordCount, readingMinutes } from './word-count';

/** The definition countWords keeps: word-like segments of Intl.Segmenter ('ar', words), counted over the whole text. */
function segmenterCount(text: string): number {
  let count = 0;
  for (const segment of new Intl.Segmenter('ar', { granularity: 'word' }).segment(text)) if (segment.isWordLike) count++;
  return count;
}

/**
 * Characters of every class the fast path knows (Arabic and Latin letters, both kinds of digits, harakat, tatweel,
 * spaces, line breaks, breaking and joining punctuation) and some it leaves to the segmenter (emoji, ZWNJ, NBSP, CR,
 * Hebrew, underscore, the Arabic decimal separator, marks it does not list).
 */
const ALPHABET = [
  ...'بغدادالسودانيكتبةىءآأإؤئـ',
  ...'abcXYZ',
  ...'0123456789٠١٢٣٤٥٦٧٨٩۰۱۲',
  ...'\u064b\u064e\u064f\u0650\u0651\u0652\u0670',
  ...'  \t\n',
  ...'()[]«»!?؟؛"-/–—…%',
  ...".,':;،٬‘’",
  '🧨', '\u200c', '\u200d', '\u00a0', '\r', 'ש', '_', '\u066b', '\u06dd', '\u200f', 'é',
];
const mixedText = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((chars) => chars.join(''));
const wordsOfMixedText = fc
  .array(fc.oneof(mixedText, fc.constantFrom('بغداد', 'COP', '28', '٢٠٢٤', '3.5', 'U.S', "l'eau", 'وَقَالَ', 'الـعراق')), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('countWords', () => {
  it('counts Arabic words with their clitics, Latin words and numbers, not punctuation', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ، ؛ ؟ - «»')).toBe(0);
    expect(countWords('وقال السوداني، إن بغداد ستحتضن COP 28 في 2024.')).toBe(9);
    expect(countWords('للأمم المتحدة')).toBe(2);
    expect(countWords('٥ كانون الثاني ٢٠٢٤')).toBe(4);
    expect(countWords('كَتَبَ الصَّحَفِيُّ')).toBe(2);
  });

  it('counts exactly as Intl.Segmenter does: the seed article, mixed Arabic/Latin/digit samples and fuzzed text', () => {
    const seed = readSeedArticle();
    expect(countWords(seed.bodyText)).toBe(segmenterCount(seed.bodyText));
    expect(countWords(seed.bodyText)).toBeGreaterThan(300);
    const samples = [
      'قال 3 مسؤولين إن 2.5 مليون دولار، أي 1,000,000 دينار، صُرفت في 5/1/2024.',
      'U.S. forces and the PMF: "no comment" — بحسب CNN\'s report (2024).',
      'عام ٢٠٢٤٫٥ و١٬٠٠٠ مقاتل؛ هل هذا صحيح؟ «نعم»!',
      'COVID-19 e-mail l\'eau x_y 12:30 a.b.c ‘quoted’ don’t',
      'كتابٌ مُهمٌّ\nسطر ثان\r\nسطر ثالث\n\n',
      'ـــ تطويل ـ وحده',
      '\u064bبداية بحركة و\u200cفاصل و🧨 و\u00a0مسافة',
    ];
    for (const sample of samples) expect(countWords(sample)).toBe(segmenterCount(sample));
    fc.assert(
      fc.property(fc.oneof(mixedText, wordsOfMixedText), (text) => {
        expect(countWords(text)).toBe(segmenterCount(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with Intl.Segmenter on every letter, digit, mark and punctuation of the Arabic block and ASCII, in context', () => {
    const contexts = (c: string) => [c, c + c, `a${c}`, `${c}1`, `ب${c}ب`, `${c} ${c}`, `1${c}1`, `ب${c}.ب`, `ب.${c}ب`, `${c}َب`, `x ${c}\n${c}`];
    const chars = [...Array.from({ length: 0x80 }, (_, code) => code), ...Array.from({ length: 0x100 }, (_, code) => 0x600 + code), 0x2013, 0x2014, 0x2018, 0x2019, 0x2026];
    for (const code of chars) {
      for (const text of contexts(String.fromCharCode(code))) expect([code.toString(16), text, countWords(text)]).toEqual([code.toString(16), text, segmenterCount(text)]);
    }
  });

  it('gives reading minutes at 200 words a minute, rounded up', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(200)).toBe(1);
    expect(readingMinutes(201)).toBe(2);
    expect(readingMinutes(10_000)).toBe(50);
  });

  it('labels counts in Arabic', () => {
    expect(formatWordCount(0)).toBe('لا كلمات');
    expect(formatWordCount(1)).toBe('كلمة واحدة');
    expect(formatWordCount(2)).toBe('كلمتان');
    expect(formatWordCount(5, 'ar-u-nu-latn')).toBe('5 كلمات');
    expect(formatWordCount(11, 'ar-u-nu-latn')).toBe('11 كلمة');
    expect(formatWordCount(1234, 'ar-u-nu-latn')).toMatch(/^1.234 كلمة$/);
  });
});

describe('BlockWordCounter', () => {
  it('segments only blocks it has not seen, and sums all', () => {
    const seen: string[] = [];
    const counter = new BlockWordCounter<{ text: string }>((block) => {
      seen.push(block.text);
      return block.text;
    });
    const a = { text: 'كلمة أولى' };
    const b = { text: 'ثلاث كلمات هنا' };
    expect(counter.count([a, b])).toBe(5);
    const edited = { text: 'ثلاث كلمات هنا وأكثر' };
    expect(counter.count([a, edited])).toBe(6);
    expect(seen).toEqual(['كلمة أولى', 'ثلاث كلمات هنا', 'ثلاث كلمات هنا وأكثر']);
  });
});
