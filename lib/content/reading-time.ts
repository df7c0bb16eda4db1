import type { JSONContent } from '@tiptap/core';
import { countWords, readingMinutes } from '@/lib/editor/word-count';
import { extractPlainText } from './plain-text';

/** Reading time of a stored body in whole minutes (0 for an empty one), as the article page shows it. */
export function articleReadingMinutes(body: JSONContent): number {
  return readingMinutes(countWords(extractPlainText(body)));
}
