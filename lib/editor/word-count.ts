/**
 * Word counts and reading time for Arabic (and mixed) text. Words are what `Intl.Segmenter` calls word-like
 * segments: Arabic words with their clitics, Latin words and numbers; punctuation and spaces are not words.
 */
export const READING_WORDS_PER_MINUTE = 200;

let segmenter: Intl.Segmenter | undefined;

export function countWords(text: string): number {
  if (text.length === 0) return 0;
  segmenter ??= new Intl.Segmenter('ar', { granularity: 'word' });
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++;
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
