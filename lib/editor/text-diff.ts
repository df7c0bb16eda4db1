/**
 * Small diffs for the conflict view: paragraphs first (so a long article is compared block by block), then words
 * inside a changed paragraph. Longest common subsequence with the common head and tail trimmed first; inputs too
 * large for the quadratic table fall back to "all removed, all added".
 */
export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

const MAX_TABLE_CELLS = 4_000_000;

function lcsDiff(a: readonly string[], b: readonly string[]): Array<{ kind: DiffPart['kind']; item: string }> {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const result: Array<{ kind: DiffPart['kind']; item: string }> = a.slice(0, head).map((item) => ({ kind: 'same', item }));

  if ((midA.length + 1) * (midB.length + 1) > MAX_TABLE_CELLS) {
    for (const item of midA) result.push({ kind: 'removed', item });
    for (const item of midB) result.push({ kind: 'added', item });
  } else {
    const width = midB.length + 1;
    const table = new Uint32Array((midA.length + 1) * width);
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        table[i * width + j] =
          midA[i] === midB[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length && j < midB.length) {
      if (midA[i] === midB[j]) {
        result.push({ kind: 'same', item: midA[i]! });
        i++;
        j++;
      } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
        result.push({ kind: 'removed', item: midA[i++]! });
      } else {
        result.push({ kind: 'added', item: midB[j++]! });
      }
    }
    while (i < midA.length) result.push({ kind: 'removed', item: midA[i++]! });
    while (j < midB.length) result.push({ kind: 'added', item: midB[j++]! });
  }
  for (const item of a.slice(a.length - tail)) result.push({ kind: 'same', item });
  return result;
}

/** Word diff of two strings (whitespace kept with the words), adjacent parts of one kind merged. */
export function diffWords(before: string, after: string): DiffPart[] {
  const tokenize = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];
  return merge(lcsDiff(tokenize(before), tokenize(after)).map(({ kind, item }) => ({ kind, text: item })));
}

export type ParagraphDiff =
  | { kind: 'same'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'added'; text: string }
  | { kind: 'changed'; parts: DiffPart[] };

/** Paragraph diff of two plain texts (one paragraph per line); a removed paragraph followed by an added one is shown as a word-level change. */
export function diffParagraphs(before: string, after: string): ParagraphDiff[] {
  const split = (text: string) => (text.length === 0 ? [] : text.split('\n'));
  const raw = lcsDiff(split(before), split(after));
  const result: ParagraphDiff[] = [];
  for (let index = 0; index < raw.length; index++) {
    const current = raw[index]!;
    const next = raw[index + 1];
    if (current.kind === 'removed' && next?.kind === 'added') {
      result.push({ kind: 'changed', parts: diffWords(current.item, next.item) });
      index++;
    } else {
      result.push({ kind: current.kind, text: current.item });
    }
  }
  return result;
}

function merge(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
