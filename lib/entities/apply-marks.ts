/**
 * Entity marks written directly into Tiptap/ProseMirror JSON (no editor, no schema): tagging a whole document from
 * matcher results (the seed, server-side re-tagging) and re-pointing mentions when two entities are merged.
 *
 * Same conventions as mark-index.ts: block-relative offsets count one unit per content position of a text block
 * (`listTextBlocks`). Only text nodes are marked. Pure: runs in the browser and on the server.
 */
import { listTextBlocks, type MarkIndexOptions, type TiptapMarkJSON, type TiptapNodeJSON } from './mark-index';

export interface EntityMarkRange {
  /** Index of the text block among the document's text blocks (as `listTextBlocks` and `suggestUntagged` number them). */
  blockIndex: number;
  /** Block-relative offsets. */
  from: number;
  to: number;
  entityId: string;
  entityType: string;
}

interface Piece {
  node: TiptapNodeJSON;
  from: number;
  to: number;
}

function entityIdOf(node: TiptapNodeJSON, markType: string): string | null {
  const mark = node.marks?.find((candidate) => candidate.type === markType);
  const id = mark?.attrs?.entityId;
  return typeof id === 'string' && id !== '' ? id : null;
}

function sameMarks(a: readonly TiptapMarkJSON[] | undefined, b: readonly TiptapMarkJSON[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

function withMarks(node: TiptapNodeJSON, marks: TiptapMarkJSON[]): TiptapNodeJSON {
  const copy: TiptapNodeJSON = { ...node };
  if (marks.length > 0) copy.marks = marks;
  else delete copy.marks;
  return copy;
}

/** Adjacent text nodes with identical marks joined (what ProseMirror does when it reads the JSON). */
function joinText(nodes: TiptapNodeJSON[]): TiptapNodeJSON[] {
  const joined: TiptapNodeJSON[] = [];
  for (const node of nodes) {
    const last = joined[joined.length - 1];
    if (last && last.type === 'text' && node.type === 'text' && sameMarks(last.marks, node.marks)) {
      joined[joined.length - 1] = { ...last, text: (last.text ?? '') + (node.text ?? '') };
    } else {
      joined.push(node);
    }
  }
  return joined;
}

/**
 * Marks one text block's ranges. Any existing mention (contiguous same-id run of text) that a range touches is
 * removed entirely first, so tagging over part of a mention never leaves fragments carrying the old id.
 */
function markBlock(
  block: TiptapNodeJSON,
  ranges: readonly EntityMarkRange[],
  blockMentions: ReadonlyArray<{ from: number; to: number }>,
  markType: string,
  sizeOf: (node: TiptapNodeJSON) => number,
): TiptapNodeJSON {
  const cleared: Array<{ from: number; to: number }> = [];
  for (const mention of blockMentions) {
    if (ranges.some((range) => range.from < mention.to && mention.from < range.to)) cleared.push(mention);
  }
  const cuts = new Set<number>();
  for (const range of ranges) {
    cuts.add(range.from);
    cuts.add(range.to);
  }
  const pieces: Piece[] = [];
  let offset = 0;
  for (const child of block.content ?? []) {
    const size = sizeOf(child);
    if (child.type !== 'text') {
      pieces.push({ node: child, from: offset, to: offset + size });
    } else {
      const text = child.text ?? '';
      let start = 0;
      for (let k = 1; k < text.length; k++) {
        if (cuts.has(offset + k)) {
          pieces.push({ node: { ...child, text: text.slice(start, k) }, from: offset + start, to: offset + k });
          start = k;
        }
      }
      pieces.push({ node: { ...child, text: text.slice(start) }, from: offset + start, to: offset + text.length });
    }
    offset += size;
  }
  const content = pieces.map((piece) => {
    if (piece.node.type !== 'text') return piece.node;
    const range = ranges.find((candidate) => candidate.from <= piece.from && piece.to <= candidate.to);
    const inCleared = cleared.some((mention) => mention.from <= piece.from && piece.to <= mention.to);
    if (!range && !inCleared) return piece.node;
    const kept = (piece.node.marks ?? []).filter((mark) => mark.type !== markType);
    if (range) kept.push({ type: markType, attrs: { entityId: range.entityId, entityType: range.entityType } });
    return withMarks(piece.node, kept);
  });
  return { ...block, content: joinText(content) };
}

/**
 * A copy of `doc` with an entity mark on each range. Ranges must not overlap each other (matcher results and
 * suggestions never do); a range that overlaps another would be refused with an error. Ranges are clamped to their
 * block; empty ones are ignored. The input is not modified.
 */
export function applyEntityMarks(
  doc: TiptapNodeJSON,
  ranges: readonly EntityMarkRange[],
  options?: MarkIndexOptions,
): TiptapNodeJSON {
  const markType = options?.markType ?? 'entity';
  const blocks = listTextBlocks(doc, options);
  const byBlock = new Map<number, EntityMarkRange[]>();
  for (const range of ranges) {
    const block = blocks[range.blockIndex];
    if (!block) throw new RangeError(`applyEntityMarks: no text block ${range.blockIndex}`);
    const from = Math.max(0, Math.min(range.from, block.text.length));
    const to = Math.max(from, Math.min(range.to, block.text.length));
    if (from === to) continue;
    const list = byBlock.get(range.blockIndex) ?? [];
    list.push({ ...range, from, to });
    byBlock.set(range.blockIndex, list);
  }
  for (const list of byBlock.values()) {
    list.sort((a, b) => a.from - b.from);
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.from < list[i - 1]!.to) throw new RangeError('applyEntityMarks: overlapping ranges');
    }
  }
  if (byBlock.size === 0) return doc;

  const leafTypes = new Set(options?.leafTypes ?? ['hardBreak', 'horizontalRule', 'image']);
  const sizeOf = (node: TiptapNodeJSON): number => {
    if (node.type === 'text') return node.text?.length ?? 0;
    if (leafTypes.has(node.type ?? '')) return 1;
    let size = 2;
    for (const child of node.content ?? []) size += sizeOf(child);
    return size;
  };

  const replaceAt = (node: TiptapNodeJSON, path: readonly number[], depth: number, replacement: TiptapNodeJSON): TiptapNodeJSON => {
    if (depth === path.length) return replacement;
    const index = path[depth]!;
    const content = [...(node.content ?? [])];
    content[index] = replaceAt(content[index]!, path, depth + 1, replacement);
    return { ...node, content };
  };

  let result = doc;
  for (const [blockIndex, list] of byBlock) {
    const block = blocks[blockIndex]!;
    let node: TiptapNodeJSON = doc;
    for (const index of block.path) node = node.content![index]!;
    const mentions = block.entityRanges.map((range) => ({ from: range.from, to: range.to }));
    result = replaceAt(result, block.path, 0, markBlock(node, list, mentions, markType, sizeOf));
  }
  return result;
}

/**
 * A copy of `doc` where every entity mark pointing at `fromId` points at `toId` (with type `toType`), and the
 * number of marks changed (0: the document is returned as it was). Adjacent text that now carries identical marks is
 * joined, so a mention of the source next to a mention of the target becomes one mention.
 */
export function repointEntityMarks(
  doc: TiptapNodeJSON,
  fromId: string,
  toId: string,
  toType: string,
  options?: Pick<MarkIndexOptions, 'markType'>,
): { doc: TiptapNodeJSON; changed: number } {
  const markType = options?.markType ?? 'entity';
  let changed = 0;
  const visit = (node: TiptapNodeJSON): TiptapNodeJSON => {
    let next = node;
    if (node.marks && entityIdOf(node, markType) === fromId) {
      changed++;
      next = {
        ...node,
        marks: node.marks.map((mark) =>
          mark.type === markType ? { ...mark, attrs: { ...mark.attrs, entityId: toId, entityType: toType } } : mark,
        ),
      };
    }
    if (node.content) {
      const before = changed;
      const content = node.content.map(visit);
      if (changed !== before) next = { ...next, content: joinText(content) };
    }
    return next;
  };
  const result = visit(doc);
  return changed === 0 ? { doc, changed: 0 } : { doc: result, changed };
}

/** The distinct entity ids marked anywhere in `doc`, in document order. */
export function entityIdsIn(doc: TiptapNodeJSON, options?: Pick<MarkIndexOptions, 'markType'>): string[] {
  const markType = options?.markType ?? 'entity';
  const ids = new Set<string>();
  const visit = (node: TiptapNodeJSON): void => {
    const id = entityIdOf(node, markType);
    if (id !== null) ids.add(id);
    node.content?.forEach(visit);
  };
  visit(doc);
  return [...ids];
}
