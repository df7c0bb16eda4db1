import type { JSONContent } from '@tiptap/core';
import { domOutputSpecToHTMLString, renderToHTMLString, serializeChildrenToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { createSafeMarkMapping, getRenderExtensions, prepareDocumentForRender, type RenderOptions } from '../../lib/content/render';

/**
 * The article body rendered by Tiptap's own `renderToHTMLString` (which resolves the extensions, builds every node and
 * mark mapping and renders every node through its `renderHTML` on each call), with the same sanitizing and the same
 * link and entity marks: the reference that `renderDocumentToHtml` (mappings built once, markup from templates) must
 * match byte for byte.
 */
export function renderWithTiptapReference(doc: JSONContent, options: RenderOptions = {}): string {
  return renderToHTMLString({
    content: prepareDocumentForRender(doc),
    extensions: getRenderExtensions(),
    options: { markMapping: createSafeMarkMapping<string>(domOutputSpecToHTMLString, serializeChildrenToHTMLString, options) },
  });
}
