/**
 * Entity-mark indexing on Tiptap/ProseMirror JSON documents (plain objects; no Tiptap import).
 *
 * Text blocks. A text block is a node (other than `text`) with at least one `text` or hard-break child (the same
 * blocks as lib/content's plain-text extraction; empty paragraphs have no content positions); blocks are numbered
 * (`blockIndex`) in document order among text blocks, and also identified by `path`, the child indices from the doc
 * root. A block's `text` has exactly one UTF-16 unit per ProseMirror position of its content: text nodes as they are,
 * a hard break as "\n", any other inline node as U+FFFC repeated for its size. So block offset k is document position
 * `contentStart + k`.
 *
 * Positions (the ProseMirror convention, computed from the JSON alone):
 * - the doc's content starts at position 0 (the doc node has no token of its own);
 * - a text node's size is its text length in UTF-16 units;
 * - a leaf node (`leafTypes`: hardBreak, horizontalRule, image by default) has size 1;
 * - any other node has size 2 + the sum of its children: one opening token before its content, one closing after.
 * A block starting at position `pos` has its content at `pos + 1`. A non-leaf node without `content` (an empty
 * paragraph) has size 2, which is why leaf types must be known: pass your schema's leaf types in `leafTypes`.
 *
 * Mentions. Inside a text block, consecutive text nodes that carry an entity mark with the same `entityId` form one
 * mention (an entity cut by bold is several text nodes, one mention). Another id, an unmarked node, or the end of the
 * block ends the mention. A non-text inline node (hard break, image) carrying the same mark does not end it, but only
 * text starts or extends a mention, so a mention never starts or ends on a hard break. `counts` counts mentions per
 * entity id. Marks without a non-empty string `entityId` are ignored.
 */
import type { EntityMatcher } from './matcher';

export interface TiptapMarkJSON {
  type: string;
  attrs?: Record<string, unknown> | null;
}

/** Structurally compatible with Tiptap's `JSONContent` (so `editor.getJSON()` can be passed as is). */
export interface TiptapNodeJSON {
  type?: string;
  text?: string;
  content?: readonly TiptapNodeJSON[];
  marks?: readonly TiptapMarkJSON[];
  attrs?: Record<string, unknown> | null;
}

export interface MarkIndexOptions {
  /** Name of the entity mark. Default "entity". */
  markType?: string;
  /** Node types that are leaves (size 1). Default: hardBreak, horizontalRule, image. */
  leafTypes?: Iterable<string>;
  /** Inline leaves written as "\n" in block text (line breaks for the matcher). Default: hardBreak. */
  hardBreakTypes?: Iterable<string>;
}

export interface EntityRange {
  entityId: string;
  entityType: string | null;
  /** Block-relative offsets (UTF-16 units of the block text). */
  from: number;
  to: number;
}

export interface TextBlock {
  blockIndex: number;
  path: number[];
  type: string;
  /** Document position just before the block. */
  pos: number;
  /** Document position of the block's first content position (pos + 1). */
  contentStart: number;
  /** One unit per content position; see the module comment. */
  text: string;
  /** Entity-marked ranges of the block, contiguous same-id ranges merged, in order. */
  entityRanges: EntityRange[];
}

export interface EntityMention extends EntityRange {
  blockIndex: number;
  path: number[];
  /** Document positions. */
  pmFrom: number;
  pmTo: number;
  text: string;
}

export interface EntityMentionIndex {
  mentions: EntityMention[];
  counts: Map<string, number>;
}

export interface EntitySuggestion {
  entityId: string;
  matchedName: string;
  blockIndex: number;
  path: number[];
  /** Block-relative offsets. */
  from: number;
  to: number;
  /** Document positions. */
  pmFrom: number;
  pmTo: number;
  text: string;
}

const DEFAULT_LEAF_TYPES = ['hardBreak', 'horizontalRule', 'image'];
const DEFAULT_HARD_BREAK_TYPES = ['hardBreak'];
const OBJECT_REPLACEMENT = '\uFFFC';

interface ResolvedOptions {
  markType: string;
  leafTypes: ReadonlySet<string>;
  hardBreakTypes: ReadonlySet<string>;
}

function resolveOptions(options: MarkIndexOptions | undefined): ResolvedOptions {
  return {
    markType: options?.markType ?? 'entity',
    leafTypes: new Set(options?.leafTypes ?? DEFAULT_LEAF_TYPES),
    hardBreakTypes: new Set(options?.hardBreakTypes ?? DEFAULT_HARD_BREAK_TYPES),
  };
}

/** ProseMirror size of a JSON node (see the module comment). */
export function nodeSize(node: TiptapNodeJSON, options?: MarkIndexOptions): number {
  return sizeOf(node, resolveOptions(options));
}

function sizeOf(node: TiptapNodeJSON, options: ResolvedOptions): number {
  if (node.type === 'text') return node.text?.length ?? 0;
  if (options.leafTypes.has(node.type ?? '')) return 1;
  let size = 2;
  for (const child of node.content ?? []) size += sizeOf(child, options);
  return size;
}

function entityMarkOf(node: TiptapNodeJSON, markType: string): { entityId: string; entityType: string | null } | null {
  for (const mark of node.marks ?? []) {
    if (mark.type !== markType) continue;
    const entityId = mark.attrs?.entityId;
    if (typeof entityId !== 'string' || entityId === '') continue;
    const entityType = mark.attrs?.entityType;
    return { entityId, entityType: typeof entityType === 'string' ? entityType : null };
  }
  return null;
}

function isTextBlock(node: TiptapNodeJSON, options: ResolvedOptions): boolean {
  if (node.type === 'text') return false;
  return (
    node.content?.some((child) => child.type === 'text' || options.hardBreakTypes.has(child.type ?? '')) ?? false
  );
}

function readTextBlock(
  node: TiptapNodeJSON,
  pos: number,
  path: number[],
  blockIndex: number,
  options: ResolvedOptions,
): TextBlock {
  const parts: string[] = [];
  const entityRanges: EntityRange[] = [];
  let open: EntityRange | null = null;
  let offset = 0;
  for (const child of node.content ?? []) {
    const size = sizeOf(child, options);
    if (child.type === 'text') parts.push(child.text ?? '');
    else if (options.hardBreakTypes.has(child.type ?? '')) parts.push('\n' + OBJECT_REPLACEMENT.repeat(size - 1));
    else parts.push(OBJECT_REPLACEMENT.repeat(size));
    const mark = size > 0 ? entityMarkOf(child, options.markType) : null;
    const continues = open !== null && mark !== null && mark.entityId === open.entityId;
    if (open !== null && !continues) {
      entityRanges.push(open);
      open = null;
    }
    if (child.type === 'text' && mark !== null) {
      if (open === null) open = { entityId: mark.entityId, entityType: mark.entityType, from: offset, to: offset };
      open.to = offset + size;
    }
    offset += size;
  }
  if (open !== null) entityRanges.push(open);
  return { blockIndex, path, type: node.type ?? '', pos, contentStart: pos + 1, text: parts.join(''), entityRanges };
}

/** The document's text blocks in order, with their positions, text and merged entity ranges. */
export function listTextBlocks(doc: TiptapNodeJSON, options?: MarkIndexOptions): TextBlock[] {
  const resolved = resolveOptions(options);
  const blocks: TextBlock[] = [];
  /** Visits the children of `parent`, whose content starts at `contentStart`. */
  const visitChildren = (parent: TiptapNodeJSON, contentStart: number, parentPath: number[]): void => {
    let pos = contentStart;
    (parent.content ?? []).forEach((child, index) => {
      const path = [...parentPath, index];
      if (isTextBlock(child, resolved)) blocks.push(readTextBlock(child, pos, path, blocks.length, resolved));
      else if (child.type !== 'text' && !resolved.leafTypes.has(child.type ?? '')) visitChildren(child, pos + 1, path);
      pos += sizeOf(child, resolved);
    });
  };
  if (isTextBlock(doc, resolved)) blocks.push(readTextBlock(doc, -1, [], 0, resolved));
  else visitChildren(doc, 0, []);
  return blocks;
}

/** Every entity mention (merged per block) and the number of mentions per entity id. */
export function collectEntityMentions(doc: TiptapNodeJSON, options?: MarkIndexOptions): EntityMentionIndex {
  const mentions: EntityMention[] = [];
  const counts = new Map<string, number>();
  for (const block of listTextBlocks(doc, options)) {
    for (const range of block.entityRanges) {
      mentions.push({
        ...range,
        blockIndex: block.blockIndex,
        path: block.path,
        pmFrom: block.contentStart + range.from,
        pmTo: block.contentStart + range.to,
        text: block.text.slice(range.from, range.to),
      });
      counts.set(range.entityId, (counts.get(range.entityId) ?? 0) + 1);
    }
  }
  return { mentions, counts };
}

/**
 * The number of mentions per entity id: the same as `collectEntityMentions(doc, options).counts`, without building
 * block texts, positions or mention objects (the article page, the index and the revision diff need only the counts).
 */
export function countEntityMentions(doc: TiptapNodeJSON, options?: MarkIndexOptions): Map<string, number> {
  const resolved = resolveOptions(options);
  const counts = new Map<string, number>();
  const countBlock = (block: TiptapNodeJSON): void => {
    let open: string | null = null;
    for (const child of block.content ?? []) {
      // Only an empty text node has size 0, and a node of size 0 neither carries nor continues a mention.
      const empty = child.type === 'text' && !child.text;
      const mark = empty ? null : entityMarkOf(child, resolved.markType);
      if (open !== null && mark?.entityId !== open) {
        counts.set(open, (counts.get(open) ?? 0) + 1);
        open = null;
      }
      if (open === null && mark !== null && child.type === 'text') open = mark.entityId;
    }
    if (open !== null) counts.set(open, (counts.get(open) ?? 0) + 1);
  };
  const visitChildren = (parent: TiptapNodeJSON): void => {
    for (const child of parent.content ?? []) {
      if (isTextBlock(child, resolved)) countBlock(child);
      else if (child.type !== 'text' && !resolved.leafTypes.has(child.type ?? '')) visitChildren(child);
    }
  };
  if (isTextBlock(doc, resolved)) countBlock(doc);
  else visitChildren(doc);
  return counts;
}

/**
 * Registered names found in the text blocks outside existing entity marks: a suggestion never overlaps a marked
 * range (marked text is excluded before matching, so a tag does not hide an untagged mention next to it).
 */
export function suggestUntagged(
  doc: TiptapNodeJSON,
  matcher: Pick<EntityMatcher, 'findMatches'>,
  options?: MarkIndexOptions,
): EntitySuggestion[] {
  const suggestions: EntitySuggestion[] = [];
  for (const block of listTextBlocks(doc, options)) {
    const excludeRanges = block.entityRanges.map((range) => ({ start: range.from, end: range.to }));
    for (const match of matcher.findMatches(block.text, { excludeRanges })) {
      suggestions.push({
        entityId: match.entityId,
        matchedName: match.matchedName,
        blockIndex: block.blockIndex,
        path: block.path,
        from: match.start,
        to: match.end,
        pmFrom: block.contentStart + match.start,
        pmTo: block.contentStart + match.end,
        text: block.text.slice(match.start, match.end),
      });
    }
  }
  return suggestions;
}
