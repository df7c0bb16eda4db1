import { describe, expect, it } from 'vitest';
import { diffWords, entityTagChanges, hasChanges, tokenizeWords } from './word-diff';

const ENTITY_A = '11111111-1111-4111-8111-111111111111';
const ENTITY_B = '22222222-2222-4222-8222-222222222222';

const doc = (...runs: Array<string | [string, string]>) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: runs.map((run) =>
        typeof run === 'string'
          ? { type: 'text', text: run }
          : { type: 'text', text: run[0], marks: [{ type: 'entity', attrs: { entityId: run[1], entityType: 'place' } }] },
      ),
    },
  ],
});

describe('tokenizeWords', () => {
  it('keeps Arabic words whole with their clitics and diacritics, and makes spaces and punctuation their own tokens', () => {
    expect(tokenizeWords('وبغدادُ، اليومَ؟')).toEqual(['وبغدادُ', '، ', 'اليومَ', '؟']);
    expect(tokenizeWords('كَتَبَ الوزيرُ')).toEqual(['كَتَبَ ', 'الوزيرُ']);
    expect(tokenizeWords('')).toEqual([]);
  });

  it('joins back into the text it came from', () => {
    const text = 'قال السوداني (رئيس الوزراء) إن 3 لجان\nستُشكَّل—قريبًا.';
    expect(tokenizeWords(text).join('')).toBe(text);
  });
});

describe('diffWords', () => {
  it('marks an inserted and a deleted word, keeping the rest equal', () => {
    expect(diffWords('زار الوزير بغداد اليوم', 'زار الوزير الجديد بغداد')).toEqual([
      { kind: 'equal', text: 'زار الوزير ' },
      { kind: 'insert', text: 'الجديد ' },
      { kind: 'equal', text: 'بغداد ' },
      { kind: 'delete', text: 'اليوم' },
    ]);
  });

  it('shows a changed diacritic or clitic as the whole word replaced, never part of a word', () => {
    const segments = diffWords('كتب الوزير', 'كَتَبَ الوزير');
    expect(segments).toEqual([
      { kind: 'delete', text: 'كتب ' },
      { kind: 'insert', text: 'كَتَبَ ' },
      { kind: 'equal', text: 'الوزير' },
    ]);
    expect(diffWords('في بغداد', 'في وبغداد').filter((s) => s.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'بغداد' },
      { kind: 'insert', text: 'وبغداد' },
    ]);
  });

  it('rebuilds both texts (up to spacing) from its segments, and sees identical texts as unchanged', () => {
    const before = 'أعلنت الحكومة، في بيان، خطة جديدة.\nوأكد المتحدث ذلك.';
    const after = 'أعلنت الحكومة العراقية، في بيان رسمي، خطة.\nوأكد المتحدث باسمها ذلك اليوم.';
    const segments = diffWords(before, after);
    const words = (text: string) => text.replace(/\s+/g, '');
    expect(words(segments.filter((s) => s.kind !== 'insert').map((s) => s.text).join(''))).toEqual(words(before));
    expect(words(segments.filter((s) => s.kind !== 'delete').map((s) => s.text).join(''))).toEqual(words(after));
    expect(segments.filter((s) => s.kind === 'insert').map((s) => s.text.trim())).toEqual(['العراقية', 'رسمي', 'باسمها', 'اليوم']);
    expect(segments.filter((s) => s.kind === 'delete').map((s) => s.text.trim())).toEqual(['جديدة']);
    expect(hasChanges(segments)).toBe(true);
    expect(hasChanges(diffWords(before, before))).toBe(false);
  });
});

describe('entityTagChanges', () => {
  it('lists entity tags added and removed between two bodies', () => {
    const before = doc(['بغداد', ENTITY_A], ' اليوم');
    const after = doc('بغداد اليوم في ', ['البصرة', ENTITY_B]);
    expect(entityTagChanges(before, after)).toEqual({ added: [ENTITY_B], removed: [ENTITY_A] });
    expect(entityTagChanges(after, after)).toEqual({ added: [], removed: [] });
  });
});
