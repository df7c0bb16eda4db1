import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArabic, normalizeWithOffsets, toOriginalRange } from './normalize';

const ch = (codePoint: number): string => String.fromCodePoint(codePoint);

describe('normalizeArabic: the table', () => {
  it.each([
    ['أ', 'ا'],
    ['إ', 'ا'],
    ['آ', 'ا'],
    ['ٱ', 'ا'],
    ['ٲ', 'ا'],
    ['ٳ', 'ا'],
    ['ة', 'ه'],
    ['ى', 'ي'],
    ['ی', 'ي'],
    ['ک', 'ك'],
    ['ۀ', 'ه'],
    ['ہ', 'ه'],
    ['ۂ', 'ه'],
    ['ھ', 'ه'],
    ['ە', 'ه'],
    ['ے', 'ي'],
    ['ۓ', 'ئ'],
    ['٫', '.'],
    ['٬', ','],
  ])('folds %s to %s', (input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('removes every haraka U+064B–U+0652, superscript alef U+0670 and tatweel U+0640', () => {
    for (let codePoint = 0x064b; codePoint <= 0x0652; codePoint++) {
      expect(normalizeArabic(`ب${ch(codePoint)}ت`), codePoint.toString(16)).toBe('بت');
    }
    expect(normalizeArabic('هٰذا')).toBe('هذا');
    expect(normalizeArabic('بـــغـداد')).toBe('بغداد');
    expect(normalizeArabic('مُحَمَّدٌ')).toBe('محمد');
    expect(normalizeArabic('جداً')).toBe('جدا');
  });

  it('removes other Arabic combining marks (Quranic annotation, extended marks)', () => {
    expect(normalizeArabic('ب\u0610\u06D6\u06ED\u08F0ت')).toBe('بت');
  });

  it('composes a decomposed hamza like NFC would, and otherwise drops combining maddah/hamza', () => {
    expect(normalizeArabic('ا\u0654')).toBe('ا'); // decomposed أ
    expect(normalizeArabic('ا\u0655')).toBe('ا'); // decomposed إ
    expect(normalizeArabic('ا\u0653')).toBe('ا'); // decomposed آ
    expect(normalizeArabic('و\u0654')).toBe('ؤ');
    expect(normalizeArabic('ي\u0654')).toBe('ئ');
    expect(normalizeArabic('و\u064E\u0654')).toBe('ؤ'); // fatha before hamza (canonical order) still composes
    expect(normalizeArabic('ؤ ئ ء')).toBe('ؤ ئ ء'); // precomposed hamza carriers stay
    expect(normalizeArabic('\u0654')).toBe('');
  });

  it('maps Arabic-Indic and Persian digits to ASCII', () => {
    expect(normalizeArabic('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normalizeArabic('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(normalizeArabic('عام ٢٠١٤')).toBe('عام 2014');
  });

  it('removes bidi and joiner controls', () => {
    const controls = [0x200e, 0x200f, 0x061c, 0x200c, 0x200d, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067];
    for (const control of [...controls, 0x2068, 0x2069, 0xfeff, 0x00ad, 0x2060]) {
      expect(normalizeArabic(`ب${ch(control)}ت`), control.toString(16)).toBe('بت');
    }
  });

  it('applies NFKC to presentation forms, including ligatures that expand', () => {
    expect(normalizeArabic('\uFE8D\uFE91\uFE8E')).toBe('ابا'); // isolated alef, initial beh, final alef
    expect(normalizeArabic('\uFE83')).toBe('ا'); // alef with hamza above, isolated form → أ → ا
    expect(normalizeArabic('\uFE93')).toBe('ه'); // teh marbuta isolated → ة → ه
    expect(normalizeArabic('\uFEEF')).toBe('ي'); // alef maksura isolated → ى → ي
    expect(normalizeArabic('\uFEFB')).toBe('لا'); // lam-alef ligature
    expect(normalizeArabic('\uFEF7')).toBe('لا'); // lam-alef with hamza above
    expect(normalizeArabic('\uFDF2')).toBe('الله');
    expect(normalizeArabic('\uFDFA')).toBe('صلي الله عليه وسلم');
    expect(normalizeArabic('\uFDFC')).toBe('ريال'); // rial sign, contains Farsi yeh
    expect(normalizeArabic('ب\uFE71ت')).toBe('بت'); // tatweel with fathatan above
    expect(normalizeArabic('ب \uFE70')).toBe('ب '); // isolated fathatan = space + fathatan; space collapses
    expect(normalizeArabic(ch(0x1ee01))).toBe('ب'); // Arabic mathematical beh
  });

  it('lowercases Latin (and other cased scripts)', () => {
    expect(normalizeArabic('CENTCOM Pentagon ÉCOLE')).toBe('centcom pentagon école');
    expect(normalizeArabic('İ')).toBe('i̇');
    expect(normalizeArabic(ch(0x10400))).toBe(ch(0x10428)); // Deseret, astral
  });

  it('collapses any run of whitespace to one space without trimming', () => {
    expect(normalizeArabic('  الولايات \t\n\u00A0 المتحدة  ')).toBe(' الولايات المتحده ');
    expect(normalizeArabic('a\u200B\u2003b')).toBe('a b');
    expect(normalizeArabic('a \u200F b')).toBe('a b');
  });

  it('keeps everything else, including punctuation, hamza and astral characters', () => {
    const text = 'بغداد، «العراق»؛ هل؟ ء 😀 (5) x-y';
    expect(normalizeArabic(text)).toBe(text);
    expect(normalizeArabic('')).toBe('');
  });

  it('returns the input itself when nothing changes', () => {
    const text = 'بغداد اليوم';
    expect(normalizeArabic(text)).toBe(text);
  });

  it('handles long texts (chunked string building)', () => {
    const text = 'أَ'.repeat(30_000);
    expect(normalizeArabic(text)).toBe('ا'.repeat(30_000));
  });
});

describe('normalizeWithOffsets', () => {
  it('maps a name carrying harakat and tatweel back to the whole original word, trailing harakat included', () => {
    const text = 'في بَغْـدَادَ اليوم';
    const result = normalizeWithOffsets(text);
    expect(result.normalized).toBe('في بغداد اليوم');
    const start = result.normalized.indexOf('بغداد');
    const range = toOriginalRange(result, start, start + 'بغداد'.length);
    expect(text.slice(range.start, range.end)).toBe('بَغْـدَادَ');
  });

  it('gives toOriginal for every unit plus the end, and toOriginalEnd covering marks', () => {
    const result = normalizeWithOffsets('بِسْمِ');
    expect(result.normalized).toBe('بسم');
    expect([...result.toOriginal]).toEqual([0, 2, 4, 6]);
    expect([...result.toOriginalEnd]).toEqual([2, 4, 6, 6]);
  });

  it('excludes leading bidi controls and maps the end past trailing ones', () => {
    const text = '\u200Fالعراق\u200F';
    const result = normalizeWithOffsets(text);
    expect(result.normalized).toBe('العراق');
    const range = toOriginalRange(result, 0, 6);
    expect(text.slice(range.start, range.end)).toBe('العراق');
    expect(result.toOriginal[6]).toBe(text.length);
  });

  it('maps every unit of an expanded ligature to the whole ligature', () => {
    const text = 'قال \uFDF2 أكبر';
    const result = normalizeWithOffsets(text);
    expect(result.normalized).toBe('قال الله اكبر');
    const start = result.normalized.indexOf('الله');
    for (let k = start; k < start + 4; k++) {
      expect(result.toOriginal[k]).toBe(4);
      expect(result.toOriginalEnd[k]).toBe(5);
    }
    // A range ending inside the expansion still covers the whole ligature.
    const partial = toOriginalRange(result, start, start + 2);
    expect(text.slice(partial.start, partial.end)).toBe('\uFDF2');
    const lamAlef = normalizeWithOffsets('\uFEFB\u064E');
    expect(lamAlef.normalized).toBe('لا');
    expect(toOriginalRange(lamAlef, 1, 2)).toEqual({ start: 0, end: 2 });
  });

  it('keeps surrogate pairs together', () => {
    const text = '😀بَ😀';
    const result = normalizeWithOffsets(text);
    expect(result.normalized).toBe('😀ب😀');
    expect([...result.toOriginal]).toEqual([0, 0, 2, 4, 4, 6]);
    expect(toOriginalRange(result, 0, 1)).toEqual({ start: 0, end: 2 });
    expect(toOriginalRange(result, 2, 3)).toEqual({ start: 2, end: 4 });
    expect(toOriginalRange(result, 3, 5)).toEqual({ start: 4, end: 6 });
  });

  it('maps a collapsed whitespace run to its first character', () => {
    const text = 'أ \t\n ب';
    const result = normalizeWithOffsets(text);
    expect(result.normalized).toBe('ا ب');
    expect([...result.toOriginal]).toEqual([0, 1, 5, 6]);
  });

  it('rejects out-of-range ranges and maps empty ranges to a point', () => {
    const result = normalizeWithOffsets('بَت');
    expect(toOriginalRange(result, 1, 1)).toEqual({ start: 2, end: 2 });
    expect(() => toOriginalRange(result, 0, 3)).toThrow(RangeError);
    expect(() => toOriginalRange(result, 2, 1)).toThrow(RangeError);
  });
});

describe('normalization properties', () => {
  const noise = [
    'ب', 'غ', 'د', 'ا', 'أ', 'إ', 'آ', 'ة', 'ى', 'ی', 'ک', 'ۀ', 'و', 'ي', 'ل', 'ـ', '\u064B', '\u064E', '\u0650',
    '\u0651', '\u0652', '\u0670', '\u0654', '\u200E', '\u200F', '\u061C', '\u200C', '\u200D', '\u202B', '\u2067',
    '\uFEFF', ' ', '  ', '\t', '\n', '\u00A0', '٣', '۵', 'A', 'z', '،', '«', '»',
    '\uFEFB', '\uFDF2', '\uFDFA', '\uFE70',
    '😀', '\uD83D', '\uDE00', 'İ', 'ß', '.', '-',
  ];
  const noisyText = fc.array(fc.oneof(fc.constantFrom(...noise), fc.string({ maxLength: 3, unit: 'binary' })), {
    maxLength: 40,
  }).map((parts) => parts.join(''));

  it('normalizeWithOffsets agrees with normalizeArabic; offsets are monotonic, in range and cover the text', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        const { normalized, toOriginal, toOriginalEnd } = normalizeWithOffsets(text);
        expect(normalized).toBe(normalizeArabic(text));
        expect(toOriginal.length).toBe(normalized.length + 1);
        expect(toOriginalEnd.length).toBe(normalized.length + 1);
        expect(toOriginal[normalized.length]).toBe(text.length);
        for (let k = 0; k < normalized.length; k++) {
          const start = toOriginal[k]!;
          const end = toOriginalEnd[k]!;
          expect(start).toBeLessThan(end);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(start).toBeLessThanOrEqual(toOriginal[k + 1]!);
          if (k > 0) expect(toOriginalEnd[k - 1]!).toBeLessThanOrEqual(end);
          // Ranges never split a surrogate pair.
          const lead = text.charCodeAt(start - 1);
          const here = text.charCodeAt(start);
          expect(lead >= 0xd800 && lead <= 0xdbff && here >= 0xdc00 && here <= 0xdfff).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        const once = normalizeArabic(text);
        expect(normalizeArabic(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps any normalized range to an original slice that normalizes back to it (without ligatures)', () => {
    const plain = fc
      .array(fc.constantFrom(...noise.filter((part) => !/[\uFB50-\uFDFF\uFE70-\uFEFE\u0654İ]/.test(part))), {
        maxLength: 30,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(plain, fc.nat(), fc.nat(), (text, a, b) => {
        const offsets = normalizeWithOffsets(text);
        const length = offsets.normalized.length;
        const start = length === 0 ? 0 : a % (length + 1);
        const end = start + (length === 0 ? 0 : b % (length - start + 1));
        const isHigh = (k: number): boolean => /[\uD800-\uDBFF]/.test(offsets.normalized[k]!);
        const isLow = (k: number): boolean => /[\uDC00-\uDFFF]/.test(offsets.normalized[k]!);
        const splitsPair = (k: number): boolean => k > 0 && k < length && isHigh(k - 1) && isLow(k);
        fc.pre(!splitsPair(start) && !splitsPair(end));
        const range = toOriginalRange(offsets, start, end);
        const slice = normalizeArabic(text.slice(range.start, range.end));
        const expected = offsets.normalized.slice(start, end);
        expect(slice).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
