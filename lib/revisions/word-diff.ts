/**
 * Word-by-word comparison of two texts, for comparing revisions of an Arabic article. Pure (no React, no database).
 *
 * Tokens are the segments of `Intl.Segmenter` with word granularity (Unicode word boundaries, UAX #29): an Arabic
 * word stays one token with its attached clitics (وبغداد) and its diacritics (كَتَبَ), so a changed vowel mark shows
 * the whole word as replaced, never half a word; punctuation (، ؛ ؟) is a token of its own. Whitespace is attached
 * to the token before it and compared only as "line break or not", so the comparison never pairs up the spaces
 * between unrelated words. The token sequences are compared with jsdiff's `diffArrays` (Myers' O(ND) algorithm).
 */
import { diffArrays } from 'diff';
import { countEntityMentions, type TiptapNodeJSON } from '@/lib/entities';

export type DiffSegment = { kind: 'equal' | 'insert' | 'delete'; text: string };

let segmenter: Intl.Segmenter | undefined;

/** Word-boundary segments, each carrying the whitespace that follows it. Joined, they give the text back. */
export function tokenizeWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter('ar', { granularity: 'word' });
  const tokens: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    if (/^\s+$/u.test(segment) && tokens.length > 0) tokens[tokens.length - 1] += segment;
    else tokens.push(segment);
  }
  return tokens;
}

/** Tokens are the same word when their text is, and both or neither end a line. */
function sameToken(a: string, b: string): boolean {
  const wordA = a.trimEnd();
  const wordB = b.trimEnd();
  return wordA === wordB && a.slice(wordA.length).includes('\n') === b.slice(wordB.length).includes('\n');
}

/** Past this much work the comparison gives up and shows the whole text as replaced (never hangs a request). */
const DIFF_TIMEOUT_MS = 1500;

/** The segments that turn `before` into `after`: equal, deleted and inserted runs, adjacent runs of a kind merged. */
export function diffWords(before: string, after: string): DiffSegment[] {
  const oldTokens = tokenizeWords(before);
  const newTokens = tokenizeWords(after);
  const changes = diffArrays(oldTokens, newTokens, { timeout: DIFF_TIMEOUT_MS, comparator: sameToken });
  const segments: DiffSegment[] = [];
  const push = (kind: DiffSegment['kind'], text: string) => {
    if (text === '') return;
    const last = segments.at(-1);
    if (last && last.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  if (!changes) {
    push('delete', before);
    push('insert', after);
    return segments;
  }
  let oldPos = 0;
  let newPos = 0;
  for (const change of changes) {
    if (change.added) {
      push('insert', change.value.join(''));
      newPos += change.count;
    } else if (change.removed) {
      push('delete', change.value.join(''));
      oldPos += change.count;
    } else {
      // The same words; keep the spacing of whichever side has more, so "word<del>word</del>" keeps its space.
      for (let i = 0; i < change.count; i++) {
        const oldToken = oldTokens[oldPos + i] ?? '';
        const newToken = newTokens[newPos + i] ?? '';
        push('equal', oldToken.length > newToken.length ? oldToken : newToken);
      }
      oldPos += change.count;
      newPos += change.count;
    }
  }
  return segments;
}

/** Whether the two texts differ at all, by the segments. */
export function hasChanges(segments: readonly DiffSegment[]): boolean {
  return segments.some((segment) => segment.kind !== 'equal');
}

/** Entity ids tagged in `after` but not in `before` (added) and the other way round (removed), sorted. */
export function entityTagChanges(before: TiptapNodeJSON, after: TiptapNodeJSON): { added: string[]; removed: string[] } {
  const was = new Set(countEntityMentions(before).keys());
  const is = new Set(countEntityMentions(after).keys());
  return {
    added: [...is].filter((id) => !was.has(id)).sort(),
    removed: [...was].filter((id) => !is.has(id)).sort(),
  };
}
