/**
 * URL slugs for Arabic (and Latin) titles and names: harakat, tatweel and invisible direction marks removed,
 * presentation forms folded (NFKC), Arabic-Indic digits made ASCII, Latin lower-cased, every run of anything that is
 * not a letter or a digit turned into one hyphen. Letters keep their spelling (hamza stays), so the URL reads as the
 * title does. Browsers show it in Arabic; on the wire it is percent-encoded UTF-8.
 */
const HARAKAT_AND_TATWEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const INVISIBLE_MARKS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/g;
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/g;
const PERSIAN_DIGIT = /[\u06F0-\u06F9]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

export const MAX_SLUG_LENGTH = 100;
const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}]+)*$/u;

export function slugify(input: string, maxLength = 80): string {
  const slug = input
    .normalize('NFKC')
    .replace(HARAKAT_AND_TATWEEL, '')
    .replace(INVISIBLE_MARKS, '')
    .replace(ARABIC_INDIC_DIGIT, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(PERSIAN_DIGIT, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .toLowerCase()
    .replace(NOT_LETTER_OR_DIGIT, '-')
    .replace(/^-+|-+$/g, '');
  return truncateAtWord(slug, maxLength);
}

function truncateAtWord(slug: string, maxLength: number): string {
  const chars = Array.from(slug);
  if (chars.length <= maxLength) return slug;
  const cut = chars.slice(0, maxLength).join('');
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** Whether `slug` is one a person could have typed and we would keep as it is. */
export function isValidSlug(slug: string): boolean {
  return Array.from(slug).length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug);
}

/**
 * The first free slug among `base`, `base-2`, `base-3`, … as told by `isTaken` (a database look-up).
 * An empty base (a title of punctuation only) falls back to `fallback`.
 */
export async function findFreeSlug(
  base: string,
  isTaken: (candidate: string) => Promise<boolean>,
  fallback = 'مقال',
): Promise<string> {
  const root = base || fallback;
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  return `${root}-${crypto.randomUUID().slice(0, 8)}`;
}
