/**
 * Clitic-aware, boundary-aware multi-name matching over normalized Arabic text.
 *
 * Algorithm. All names are normalized (`normalizeArabic`, whitespace runs → one space, trimmed) into one
 * tail-compressed trie (`NameTrie`). The text is normalized once, with offsets. A match may only start at a word start
 * (or right after clitics at a word start), so instead of an Aho-Corasick automaton (which would report every
 * occurrence inside words, only for the boundary rule to throw them away) we walk the trie from each word start, once
 * per reading of that word (as written, after و/ف, after the preposition, after لل: at most four walks), as far as
 * the text follows the trie. The cost is O(words × depth actually matched); no failure links, and the boundary check
 * happens only where a name ends.
 *
 * Rules, all on normalized text:
 * - Characters fall in three classes: letters (Unicode L and M), digits (Nd) and other (spaces, punctuation incl.
 *   Arabic ، ؛ ؟ « », symbols). A word boundary lies between two characters of different classes, around every
 *   "other" character, and at both ends of the text. Digits are thus boundaries for letters ("2024" does not glue to a
 *   word), and a digit run is a word of its own.
 * - A match ends at a word boundary. It starts at a word boundary, or after a clitic prefix that itself starts at a
 *   word boundary: (و|ف)?(ب|ك|ل)? — i.e. و ف ب ك ل وب وك ول فب فك فل — followed by a letter.
 * - ل + ال is written لل: after (و|ف)?ل, a name that starts with ال also matches with its alef elided (للأمم المتحدة →
 *   الأمم المتحدة). The returned range then starts at the second ل, which is the ل of the article: the mark covers the
 *   name as far as it is written ("لأمم المتحدة"), and never the preposition.
 * - ال is NOT a free clitic: a name without the article does not match a word that adds it (حماس must not match الحماس,
 *   أمل must not match الأمل). Register both forms when both are names.
 * - The returned range covers the name only, never the clitics; it maps back to whole original characters and includes
 *   the harakat/tatweel of the name's last letter.
 * - Leftmost-longest, non-overlapping: at the leftmost word start where something matches, the reading that ends
 *   furthest wins (ties: the one with fewer clitic letters, i.e. the whole word as written); scanning resumes after it.
 * - Multi-word names match across any run of horizontal whitespace (and removed controls), but never across a line
 *   break (\n \r \v \f U+0085 U+2028 U+2029), which separates paragraphs or hard breaks.
 * - The same normalized name registered more than once: a canonical name (names[0] of an entry) beats an alias, then
 *   the earlier registration wins.
 * - Names that are empty, whitespace only, or contain no letter or digit after normalization are ignored.
 */
import { NameTrie } from './name-trie';
import { normalizeIntoBuffer } from './normalize';

export interface EntityEntry {
  entityId: string;
  /** names[0] is the canonical name; the rest are aliases. */
  names: readonly string[];
}

export interface EntityMatch {
  entityId: string;
  /** Start of the name in the ORIGINAL text (UTF-16 index), after any clitics. */
  start: number;
  /** End (exclusive) in the ORIGINAL text, including the last letter's harakat. */
  end: number;
  /** The registered name (canonical or alias, trimmed, as registered) that matched. */
  matchedName: string;
}

export interface OriginalRange {
  start: number;
  end: number;
}

export interface FindMatchesOptions {
  /**
   * Original-text ranges that no match may touch (e.g. text already carrying an entity mark). They keep their
   * character classes for the boundary rule, so excluding a word does not turn its neighbours into word starts.
   */
  excludeRanges?: readonly OriginalRange[];
}

export interface EntityMatcher {
  findMatches(text: string, options?: FindMatchesOptions): EntityMatch[];
  /** Number of distinct normalized names in the trie. */
  readonly nameCount: number;
}

const SPACE = 0x20;
const ALEF = 0x0627;
const LAM = 0x0644;
const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const KAF = 0x0643;

const CLASS_UNKNOWN = 0;
const CLASS_OTHER = 1;
const CLASS_LETTER = 2;
const CLASS_DIGIT = 3;

const LETTER_PATTERN = /^[\p{L}\p{M}]$/u;
const DIGIT_PATTERN = /^\p{Nd}$/u;
const unitClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classOfCodePoint(codePoint: number): number {
  const character = String.fromCodePoint(codePoint);
  if (LETTER_PATTERN.test(character)) return CLASS_LETTER;
  if (DIGIT_PATTERN.test(character)) return CLASS_DIGIT;
  return CLASS_OTHER;
}

function classOfUnit(unit: number): number {
  let characterClass = unitClasses[unit]!;
  if (characterClass === CLASS_UNKNOWN) {
    characterClass = unit >= 0xd800 && unit <= 0xdfff ? CLASS_OTHER : classOfCodePoint(unit);
    unitClasses[unit] = characterClass;
  }
  return characterClass;
}

function classOfAstral(codePoint: number): number {
  let characterClass = astralClasses.get(codePoint);
  if (characterClass === undefined) {
    characterClass = classOfCodePoint(codePoint);
    astralClasses.set(codePoint, characterClass);
  }
  return characterClass;
}

let classScratch = new Uint8Array(1024);
let blockedScratch = new Uint8Array(1024);

/** Character class of each normalized unit (both halves of a surrogate pair get the code point's class). */
function classify(units: Uint16Array, length: number): Uint8Array {
  if (classScratch.length < length + 1) classScratch = new Uint8Array(Math.max(length + 1, classScratch.length * 2));
  const classes = classScratch;
  for (let i = 0; i < length; i++) {
    const unit = units[i]!;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const next = units[i + 1]!;
      if (next >= 0xdc00 && next <= 0xdfff) {
        const characterClass = classOfAstral(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
        classes[i] = characterClass;
        classes[i + 1] = characterClass;
        i++;
        continue;
      }
    }
    classes[i] = classOfUnit(unit);
  }
  return classes;
}

/** Whether units[from, to) contain a letter or a digit. */
function hasWordCharacter(units: Uint16Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const unit = units[i]!;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to) {
      const next = units[i + 1]!;
      if (next >= 0xdc00 && next <= 0xdfff) {
        if (classOfAstral(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000) !== CLASS_OTHER) return true;
        i++;
        continue;
      }
    }
    if (classOfUnit(unit) !== CLASS_OTHER) return true;
  }
  return false;
}

function isLineBreak(unit: number): boolean {
  return (unit >= 0x0a && unit <= 0x0d) || unit === 0x85 || unit === 0x2028 || unit === 0x2029;
}

/** Marks normalized units whose original character intersects one of the ranges. */
function blockedUnits(
  ranges: readonly OriginalRange[],
  starts: Uint32Array,
  ends: Uint32Array,
  length: number,
): Uint8Array {
  if (blockedScratch.length < length + 1) {
    blockedScratch = new Uint8Array(Math.max(length + 1, blockedScratch.length * 2));
  }
  const blocked = blockedScratch;
  blocked.fill(0, 0, length + 1);
  const merged = ranges
    .filter((range) => range.end > range.start)
    .map((range) => ({ start: range.start, end: range.end }))
    .sort((a, b) => a.start - b.start);
  let r = 0;
  for (let k = 0; k < length && r < merged.length; k++) {
    const unitStart = starts[k]!;
    const unitEnd = Math.max(ends[k]!, unitStart + 1);
    while (r < merged.length && merged[r]!.end <= unitStart) r++;
    const range = merged[r];
    if (range !== undefined && range.start < unitEnd) blocked[k] = 1;
  }
  return blocked;
}

/** Builds the matcher. Entries and names are read once; later changes to them are not seen. */
export function createEntityMatcher(entries: Iterable<EntityEntry>): EntityMatcher {
  const list: readonly EntityEntry[] = Array.isArray(entries) ? entries : [...entries];
  let totalUnits = 0;
  for (const entry of list) for (const name of entry.names) if (typeof name === 'string') totalUnits += name.length;

  // One record per distinct normalized name, in parallel arrays; the trie node's value is the record index.
  const recordEntityIds: string[] = [];
  const recordNames: string[] = [];
  const recordCanonical: boolean[] = [];
  const trie = new NameTrie(totalUnits);
  for (const entry of list) {
    const names = entry.names;
    for (let index = 0; index < names.length; index++) {
      const name = names[index];
      if (typeof name !== 'string') continue;
      const normalized = normalizeIntoBuffer(name, false);
      const units = normalized.units;
      let from = 0;
      let to = normalized.length;
      while (from < to && units[from] === SPACE) from++;
      while (to > from && units[to - 1] === SPACE) to--;
      if (from === to || !hasWordCharacter(units, from, to)) continue;
      const existing = trie.insert(units, from, to, recordEntityIds.length);
      const canonical = index === 0;
      if (existing < 0) {
        recordEntityIds.push(entry.entityId);
        recordNames.push(name.trim());
        recordCanonical.push(canonical);
      } else if (canonical && !recordCanonical[existing]) {
        recordEntityIds[existing] = entry.entityId;
        recordNames[existing] = name.trim();
        recordCanonical[existing] = true;
      }
    }
  }
  const nameCount = recordEntityIds.length;

  const alefNode = trie.child(0, ALEF);

  function findMatches(text: string, options?: FindMatchesOptions): EntityMatch[] {
    const normalized = normalizeIntoBuffer(text, true);
    const units = normalized.units;
    const starts = normalized.starts;
    const ends = normalized.ends;
    const length = normalized.length;
    const classes = classify(units, length);
    const excluded = options?.excludeRanges;
    const blocked = excluded !== undefined && excluded.length > 0 ? blockedUnits(excluded, starts, ends, length) : null;
    const matches: EntityMatch[] = [];

    const isBoundary = (position: number): boolean => {
      if (position === 0 || position >= length) return true;
      const here = classes[position]!;
      return here === CLASS_OTHER || here !== classes[position - 1];
    };

    /** The original whitespace run behind normalized space `k` contains a line break. */
    const spaceHidesLineBreak = (k: number): boolean => {
      const runEnd = starts[k + 1]!;
      for (let i = starts[k]!; i < runEnd; i++) if (isLineBreak(text.charCodeAt(i))) return true;
      return false;
    };

    let bestEnd = -1;
    let bestStart = -1;
    let bestRecord = -1;

    /** Follows the trie from `node` over units[from..]; keeps the furthest boundary-ending name if it beats best. */
    const walk = (startNode: number, from: number): void => {
      let node = startNode;
      let k = from;
      for (;;) {
        const tailStart = trie.tailStart(node);
        if (tailStart >= 0) {
          // A node with a tail has no children: the only way on is the tail, which ends one name.
          const tailEnd = trie.tailEnd(node);
          for (let t = tailStart; t < tailEnd; t++, k++) {
            if (k >= length || (blocked !== null && blocked[k] === 1)) return;
            const unit = units[k]!;
            if (unit !== trie.tailUnit(t) || (unit === SPACE && spaceHidesLineBreak(k))) return;
          }
          if (k > bestEnd && isBoundary(k)) {
            bestEnd = k;
            bestStart = from;
            bestRecord = trie.tailValue(node);
          }
          return;
        }
        if (k >= length || (blocked !== null && blocked[k] === 1)) return;
        const unit = units[k]!;
        if (unit === SPACE && spaceHidesLineBreak(k)) return;
        node = trie.child(node, unit);
        if (node < 0) return;
        k++;
        const record = trie.value(node);
        if (record >= 0 && k > bestEnd && isBoundary(k)) {
          bestEnd = k;
          bestStart = from;
          bestRecord = record;
        }
      }
    };

    const usable = (k: number): boolean => k < length && (blocked === null || blocked[k] === 0);

    let position = 0;
    while (position < length) {
      if (!isBoundary(position) || !usable(position)) {
        position++;
        continue;
      }
      bestEnd = -1;
      walk(0, position);
      const first = units[position]!;
      let prepositionAt = -1;
      if (first === WAW || first === FEH) {
        if (usable(position + 1) && classes[position + 1] === CLASS_LETTER) {
          walk(0, position + 1);
          const second = units[position + 1]!;
          if (second === BEH || second === KAF || second === LAM) prepositionAt = position + 1;
        }
      } else if (first === BEH || first === KAF || first === LAM) {
        prepositionAt = position;
      }
      if (prepositionAt >= 0 && usable(prepositionAt + 1) && classes[prepositionAt + 1] === CLASS_LETTER) {
        walk(0, prepositionAt + 1);
        // ل + ال written لل: the name's alef is elided; walk on from the trie node after ا.
        if (units[prepositionAt] === LAM && units[prepositionAt + 1] === LAM && alefNode >= 0) {
          walk(alefNode, prepositionAt + 1);
        }
      }
      if (bestEnd < 0) {
        position++;
        continue;
      }
      matches.push({
        entityId: recordEntityIds[bestRecord]!,
        start: starts[bestStart]!,
        end: ends[bestEnd - 1]!,
        matchedName: recordNames[bestRecord]!,
      });
      position = bestEnd;
    }
    return matches;
  }

  return { findMatches, nameCount };
}
