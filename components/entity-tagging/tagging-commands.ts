/**
 * Entity tagging operations on a live Tiptap editor. Each is ONE transaction (one undo step). No React here.
 *
 * A mention is a maximal run of text, inside one text block, carrying the entity mark with one entityId (the same
 * definition as lib/entities' collectEntityMentions; a hard break carrying the mark does not end it). Operations work
 * on whole mentions: tagging over part of a mention removes the mark from the whole mention first, so no fragment
 * keeps the old id; untagging a position removes the whole mention around it.
 */
import type { Editor } from '@tiptap/core';
import type { MarkType, Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { EntitySuggestion } from '@/lib/entities/mark-index';
import type { EntityType } from '@/lib/entities/entity-types';

export const ENTITY_MARK = 'entity';

export interface MentionRange {
  entityId: string;
  entityType: EntityType;
  from: number;
  to: number;
}

function entityMarkType(state: EditorState): MarkType {
  const type = state.schema.marks[ENTITY_MARK];
  if (!type) throw new Error('the editor has no entity mark');
  return type;
}

function entityOf(node: PMNode | null | undefined, type: MarkType): { entityId: string; entityType: EntityType } | null {
  if (!node) return null;
  const mark = type.isInSet(node.marks);
  return mark ? { entityId: mark.attrs.entityId as string, entityType: mark.attrs.entityType as EntityType } : null;
}

/** Every mention of the text block that starts at `blockContentStart`, in order. */
function mentionsOfBlock(block: PMNode, contentStart: number, type: MarkType): MentionRange[] {
  const ranges: MentionRange[] = [];
  let open: MentionRange | null = null;
  block.forEach((child, offset) => {
    const found = entityOf(child, type);
    const from = contentStart + offset;
    const continues = open !== null && found !== null && found.entityId === open.entityId;
    if (open !== null && !continues) {
      ranges.push(open);
      open = null;
    }
    if (child.isText && found) {
      if (open === null) open = { ...found, from, to: from };
      open.to = from + child.nodeSize;
    }
  });
  if (open !== null) ranges.push(open);
  return ranges;
}

/** Every mention in the document (or of one entity), in document order. */
export function listMentions(doc: PMNode, type: MarkType, entityId?: string): MentionRange[] {
  const result: MentionRange[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (const mention of mentionsOfBlock(node, pos + 1, type)) {
      if (entityId === undefined || mention.entityId === entityId) result.push(mention);
    }
    return false;
  });
  return result;
}

/** Mentions that intersect [from, to) (or touch `from` when the range is empty), in one pass over the blocks. */
export function mentionsTouching(doc: PMNode, type: MarkType, from: number, to: number): MentionRange[] {
  const result: MentionRange[] = [];
  const end = Math.max(to, from);
  doc.nodesBetween(Math.max(0, from - 1), Math.min(doc.content.size, end + 1), (node, pos) => {
    if (!node.isTextblock) return true;
    for (const mention of mentionsOfBlock(node, pos + 1, type)) {
      const hits = from === to ? mention.from <= from && from <= mention.to : mention.from < to && from < mention.to;
      if (hits) result.push(mention);
    }
    return false;
  });
  return result;
}

/**
 * The mention at a position (a click or the cursor): the one the position is inside, else one that ends or starts
 * exactly there. Null when there is none.
 */
export function mentionAt(state: EditorState, pos: number): MentionRange | null {
  const candidates = mentionsTouching(state.doc, entityMarkType(state), pos, pos);
  return candidates.find((mention) => mention.from < pos && pos < mention.to) ?? candidates[0] ?? null;
}

/** Removes the entity mark from every whole mention that intersects [from, to). */
function clearMentions(tr: Transaction, type: MarkType, from: number, to: number): void {
  for (const mention of mentionsTouching(tr.doc, type, from, to)) {
    if (from === to && !(mention.from <= from && from <= mention.to)) continue;
    tr.removeMark(mention.from, mention.to, type);
  }
}

function dispatchWith(editor: Editor, build: (tr: Transaction, type: MarkType) => boolean): boolean {
  const { state, view } = editor;
  const type = entityMarkType(state);
  const tr = state.tr;
  if (!build(tr, type)) return false;
  if (!tr.docChanged) return false;
  view.dispatch(tr);
  return true;
}

/**
 * Tags [from, to) (default: the selection) as a mention of `entity`. Mentions the range overlaps lose their mark
 * entirely first. Leading and trailing spaces are left out of the mention. Returns false when nothing was tagged.
 */
export function tagRange(
  editor: Editor,
  entity: { entityId: string; entityType: EntityType },
  range: { from: number; to: number } = editor.state.selection,
): boolean {
  return dispatchWith(editor, (tr, type) => {
    let { from, to } = range;
    const text = tr.doc.textBetween(from, to, '\n', '\n');
    if (text.trim() === '') return false;
    const $from = tr.doc.resolve(from);
    const $to = tr.doc.resolve(to);
    if (!$from.sameParent($to) || !$from.parent.isTextblock) return false; // one mention never spans blocks
    from += text.length - text.trimStart().length;
    to -= text.length - text.trimEnd().length;
    clearMentions(tr, type, from, to);
    tr.addMark(from, to, type.create({ entityId: entity.entityId, entityType: entity.entityType }));
    return true;
  });
}

/** Replaces a whole mention with a mention of another entity. */
export function retagMention(editor: Editor, mention: { from: number; to: number }, entity: { entityId: string; entityType: EntityType }): boolean {
  return tagRange(editor, entity, mention);
}

/** Untags the whole mention at `pos` (default: the cursor). */
export function untagMentionAt(editor: Editor, pos: number = editor.state.selection.from): boolean {
  const mention = mentionAt(editor.state, pos);
  if (!mention) return false;
  return dispatchWith(editor, (tr, type) => {
    tr.removeMark(mention.from, mention.to, type);
    return true;
  });
}

/** Untags every mention of one entity. */
export function untagEntity(editor: Editor, entityId: string): boolean {
  return dispatchWith(editor, (tr, type) => {
    const mentions = listMentions(tr.doc, type, entityId);
    for (const mention of mentions) tr.removeMark(mention.from, mention.to, type);
    return mentions.length > 0;
  });
}

/**
 * Tags suggestions (from `suggestUntagged` on this editor's document) in one transaction. Each position is mapped
 * through the steps already added, and a suggestion whose text is no longer there (the document changed since the
 * suggestions were computed) or that now overlaps a mention is skipped. Returns the number tagged.
 */
export function applySuggestions(
  editor: Editor,
  suggestions: ReadonlyArray<Pick<EntitySuggestion, 'entityId' | 'pmFrom' | 'pmTo' | 'text'>>,
  typeOf: (entityId: string) => EntityType | undefined,
): number {
  let applied = 0;
  dispatchWith(editor, (tr, type) => {
    for (const suggestion of suggestions) {
      const entityType = typeOf(suggestion.entityId);
      if (!entityType) continue;
      const from = tr.mapping.map(suggestion.pmFrom, 1);
      const to = tr.mapping.map(suggestion.pmTo, -1);
      if (to <= from || to > tr.doc.content.size) continue;
      if (tr.doc.textBetween(from, to, '\n', '\n') !== suggestion.text) continue;
      if (tr.doc.rangeHasMark(from, to, type)) continue;
      tr.addMark(from, to, type.create({ entityId: suggestion.entityId, entityType }));
      applied++;
    }
    return applied > 0;
  });
  return applied;
}

/** Selects a mention and scrolls it into view. */
export function selectMention(editor: Editor, mention: { from: number; to: number }): void {
  editor.chain().focus().setTextSelection({ from: mention.from, to: mention.to }).scrollIntoView().run();
}
