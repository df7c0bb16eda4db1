/**
 * Arabic search text, shared by the indexer (what goes into `articles.search_text`) and the query builder, so that
 * both sides read words the same way. Pure: no database, no React.
 *
 * Pipeline, on both sides:
 * 1. `normalizeArabic` (lib/entities: the normalization of entity matching): hamza forms → ا, ة → ه, ى → ي, harakat
 *    and tatweel removed, Arabic-Indic digits → ASCII, Latin lower-cased, ...
 * 2. Words are runs of letters and digits (Unicode L, N); everything else (spaces, ، ؛ ؟ « », punctuation) separates.
 * 3. Each word stands with its clitic-stripped READINGS: وبغداد → وبغداد بغداد غداد; للعراق → للعراق لعراق عراق. The
 *    clitics are those of entity matching, (و|ف)?(ب|ك|ل)? then an optional article ال (or لل = ل + ال), stripped only
 *    when at least MIN_STEM letters remain (two after an article).
 * 4. Postgres stems every reading with the `arabic` text-search configuration (Snowball's Arabic stemmer:
 *    suffixes, plurals, and its own prefix rules).
 *
 * Why readings on both sides rather than one stripped form: a clitic letter and a root letter look the same
 * (بغداد starts with ب; وزير with و), and Snowball's own prefix rules are not consistent across clitic stacks
 * (to_tsvector('arabic', …): بغداد → غداد but لبغداد → لبغداد; العراق → عراق but والعراق → والعراق; الوزير → وزير but
 * وزير → زير). The index holds every reading of each word and a query word matches ANY of its readings, so a query
 * and a text word meet whenever one can be read as the other with clitics added or removed. The price is a few
 * extra index terms per word and a little extra recall (a query زير also finds وزير), which ranking absorbs.
 */
import { normalizeArabic } from '../entities/normalize';

/** Words shorter than this (in UTF-16 units) are never produced by stripping a clitic letter. */
const MIN_STEM = 3;
/** After stripping the article ال (or the لل of ل + ال), at least this many letters must remain. */
const MIN_STEM_AFTER_ARTICLE = 2;

const WAW = 'و';
const FEH = 'ف';
const CONJUNCTIONS = ['', WAW, FEH] as const;
const PREPOSITIONS = ['', 'ب', 'ك', 'ل'] as const;
const ARTICLE = 'ال';

const WORD_PATTERN = /[\p{L}\p{N}]+/gu;
const ARABIC_LETTER = /^[\u0621-\u064A]/;

/** The words of a normalized text, in order. */
export function wordsOf(normalized: string): string[] {
  return normalized.match(WORD_PATTERN) ?? [];
}

/**
 * The readings of one normalized word: the word itself first, then each form left by stripping a clitic stack
 * (و|ف)?(ب|ك|ل)?(ال)?, or (و|ف)?لل. Distinct, in a stable order.
 */
export function readingsOf(word: string): string[] {
  const readings = [word];
  if (!ARABIC_LETTER.test(word)) return readings;
  const add = (reading: string, minimum: number) => {
    if (reading.length >= minimum && !readings.includes(reading)) readings.push(reading);
  };
  for (const conjunction of CONJUNCTIONS) {
    if (!word.startsWith(conjunction)) continue;
    const afterConjunction = word.slice(conjunction.length);
    for (const preposition of PREPOSITIONS) {
      if (!afterConjunction.startsWith(preposition)) continue;
      const stem = afterConjunction.slice(preposition.length);
      if (stem.length !== word.length) add(stem, MIN_STEM);
      if (stem.startsWith(ARTICLE)) add(stem.slice(ARTICLE.length), MIN_STEM_AFTER_ARTICLE);
      // ل + ال is written لل: after the preposition ل, a word starting with ل may be an article with its alef elided.
      if (preposition === 'ل' && stem.startsWith('ل')) add(stem.slice(1), MIN_STEM_AFTER_ARTICLE);
    }
  }
  return readings;
}

/** Longest field lengths indexed (characters of the original text): a pathological body cannot bloat the index. */
const MAX_INDEXED_CHARS = 200_000;

/**
 * The value of `articles.search_text` for the content readers see. Call it with the PUBLISHED title, dek and body
 * text whenever an article is published or republished (see lib/data/search-text.ts).
 */
export function searchTextFor(content: { title: string; dek: string; bodyText: string }): string {
  const parts = [content.title, content.dek, content.bodyText].map((part) => part.slice(0, MAX_INDEXED_CHARS));
  const out: string[] = [];
  for (const part of parts) {
    for (const word of wordsOf(normalizeArabic(part))) out.push(...readingsOf(word));
  }
  return out.join(' ');
}

/** Longest query accepted, in characters; longer queries are cut (and the page says so). */
export const MAX_QUERY_LENGTH = 200;
/** At most this many words of a query are searched for. */
export const MAX_QUERY_WORDS = 12;

export type ParsedQuery = {
  /** The query as searched: trimmed and cut to MAX_QUERY_LENGTH. */
  text: string;
  /** Whether the query was longer than MAX_QUERY_LENGTH (or had more than MAX_QUERY_WORDS words) and was cut. */
  truncated: boolean;
  /** The normalized words searched for, each with its readings (empty when the query has no letter or digit). */
  words: Array<{ word: string; readings: string[] }>;
};

/** Reads a search box's value: trims, caps, normalizes, splits into words and readings. Never throws. */
export function parseQuery(raw: string): ParsedQuery {
  const trimmed = raw.replace(/\s+/gu, ' ').trim();
  let truncated = false;
  let text = trimmed;
  const characters = Array.from(text);
  if (characters.length > MAX_QUERY_LENGTH) {
    // Cut at the cap, then drop the word the cut went through (a half word would find nothing).
    const cutsWord = /[\p{L}\p{N}]/u.test(characters[MAX_QUERY_LENGTH]!);
    text = characters.slice(0, MAX_QUERY_LENGTH).join('');
    const withoutHalfWord = text.replace(/[\p{L}\p{M}\p{N}]+$/u, '');
    if (cutsWord && withoutHalfWord.trim() !== '') text = withoutHalfWord;
    text = text.trim();
    truncated = true;
  }
  const seen = new Set<string>();
  const words: ParsedQuery['words'] = [];
  for (const word of wordsOf(normalizeArabic(text))) {
    if (seen.has(word)) continue;
    seen.add(word);
    if (words.length === MAX_QUERY_WORDS) {
      truncated = true;
      break;
    }
    words.push({ word, readings: readingsOf(word) });
  }
  return { text, truncated, words };
}

/**
 * The `to_tsquery` source for a parsed query: every word must match (AND), through any of its readings (OR). Each
 * lexeme is quoted; words hold only letters and digits, but quotes are escaped anyway.
 */
export function toTsQuerySource(query: ParsedQuery): string {
  return query.words
    .map(({ readings }) => `(${readings.map((reading) => `'${reading.replace(/'/g, "''")}'`).join(' | ')})`)
    .join(' & ');
}
