import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';

import { createContentExtensions } from './extensions';

let contentSchema: Schema | undefined;

/** The ProseMirror schema of article bodies, built once from the shared extension list. */
export function getContentSchema(): Schema {
  contentSchema ??= getSchema(createContentExtensions());
  return contentSchema;
}
