import type { JSONContent } from '@tiptap/core';
import { domOutputSpecToHTMLString, renderToHTMLString, serializeChildrenToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { createSafeMarkMapping, getRenderExtensions, prepareDocumentForRender, type RenderOptions } from '../../lib/content/render';

/**
 * The article body rendered the way `renderDocumentToHtml` did before it kept its mappings (Tiptap's
 * `renderToHTMLString`, which resolves the extensions and builds every node and mark mapping on each call), with the
 * same sanitizing and the same link and entity marks: tests compare the two byte for byte.
 */
export function renderWithTiptapReference(doc: JSONContent, options: RenderOptions = {}): string {
  return renderToHTMLString({
    content: prepareDocumentForRender(doc),
    extensions: getRenderExtensions(),
    options: { markMapping: createSafeMarkMapping<string>(domOutputSpecToHTMLString, serializeChildrenToHTMLString, options) },
  });
}
