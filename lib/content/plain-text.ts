import type { JSONContent } from '@tiptap/core';

const TEXTBLOCK_TYPES = new Set(['paragraph', 'heading', 'codeBlock']);

/**
 * The text of a document for search and excerpts: one line per text block (paragraph, heading, code block, also
 * inside lists and quotes), hard breaks as newlines, empty blocks left out. Needs no schema.
 */
export function extractPlainText(doc: JSONContent): string {
  const blocks: string[] = [];
  collectBlocks(doc, blocks);
  return blocks.filter((block) => block.trim().length > 0).join('\n');
}

function collectBlocks(node: JSONContent, blocks: string[]): void {
  const children = node.content ?? [];
  const isTextblock =
    (node.type !== undefined && TEXTBLOCK_TYPES.has(node.type)) ||
    children.some((child) => child.type === 'text' || child.type === 'hardBreak');
  if (isTextblock) {
    blocks.push(children.map(inlineText).join(''));
    return;
  }
  for (const child of children) collectBlocks(child, blocks);
}

function inlineText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inlineText).join('');
}
