/** Helpers for the tagging tests (real Tiptap editor under happy-dom). Not imported by application code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Editor, type JSONContent } from '@tiptap/core';
import { createContentExtensions, editorContentOptions } from '@/lib/content/extensions';
import { documentFromParagraphs, parseSeedArticle } from '@/lib/content/from-paragraphs';
import type { EntityType } from '@/lib/entities/entity-types';
import type { TaggingRegistryEntry } from './types';

export function createTestEditor(content: JSONContent | string): Editor {
  const element = document.createElement('div');
  document.body.appendChild(element);
  return new Editor({ element, extensions: createContentExtensions(), ...editorContentOptions, content });
}

/** Document positions of the `occurrence`-th occurrence (0-based) of `text` inside one text block. */
export function rangeOf(editor: Editor, text: string, occurrence = 0): { from: number; to: number } {
  let seen = 0;
  let from = -1;
  editor.state.doc.descendants((node, pos) => {
    if (from >= 0 || !node.isTextblock) return from < 0;
    let index = node.textContent.indexOf(text);
    while (index >= 0) {
      if (seen === occurrence) {
        from = pos + 1 + index;
        return false;
      }
      seen++;
      index = node.textContent.indexOf(text, index + 1);
    }
    return false;
  });
  if (from < 0) throw new Error(`no occurrence ${occurrence} of ${text}`);
  return { from, to: from + text.length };
}

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const seedDirectory = path.resolve(__dirname, '../../db/seed-data');

/** The seed registry with ids 1..n (in file order). */
export function seedRegistry(): TaggingRegistryEntry[] {
  const registry = JSON.parse(readFileSync(path.join(seedDirectory, 'entities.json'), 'utf8')) as {
    entities: Array<{ type: EntityType; name: string; aliases: string[] }>;
  };
  return registry.entities.map((entity, index) => ({ id: uuid(index + 1), type: entity.type, name: entity.name, aliases: entity.aliases }));
}

/** The sample article's body, untagged. */
export function seedBody(): JSONContent {
  const article = parseSeedArticle(readFileSync(path.join(seedDirectory, 'article.ar.txt'), 'utf8'));
  return documentFromParagraphs(article.paragraphs);
}
