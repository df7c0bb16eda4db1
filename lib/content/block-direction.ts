import { combineTransactionSteps, Extension, getChangedRanges } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { DOCUMENT_DIRECTION as ROOT_DIRECTION } from './article-root';

/**
 * Per-block text direction, as a `dir` attribute declared by OUR extension list (not by Tiptap's core
 * `textDirection` editor option, which adds `dir` to every node type only inside an Editor: `getSchema()` and the
 * static renderer would not know it, and documents saved by such an editor would not parse on the server).
 *
 * - The document is right-to-left: the editor root and the article container carry `dir="rtl"`
 *   (see `editorContentOptions` and `ARTICLE_ROOT_ATTRIBUTES`).
 * - paragraph, heading, blockquote, bulletList, orderedList, listItem: `dir` is `null` (inherit from the enclosing
 *   block, ultimately RTL), `'rtl'` or `'ltr'`. Only non-null values are rendered, so HTML inheritance does the rest.
 * - codeBlock: `dir` is `'ltr'` by default (code reads left to right) or `'rtl'`; never `null` in a saved document.
 *   Tiptap's `setNode` (toggleCodeBlock) copies the paragraph's attributes, `dir: null` included, so the schema lets
 *   a code block hold `null` for the length of a transaction and a plugin turns it into `'ltr'` right away; the
 *   validator (attribute-rules.ts) accepts only `'rtl' | 'ltr'`.
 */

export const TEXT_DIRECTIONS = ['rtl', 'ltr'] as const;
export type TextDirection = (typeof TEXT_DIRECTIONS)[number];

export const DOCUMENT_DIRECTION: TextDirection = ROOT_DIRECTION;

/** Node types whose `dir` defaults to `null` (inherit). */
export const INHERITING_DIRECTION_NODE_TYPES = [
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
] as const;
/** Node types whose `dir` defaults to `'ltr'`. */
export const LTR_DIRECTION_NODE_TYPES = ['codeBlock'] as const;
export const DIRECTIONAL_NODE_TYPES: readonly string[] = [
  ...INHERITING_DIRECTION_NODE_TYPES,
  ...LTR_DIRECTION_NODE_TYPES,
];

const CONTAINER_NODE_TYPES: readonly string[] = ['blockquote', 'bulletList', 'orderedList'];

export function isTextDirection(value: unknown): value is TextDirection {
  return value === 'rtl' || value === 'ltr';
}

/** The `dir` of an HTML element if it is exactly rtl or ltr (case-insensitive); `auto` and junk give null. */
export function readDirection(element: HTMLElement): TextDirection | null {
  const value = element.getAttribute('dir')?.trim().toLowerCase();
  return isTextDirection(value) ? value : null;
}

function validateDirection(value: unknown): void {
  if (value !== null && !isTextDirection(value)) throw new RangeError('dir must be null, "rtl" or "ltr"');
}

function renderDirection(attributes: Record<string, unknown>): Record<string, string> {
  return isTextDirection(attributes.dir) ? { dir: attributes.dir } : {};
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    blockDirection: {
      /**
       * Set the direction of the blocks in the selection (or in `range`). Sets `dir` on each text block, on the list
       * item around it (so the bullet moves to the right side), and on each enclosing blockquote or list whose
       * blocks then all share one direction.
       */
      setBlockDirection: (direction: TextDirection, range?: { from: number; to: number }) => ReturnType;
      /** Back to the default: inherit (code blocks: LTR), with the same reach as `setBlockDirection`. */
      unsetBlockDirection: (range?: { from: number; to: number }) => ReturnType;
    };
  }
}

type DirectionValue = TextDirection | null | 'default';

function applyDirection(tr: Transaction, from: number, to: number, value: DirectionValue): boolean {
  const doc = tr.doc;
  const targets = new Map<number, PMNode>();
  const containers = new Map<number, number>(); // position -> depth

  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    if (DIRECTIONAL_NODE_TYPES.includes(node.type.name)) targets.set(pos, node);
    const $pos = doc.resolve(pos);
    for (let depth = $pos.depth; depth > 0; depth--) {
      const ancestor = $pos.node(depth);
      const ancestorPos = $pos.before(depth);
      if (depth === $pos.depth && ancestor.type.name === 'listItem') targets.set(ancestorPos, ancestor);
      if (CONTAINER_NODE_TYPES.includes(ancestor.type.name)) containers.set(ancestorPos, depth);
    }
    return false;
  });

  if (targets.size === 0) return false;

  for (const [pos, node] of targets) {
    tr.setNodeMarkup(pos, undefined, { ...node.attrs, dir: resolveValue(node, value) });
  }

  // Deepest containers first, so that a list inside a blockquote is settled before the blockquote looks at it.
  const ordered = [...containers].sort((a, b) => b[1] - a[1]);
  for (const [pos] of ordered) {
    const container = tr.doc.nodeAt(pos);
    if (!container) continue;
    const childDirections = new Set<unknown>();
    container.forEach((child) => {
      // Code blocks are LTR by default whatever surrounds them: they do not decide a container's direction.
      if ((INHERITING_DIRECTION_NODE_TYPES as readonly string[]).includes(child.type.name)) childDirections.add(child.attrs.dir);
    });
    const [shared] = childDirections;
    if (childDirections.size === 1 && (shared === null || isTextDirection(shared)) && container.attrs.dir !== shared) {
      tr.setNodeMarkup(pos, undefined, { ...container.attrs, dir: shared });
    }
  }
  return true;
}

function resolveValue(node: PMNode, value: DirectionValue): TextDirection | null {
  if (value !== 'default') return value;
  const fallback: unknown = node.type.spec.attrs?.dir?.default;
  return isTextDirection(fallback) ? fallback : null;
}

export const BlockDirection = Extension.create({
  name: 'blockDirection',

  addGlobalAttributes() {
    return [
      {
        types: [...INHERITING_DIRECTION_NODE_TYPES],
        attributes: {
          dir: {
            default: null,
            keepOnSplit: true,
            parseHTML: readDirection,
            renderHTML: renderDirection,
            validate: validateDirection,
          },
        },
      },
      {
        types: [...LTR_DIRECTION_NODE_TYPES],
        attributes: {
          dir: {
            default: 'ltr',
            keepOnSplit: true,
            parseHTML: readDirection,
            renderHTML: renderDirection,
            validate: validateDirection,
          },
        },
      },
    ];
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('blockDirection'),
        appendTransaction: (transactions, oldState, newState) => {
          if (!transactions.some((transaction) => transaction.docChanged)) return null;
          const transform = combineTransactionSteps(oldState.doc, [...transactions]);
          let fix: Transaction | null = null;
          for (const { newRange } of getChangedRanges(transform)) {
            newState.doc.nodesBetween(newRange.from, newRange.to, (node, pos) => {
              if ((LTR_DIRECTION_NODE_TYPES as readonly string[]).includes(node.type.name) && node.attrs.dir === null) {
                fix ??= newState.tr;
                fix.setNodeMarkup(pos, undefined, { ...node.attrs, dir: 'ltr' });
              }
            });
          }
          return fix;
        },
      }),
    ];
  },

  addCommands() {
    return {
      setBlockDirection:
        (direction, range) =>
        ({ tr, dispatch }) => {
          if (!isTextDirection(direction)) return false;
          const { from, to } = range ?? tr.selection;
          if (!dispatch) return hasDirectionalTextblock(tr.doc, from, to);
          return applyDirection(tr, from, to, direction);
        },
      unsetBlockDirection:
        (range) =>
        ({ tr, dispatch }) => {
          const { from, to } = range ?? tr.selection;
          if (!dispatch) return hasDirectionalTextblock(tr.doc, from, to);
          return applyDirection(tr, from, to, 'default');
        },
    };
  },
});

function hasDirectionalTextblock(doc: PMNode, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (found) return false;
    if (node.isTextblock) {
      found = DIRECTIONAL_NODE_TYPES.includes(node.type.name);
      return false;
    }
    return true;
  });
  return found;
}
