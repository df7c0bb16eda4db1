import { describe, expect, it } from 'vitest';
import { diffParagraphs, diffWords } from './text-diff';

describe('text diffs', () => {
  it('diffs words', () => {
    expect(diffWords('زار الوزير بغداد اليوم', 'زار الرئيس بغداد اليوم')).toEqual([
      { kind: 'same', text: 'زار ' },
      { kind: 'removed', text: 'الوزير' },
      { kind: 'added', text: 'الرئيس' },
      { kind: 'same', text: ' بغداد اليوم' },
    ]);
    expect(diffWords('', 'جديد')).toEqual([{ kind: 'added', text: 'جديد' }]);
    expect(diffWords('نفسه', 'نفسه')).toEqual([{ kind: 'same', text: 'نفسه' }]);
  });

  it('diffs paragraphs, showing a replaced paragraph as a word change', () => {
    expect(diffParagraphs('أ\nب\nج', 'أ\nب معدلة\nج\nد')).toEqual([
      { kind: 'same', text: 'أ' },
      { kind: 'changed', parts: [{ kind: 'same', text: 'ب' }, { kind: 'added', text: ' معدلة' }] },
      { kind: 'same', text: 'ج' },
      { kind: 'added', text: 'د' },
    ]);
    expect(diffParagraphs('أ\nب', 'ب')).toEqual([
      { kind: 'removed', text: 'أ' },
      { kind: 'same', text: 'ب' },
    ]);
  });

  it('stays fast on long texts', () => {
    const long = Array.from({ length: 3000 }, (_, index) => `فقرة رقم ${index}`).join('\n');
    const edited = long.replace('فقرة رقم 1500', 'فقرة معدلة 1500');
    const started = performance.now();
    const diff = diffParagraphs(long, edited);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(diff.filter((part) => part.kind !== 'same')).toHaveLength(1);
  });
});
