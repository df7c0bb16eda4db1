/**
 * Arabic normalization for matching, search indexing and slugs, with an optional map from normalized offsets back to
 * the original string.
 *
 * Reference: Lucene's ArabicNormalizer (plus the Persian normalizer's letter folds). Per code point:
 *
 * | input                                                        | output               |
 * |--------------------------------------------------------------|----------------------|
 * | أ إ آ ٱ (and ٲ ٳ)                                            | ا                    |
 * | ة, Persian/Urdu ۀ ہ ۂ ھ ە                                    | ه                    |
 * | ى, Persian/Urdu ی ے                                          | ي                    |
 * | ک                                                            | ك                    |
 * | ۓ                                                            | ئ (as ے + hamza)     |
 * | harakat U+064B–U+0652, U+0670, tatweel U+0640, other Arabic  | removed              |
 * |   combining marks (U+0610–061A, U+0656–065F, U+06D6–06ED, …) |                      |
 * | combining maddah/hamza U+0653–U+0655                         | removed, except that |
 * |   و + U+0654 → ؤ and ي + U+0654 → ئ (what NFC would compose) |                      |
 * | Arabic-Indic U+0660–0669 and Persian U+06F0–06F9 digits      | ASCII 0–9            |
 * | Arabic decimal/thousands separators ٫ ٬                      | . ,                  |
 * | ALM U+061C, ZWNJ, ZWJ, LRM, RLM, U+202A–202E, U+2066–2069,   | removed              |
 * |   U+2060–2064, U+206A–206F, BOM U+FEFF, soft hyphen U+00AD   |                      |
 * | presentation forms U+FB50–FDFF, U+FE70–FEFE, Arabic math     | NFKC, then the rules |
 * |   letters U+1EE00–1EEFF (one ligature may become many units) |   above              |
 * | uppercase letters (Latin and others, via toLowerCase)        | lowercase            |
 * | any run of whitespace (incl. NBSP, ZWSP, line breaks)        | one U+0020           |
 *
 * Everything else is kept as is. The output is not trimmed (callers trim if they want to).
 *
 * Offsets: `normalizeWithOffsets` returns, for each normalized UTF-16 unit k, `toOriginal[k]` = start of the original
 * character (code point, or presentation-form ligature) it came from, and `toOriginalEnd[k]` = end of that character
 * including the combining marks and tatweel that follow it. `toOriginal[normalized.length]` = `text.length`. A
 * normalized range [s, e) therefore maps to the original range [toOriginal[s], toOriginalEnd[e - 1]) (see
 * `toOriginalRange`), which covers whole original characters and a letter's trailing harakat. Removed format controls
 * (RLM etc.) before the first letter are outside the range; those after the last letter are too.
 */

const KIND_UNKNOWN = 0;
/** Emit MAPPED[c] (often c itself). */
const KIND_PASS = 1;
/** Drop (format and bidi controls). Does not extend the previous character. */
const KIND_REMOVE = 2;
/** Drop, but belongs to the previous character (harakat, tatweel): extends its original range. */
const KIND_MARK = 3;
/** Combining maddah/hamza above/below: composes with و/ي, otherwise like KIND_MARK. */
const KIND_HAMZA_MARK = 4;
/** Whitespace: one U+0020 per run. */
const KIND_SPACE = 5;
/** Expands to a string (NFKC of a presentation form, multi-unit lowercase). */
const KIND_EXPAND = 6;
/** High surrogate: decode the code point. */
const KIND_HIGH_SURROGATE = 7;

const SPACE = 0x20;
const ALEF = 0x0627;
const HEH = 0x0647;
const YEH = 0x064a;
const WAW = 0x0648;
const KAF = 0x0643;
const WAW_WITH_HAMZA = 0x0624;
const YEH_WITH_HAMZA = 0x0626;
const HAMZA_ABOVE = 0x0654;

const kinds = new Uint8Array(0x10000);
const mapped = new Uint16Array(0x10000);
const expansions = new Map<number, string>();
const astralExpansions = new Map<number, string | null>();

function inRanges(c: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  for (const [from, to] of ranges) if (c >= from && c <= to) return true;
  return false;
}

const REMOVED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x200c, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0x08e2, 0x08e2],
  [0xfeff, 0xfeff],
];

const MARK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0610, 0x061a],
  [0x0640, 0x0640],
  [0x064b, 0x0652],
  [0x0656, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06dc],
  [0x06df, 0x06e4],
  [0x06e7, 0x06e8],
  [0x06ea, 0x06ed],
  [0x0898, 0x089f],
  [0x08ca, 0x08e1],
  [0x08e3, 0x08ff],
];

const SPACE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0009, 0x000d],
  [0x0020, 0x0020],
  [0x0085, 0x0085],
  [0x00a0, 0x00a0],
  [0x1680, 0x1680],
  [0x2000, 0x200b],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];

const LETTER_FOLDS: ReadonlyMap<number, number> = new Map([
  [0x0622, ALEF], // آ
  [0x0623, ALEF], // أ
  [0x0625, ALEF], // إ
  [0x0671, ALEF], // ٱ
  [0x0672, ALEF], // ٲ
  [0x0673, ALEF], // ٳ
  [0x0629, HEH], // ة
  [0x06c0, HEH], // ۀ
  [0x06c1, HEH], // ہ
  [0x06c2, HEH], // ۂ
  [0x06be, HEH], // ھ
  [0x06d5, HEH], // ە
  [0x0649, YEH], // ى
  [0x06cc, YEH], // ی
  [0x06d2, YEH], // ے
  [0x06d3, YEH_WITH_HAMZA], // ۓ
  [0x06a9, KAF], // ک
  [0x066b, 0x2e], // ٫
  [0x066c, 0x2c], // ٬
]);

function isPresentationForm(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe);
}

/** Fills kinds[c] (and mapped[c] / expansions) on first sight of a BMP unit. */
function classify(c: number): number {
  let kind: number;
  let target = c;
  if (c >= 0xd800 && c <= 0xdbff) kind = KIND_HIGH_SURROGATE;
  else if (c >= 0xdc00 && c <= 0xdfff) kind = KIND_PASS;
  else if (inRanges(c, SPACE_RANGES)) kind = KIND_SPACE;
  else if (inRanges(c, REMOVED_RANGES)) kind = KIND_REMOVE;
  else if (inRanges(c, MARK_RANGES)) kind = KIND_MARK;
  else if (c >= 0x0653 && c <= 0x0655) kind = KIND_HAMZA_MARK;
  else if (LETTER_FOLDS.has(c)) {
    kind = KIND_PASS;
    target = LETTER_FOLDS.get(c)!;
  } else if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) {
    kind = KIND_PASS;
    target = 0x30 + (c & 0xf);
  } else if (isPresentationForm(c)) {
    const decomposed = String.fromCharCode(c).normalize('NFKC');
    if (decomposed.length === 1 && decomposed.charCodeAt(0) === c) kind = KIND_PASS;
    else if (decomposed.length === 1) {
      const unit = decomposed.charCodeAt(0);
      kind = kindOf(unit);
      target = mapped[unit]!;
      if (kind === KIND_EXPAND) expansions.set(c, expansions.get(unit)!);
    } else {
      kind = KIND_EXPAND;
      expansions.set(c, decomposed);
    }
  } else {
    const lower = String.fromCharCode(c).toLowerCase();
    kind = KIND_PASS;
    if (lower.length === 1) target = lower.charCodeAt(0);
    else {
      kind = KIND_EXPAND;
      expansions.set(c, lower);
    }
  }
  mapped[c] = target;
  kinds[c] = kind;
  return kind;
}

function kindOf(c: number): number {
  const kind = kinds[c]!;
  return kind === KIND_UNKNOWN ? classify(c) : kind;
}

/** What an astral code point becomes, or null when it stays as is. */
function astralExpansion(codePoint: number): string | null {
  let result = astralExpansions.get(codePoint);
  if (result !== undefined) return result;
  const original = String.fromCodePoint(codePoint);
  const converted =
    codePoint >= 0x1ee00 && codePoint <= 0x1eeff ? original.normalize('NFKC') : original.toLowerCase();
  result = converted === original ? null : converted;
  astralExpansions.set(codePoint, result);
  return result;
}

/**
 * Reusable output buffers. The core writes here; callers copy what they keep. Valid until the next call (JavaScript
 * is single-threaded and the core calls no user code).
 */
class NormalizeBuffer {
  units = new Uint16Array(256);
  starts = new Uint32Array(257);
  ends = new Uint32Array(257);
  length = 0;
  /** First output index of the last source character, for trailing marks. */
  clusterStart = 0;
  changed = false;
  track = false;

  reset(sizeHint: number, track: boolean): void {
    this.length = 0;
    this.clusterStart = 0;
    this.changed = false;
    this.track = track;
    if (this.units.length < sizeHint) this.grow(sizeHint);
  }

  grow(minimum: number): void {
    let size = this.units.length * 2;
    while (size < minimum) size *= 2;
    const units = new Uint16Array(size);
    units.set(this.units.subarray(0, this.length));
    this.units = units;
    const starts = new Uint32Array(size + 1);
    starts.set(this.starts.subarray(0, this.length));
    this.starts = starts;
    const ends = new Uint32Array(size + 1);
    ends.set(this.ends.subarray(0, this.length));
    this.ends = ends;
  }

  emit(unit: number, start: number, end: number): void {
    const length = this.length;
    if (unit === SPACE && length > 0 && this.units[length - 1] === SPACE) {
      this.changed = true;
      return;
    }
    if (length >= this.units.length) this.grow(length + 1);
    this.units[length] = unit;
    if (this.track) {
      this.starts[length] = start;
      this.ends[length] = end;
    }
    this.length = length + 1;
  }

  /** A combining mark or tatweel at [.., end): the last character's range now ends at `end`. */
  extendCluster(end: number): void {
    if (!this.track) return;
    for (let k = this.clusterStart; k < this.length; k++) this.ends[k] = end;
  }

  /** Emits one unit produced by an expansion (its own kind decides what happens to it). */
  emitExpanded(unit: number, start: number, end: number): void {
    const kind = kindOf(unit);
    if (kind === KIND_PASS) this.emit(mapped[unit]!, start, end);
    else if (kind === KIND_SPACE) this.emit(SPACE, start, end);
    else if (kind === KIND_HAMZA_MARK) this.composeHamza(unit);
    else if (kind === KIND_MARK || kind === KIND_REMOVE) return;
    else this.emit(unit, start, end);
  }

  composeHamza(mark: number): void {
    if (mark !== HAMZA_ABOVE || this.length <= this.clusterStart) return;
    const last = this.units[this.length - 1];
    if (last === WAW) this.units[this.length - 1] = WAW_WITH_HAMZA;
    else if (last === YEH) this.units[this.length - 1] = YEH_WITH_HAMZA;
  }
}

const buffer = new NormalizeBuffer();

/**
 * The one normalization loop behind every export. Returns the shared buffer (valid until the next call); `starts`
 * and `ends` are filled only when `track` is true.
 */
export function normalizeIntoBuffer(text: string, track: boolean): NormalizeBuffer {
  const out = buffer;
  const length = text.length;
  out.reset(length + 16, track);
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    let kind = kinds[c]!;
    if (kind === KIND_UNKNOWN) kind = classify(c);
    if (kind === KIND_PASS) {
      const unit = mapped[c]!;
      if (unit !== c) out.changed = true;
      out.clusterStart = out.length;
      out.emit(unit, i, i + 1);
      i++;
      continue;
    }
    switch (kind) {
      case KIND_SPACE:
        if (c !== SPACE) out.changed = true;
        out.clusterStart = out.length;
        out.emit(SPACE, i, i + 1);
        i++;
        break;
      case KIND_MARK:
        out.changed = true;
        out.extendCluster(i + 1);
        i++;
        break;
      case KIND_HAMZA_MARK:
        out.changed = true;
        out.composeHamza(c);
        out.extendCluster(i + 1);
        i++;
        break;
      case KIND_REMOVE:
        out.changed = true;
        i++;
        break;
      case KIND_EXPAND: {
        out.changed = true;
        out.clusterStart = out.length;
        const expansion = expansions.get(c)!;
        for (let k = 0; k < expansion.length; k++) out.emitExpanded(expansion.charCodeAt(k), i, i + 1);
        i++;
        break;
      }
      default: {
        // KIND_HIGH_SURROGATE
        const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
        out.clusterStart = out.length;
        if (next < 0xdc00 || next > 0xdfff) {
          out.emit(c, i, i + 1); // lone high surrogate: kept
          i++;
          break;
        }
        const codePoint = ((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        const expansion = astralExpansion(codePoint);
        if (expansion === null) {
          out.emit(c, i, i + 2);
          out.emit(next, i, i + 2);
        } else {
          out.changed = true;
          for (let k = 0; k < expansion.length; k++) out.emitExpanded(expansion.charCodeAt(k), i, i + 2);
        }
        i += 2;
      }
    }
  }
  if (track) out.starts[out.length] = length;
  return out;
}

const STRING_CHUNK = 8192;

/** Builds a string from UTF-16 units without decoding (lone surrogates survive). */
export function unitsToString(units: Uint16Array, length: number): string {
  if (length <= STRING_CHUNK) {
    return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  }
  const parts: string[] = [];
  for (let from = 0; from < length; from += STRING_CHUNK) {
    const to = Math.min(length, from + STRING_CHUNK);
    parts.push(String.fromCharCode.apply(null, units.subarray(from, to) as unknown as number[]));
  }
  return parts.join('');
}

/** Normalizes Arabic (and Latin) text for matching, search indexing and slugs. See the table at the top. */
export function normalizeArabic(text: string): string {
  const out = normalizeIntoBuffer(text, false);
  if (!out.changed && out.length === text.length) return text;
  return unitsToString(out.units, out.length);
}

export interface NormalizedWithOffsets {
  normalized: string;
  /**
   * Length normalized.length + 1. toOriginal[k] = start index in the original string of the character that produced
   * normalized unit k; toOriginal[normalized.length] = original length. Non-decreasing.
   */
  toOriginal: Uint32Array;
  /**
   * Length normalized.length + 1. toOriginalEnd[k] = end (exclusive) in the original string of the character that
   * produced unit k, including its trailing harakat/tatweel; toOriginalEnd[normalized.length] = original length.
   * Non-decreasing.
   */
  toOriginalEnd: Uint32Array;
}

/** Same output as `normalizeArabic`, plus the map back to original offsets. */
export function normalizeWithOffsets(text: string): NormalizedWithOffsets {
  const out = normalizeIntoBuffer(text, true);
  const length = out.length;
  const toOriginal = out.starts.slice(0, length + 1);
  const toOriginalEnd = out.ends.slice(0, length + 1);
  toOriginalEnd[length] = text.length;
  return { normalized: unitsToString(out.units, length), toOriginal, toOriginalEnd };
}

/**
 * Maps the normalized range [start, end) to the original range covering whole original characters, including the
 * harakat/tatweel after the last one. An empty range maps to an empty range at toOriginal[start].
 */
export function toOriginalRange(
  offsets: Pick<NormalizedWithOffsets, 'toOriginal' | 'toOriginalEnd'>,
  start: number,
  end: number,
): { start: number; end: number } {
  const originalStart = offsets.toOriginal[start];
  if (originalStart === undefined || end > offsets.toOriginal.length - 1 || end < start) {
    throw new RangeError(`normalized range [${start}, ${end}) is out of bounds`);
  }
  if (end === start) return { start: originalStart, end: originalStart };
  return { start: originalStart, end: offsets.toOriginalEnd[end - 1]! };
}
