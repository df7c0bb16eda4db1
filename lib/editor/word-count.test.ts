import { describe, expect, it } from 'vitest';
import { BlockWordCounter, countWords, formatWordCount, readingMinutes } from './word-count';

describe('countWords', () => {
  it('counts Arabic words with their clitics, Latin words and numbers, not punctuation', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ، ؛ ؟ - «»')).toBe(0);
    expect(countWords('وقال السوداني، إن بغداد ستحتضن COP 28 في 2024.')).toBe(9);
    expect(countWords('للأمم المتحدة')).toBe(2);
    expect(countWords('٥ كانون الثاني ٢٠٢٤')).toBe(4);
    expect(countWords('كَتَبَ الصَّحَفِيُّ')).toBe(2);
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
