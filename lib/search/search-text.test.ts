import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseQuery, readingsOf, searchTextFor, toTsQuerySource } from './search-text';
import { buildSnippet, highlightAll } from './snippet';

function shareAReading(a: string, b: string): boolean {
  const readings = new Set(readingsOf(a));
  return readingsOf(b).some((reading) => readings.has(reading));
}

describe('readingsOf', () => {
  it('reads a word with and without its clitics', () => {
    expect(readingsOf('وبغداد')).toEqual(['وبغداد', 'بغداد', 'غداد']);
    expect(readingsOf('للعراق')).toEqual(['للعراق', 'لعراق', 'عراق']);
    expect(readingsOf('والعراق')).toEqual(['والعراق', 'العراق', 'عراق']);
    expect(readingsOf('العراق')).toEqual(['العراق', 'عراق']);
  });

  it('makes a query word and a text word meet whenever clitics alone tell them apart', () => {
    const pairs: Array<[string, string]> = [
      ['وبغداد', 'بغداد'],
      ['ببغداد', 'بغداد'],
      ['لبغداد', 'وبغداد'],
      ['للعراق', 'العراق'],
      ['فالعراق', 'والعراق'],
      ['وللأمم'.replace('أ', 'ا'), 'الامم'],
      ['كالوزير', 'وزير'],
    ];
    for (const [a, b] of pairs) expect(shareAReading(a, b), `${a} / ${b}`).toBe(true);
  });

  it('never strips a clitic that would leave fewer than three letters (two after the article)', () => {
    expect(readingsOf('بل')).toEqual(['بل']);
    expect(readingsOf('ولد')).toEqual(['ولد']);
    expect(readingsOf('الي')).toEqual(['الي']);
    expect(readingsOf('الحج')).toEqual(['الحج', 'حج']);
  });

  it('leaves Latin words and digits alone', () => {
    expect(readingsOf('baghdad')).toEqual(['baghdad']);
    expect(readingsOf('2024')).toEqual(['2024']);
  });
});

describe('searchTextFor', () => {
  it('normalizes title, dek and body the way entity matching does, with every reading of each word', () => {
    const text = searchTextFor({ title: 'الأُمَمُ المتحدة', dek: 'مصطفى', bodyText: 'في بغداد، وبغداد!' });
    expect(text.split(' ')).toEqual(['الامم', 'امم', 'المتحده', 'متحده', 'مصطفي', 'في', 'بغداد', 'غداد', 'وبغداد', 'بغداد', 'غداد']);
  });
});

describe('parseQuery', () => {
  it('trims, normalizes, and drops repeated words', () => {
    const query = parseQuery('  الأمم   المتحدة الامم ');
    expect(query.text).toBe('الأمم المتحدة الامم');
    expect(query.words.map((word) => word.word)).toEqual(['الامم', 'المتحده']);
    expect(query.truncated).toBe(false);
  });

  it('has no words for punctuation or symbols only', () => {
    expect(parseQuery('؟ ، ! ... « » & | \' "').words).toEqual([]);
  });

  it('cuts a very long query at the cap without leaving half a word, and says so', () => {
    const query = parseQuery('بغداد '.repeat(100));
    expect(query.truncated).toBe(true);
    expect(Array.from(query.text).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(query.text.endsWith('بغداد')).toBe(true);
  });

  it('builds a tsquery where each word matches through any of its readings', () => {
    expect(toTsQuerySource(parseQuery('وبغداد اليوم'))).toBe("('وبغداد' | 'بغداد' | 'غداد') & ('اليوم' | 'يوم')");
  });
});

describe('snippets', () => {
  it('highlights the query words as they are written in the original text, harakat and all', () => {
    const segments = buildSnippet('قال الوزيرُ إنّ للعِراقِ حقًّا في المياه.', parseQuery('العراق'));
    expect(segments.filter((segment) => segment.highlight).map((segment) => segment.text)).toEqual(['للعِراقِ']);
    expect(segments.map((segment) => segment.text).join('')).toBe('قال الوزيرُ إنّ للعِراقِ حقًّا في المياه');
  });

  it('picks the passage with the most hits and marks the cut ends', () => {
    const filler = Array.from({ length: 60 }, (_, index) => `كلمة${index}`).join(' ');
    const text = `${filler} بغداد وبغداد في بغداد ${filler}`;
    const segments = buildSnippet(text, parseQuery('بغداد'), 10);
    expect(segments[0]?.text).toBe('… ');
    expect(segments.at(-1)?.text).toBe(' …');
    expect(segments.filter((segment) => segment.highlight).map((segment) => segment.text)).toEqual(['بغداد', 'وبغداد', 'بغداد']);
  });

  it('keeps hostile text as plain segments (the page escapes them)', () => {
    const segments = highlightAll('<script>alert(1)</script> بغداد', parseQuery('بغداد'));
    expect(segments.map((segment) => segment.text).join('')).toBe('<script>alert(1)</script> بغداد');
    expect(segments.find((segment) => segment.highlight)?.text).toBe('بغداد');
  });
});
