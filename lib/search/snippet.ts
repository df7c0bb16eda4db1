/**
 * Search result snippets, computed from the ORIGINAL text (with its own hamza, taa marbuta, harakat and spelling),
 * not from the normalized index text: the words are found on the normalized text and mapped back with
 * `normalizeWithOffsets`, so a query «العراق» highlights «للعراقِ» as the writer spelt it.
 *
 * The result is a list of segments; the page renders highlighted ones as <mark> through React, which escapes every
 * character (no HTML string is ever built from article text).
 */
import { normalizeWithOffsets, toOriginalRange } from '../entities/normalize';
import { readingsOf, type ParsedQuery } from './search-text';

export type SnippetSegment = { text: string; highlight: boolean };

/** Words around the best passage. */
const WINDOW_WORDS = 32;
/** A text word whose reading starts with a query reading at least this long is a hit (suffixes: العراق → العراقية). */
const MIN_PREFIX = 3;

type Word = { start: number; end: number; hit: boolean };

function queryReadings(query: ParsedQuery): string[] {
  return query.words.flatMap((word) => word.readings);
}

function isHit(word: string, readings: readonly string[]): boolean {
  for (const reading of readingsOf(word)) {
    for (const wanted of readings) {
      if (reading === wanted) return true;
      if (wanted.length >= MIN_PREFIX && reading.startsWith(wanted)) return true;
    }
  }
  return false;
}

function scanWords(normalized: string, readings: readonly string[]): Word[] {
  const words: Word[] = [];
  for (const match of normalized.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = match.index;
    words.push({ start, end: start + match[0].length, hit: readings.length > 0 && isHit(match[0], readings) });
  }
  return words;
}

function segmentsFor(
  text: string,
  offsets: ReturnType<typeof normalizeWithOffsets>,
  words: readonly Word[],
  from: number,
  to: number,
): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const first = words[from];
  const last = words[to - 1];
  if (!first || !last) return segments;
  let cursor = toOriginalRange(offsets, first.start, first.end).start;
  const end = toOriginalRange(offsets, last.start, last.end).end;
  for (let index = from; index < to; index++) {
    const word = words[index]!;
    if (!word.hit) continue;
    const range = toOriginalRange(offsets, word.start, word.end);
    if (range.start > cursor) segments.push({ text: text.slice(cursor, range.start), highlight: false });
    segments.push({ text: text.slice(range.start, range.end), highlight: true });
    cursor = range.end;
  }
  if (end > cursor) segments.push({ text: text.slice(cursor, end), highlight: false });
  return segments;
}

/**
 * The passage of `text` with the most query words (about WINDOW_WORDS words), those words highlighted; "…" marks
 * cut ends. Without any hit, the start of the text. Empty text gives no segment.
 */
export function buildSnippet(text: string, query: ParsedQuery, windowWords = WINDOW_WORDS): SnippetSegment[] {
  const offsets = normalizeWithOffsets(text);
  const words = scanWords(offsets.normalized, queryReadings(query));
  if (words.length === 0) return [];
  // Sliding window over words: the start with the most hits (the first such start).
  let bestStart = 0;
  let bestHits = -1;
  let hits = 0;
  for (let index = 0; index < words.length; index++) {
    if (words[index]!.hit) hits++;
    const start = index - windowWords + 1;
    if (start > 0 && words[start - 1]!.hit) hits--;
    if (start >= 0 || index === words.length - 1) {
      if (hits > bestHits) {
        bestHits = hits;
        bestStart = Math.max(start, 0);
      }
    }
  }
  // Lead in with a few words of context before the first hit when the window starts on it.
  const firstHit = words.findIndex((word, index) => index >= bestStart && word.hit);
  if (firstHit === bestStart && bestStart > 0) bestStart = Math.max(0, bestStart - 4);
  const end = Math.min(words.length, bestStart + windowWords);
  const segments = segmentsFor(text, offsets, words, bestStart, end);
  if (bestStart > 0) segments.unshift({ text: '… ', highlight: false });
  if (end < words.length) segments.push({ text: ' …', highlight: false });
  return segments;
}

/** The whole `text` with the query words highlighted (for a result's title). */
export function highlightAll(text: string, query: ParsedQuery): SnippetSegment[] {
  const offsets = normalizeWithOffsets(text);
  const words = scanWords(offsets.normalized, queryReadings(query));
  if (words.length === 0) return text ? [{ text, highlight: false }] : [];
  const segments = segmentsFor(text, offsets, words, 0, words.length);
  const first = toOriginalRange(offsets, words[0]!.start, words[0]!.end).start;
  const last = toOriginalRange(offsets, words[words.length - 1]!.start, words[words.length - 1]!.end).end;
  if (first > 0) segments.unshift({ text: text.slice(0, first), highlight: false });
  if (last < text.length) segments.push({ text: text.slice(last), highlight: false });
  return segments;
}
