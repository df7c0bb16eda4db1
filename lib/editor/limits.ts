/**
 * Lengths of the article form. The recommended lengths are advice shown as live counters; the hard caps are what
 * the server accepts (a save over a cap is refused with an Arabic explanation, nothing stored).
 */
export const TITLE_RECOMMENDED_LENGTH = 90;
export const DEK_RECOMMENDED_LENGTH = 200;
export const TITLE_MAX_LENGTH = 300;
export const DEK_MAX_LENGTH = 1000;
/** Slugs are checked by `isValidSlug` (100 characters); this only bounds what is parsed at all. */
export const SLUG_INPUT_MAX_LENGTH = 400;
export const SECTION_NAME_MAX_LENGTH = 60;

/** The title of an article created without one. */
export const DEFAULT_ARTICLE_TITLE = 'مقال بلا عنوان';

/** Characters as a reader counts them (code points, so an emoji or a supplementary letter counts once). */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
