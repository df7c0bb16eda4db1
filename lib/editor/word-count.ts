/**
 * Word counts and reading time for Arabic (and mixed) text. Words are what `Intl.Segmenter` calls word-like
 * segments: Arabic words with their clitics, Latin words and numbers; punctuation and spaces are not words.
 */
export const READING_WORDS_PER_MINUTE = 200;

let segmenter: Intl.Segmenter | undefined;

function segmentWords(text: string): number {
  segmenter ??= new Intl.Segmenter('ar', { granularity: 'word' });
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}

/**
 * What a character is to word boundaries (Unicode UAX #29, which `Intl.Segmenter` follows), for the characters of
 * ordinary Arabic and Latin news text. Anything not listed is OTHER: its line goes to `Intl.Segmenter`.
 */
const OTHER = 0;
/** Space, tab: always between segments. */
const SPACE = 1;
/** Letters (Arabic, Latin) and digits (ASCII, Arabic-Indic): runs of them, in any mix, are one word. */
const WORD = 2;
/** Arabic harakat and other combining marks: part of the character before them, never a word alone. */
const MARK = 3;
/** Punctuation that always breaks and is never a word: brackets, quotes, dashes, ؟ ! ? « » … */
const BREAK = 4;
/** . , ' : ; ، ٬ ‘ ’: join letters (or digits) on both sides into one word (3.5, U.S), else break. */
const MID = 5;

const KINDS = new Uint8Array(0x700);
function mark(kind: number, ...ranges: Array<[number, number] | string>) {
  for (const range of ranges) {
    if (typeof range === 'string') for (const char of range) KINDS[char.charCodeAt(0)] = kind;
    else for (let code = range[0]; code <= range[1]; code++) KINDS[code] = kind;
  }
}
mark(SPACE, ' \t');
mark(WORD, [0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0x620, 0x64a], [0x660, 0x669], [0x66e, 0x66f], [0x671, 0x6d3], [0x6d5, 0x6d5], [0x6ee, 0x6fc], [0x6ff, 0x6ff]);
mark(MARK, [0x64b, 0x65f], [0x670, 0x670], [0x6d6, 0x6dc], [0x6df, 0x6e4], [0x6e7, 0x6e8], [0x6ea, 0x6ed]);
mark(BREAK, '()[]{}<>!?"-/\\*+=#%&@^|~`$\u00ab\u00bb\u061f\u061b');
mark(MID, ".,':;\u060c\u066c");

function kindOf(code: number): number {
  if (code < 0x700) return KINDS[code]!;
  if (code === 0x2013 || code === 0x2014 || code === 0x2026) return BREAK; // – — …
  if (code === 0x2018 || code === 0x2019) return MID; // ‘ ’
  return OTHER;
}

/** Words of one line (no line breaks in it), or -1 when it holds a character or a sequence the fast path leaves to ICU. */
function countLineWords(text: string, start: number, end: number): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const kind = kindOf(text.charCodeAt(i));
    if (kind === WORD) {
      if (!inWord) count++;
      inWord = true;
    } else if (kind === MARK) {
      // Belongs to the character before it: a word goes on, a space or a punctuation mark stays one.
    } else if (kind === MID) {
      // Between two words it may join them (3.5, U.S, l'eau): let ICU decide. Elsewhere it breaks.
      if (inWord && i + 1 < end) {
        const next = kindOf(text.charCodeAt(i + 1));
        if (next === WORD || next === MARK) return -1;
      }
      inWord = false;
    } else if (kind === SPACE || kind === BREAK) {
      inWord = false;
    } else {
      return -1;
    }
  }
  return count;
}

/**
 * Counts what `Intl.Segmenter` ('ar', word granularity) calls word-like segments, with the same result: lines of
 * ordinary Arabic and Latin text are counted by a scan over character classes (tested against the segmenter), any
 * other line by the segmenter itself. A line break always ends a segment, so lines can be counted apart.
 */
export function countWords(text: string): number {
  if (text.length === 0) return 0;
  let count = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const words = countLineWords(text, start, end);
    count += words >= 0 ? words : segmentWords(text.slice(start, end));
    start = end + 1;
  }
  return count;
}

/** Whole minutes, rounded up; 0 only for an empty text. */
export function readingMinutes(words: number): number {
  return words <= 0 ? 0 : Math.max(1, Math.ceil(words / READING_WORDS_PER_MINUTE));
}

/** «1٬234 كلمة» style labels, with Arabic plural agreement for the small numbers. */
export function formatWordCount(words: number, locale = 'ar'): string {
  const n = new Intl.NumberFormat(locale).format(words);
  if (words === 0) return 'لا كلمات';
  if (words === 1) return 'كلمة واحدة';
  if (words === 2) return 'كلمتان';
  if (words % 100 >= 3 && words % 100 <= 10) return `${n} كلمات`;
  return `${n} كلمة`;
}

/**
 * Counts words in a sequence of text blocks, remembering each block's count by identity: ProseMirror reuses
 * unchanged nodes between document versions, so after a keystroke only the edited block is segmented again.
 */
export class BlockWordCounter<Block extends object> {
  private cache = new WeakMap<Block, number>();

  constructor(private readonly textOf: (block: Block) => string) {}

  count(blocks: Iterable<Block>): number {
    let total = 0;
    for (const block of blocks) {
      let words = this.cache.get(block);
      if (words === undefined) {
        words = countWords(this.textOf(block));
        this.cache.set(block, words);
      }
      total += words;
    }
    return total;
  }
}
