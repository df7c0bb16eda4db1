import type { EditorOptions, Extensions } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';

import { BlockDirection } from './block-direction';
import { EntityMark } from './entity-mark';
import { isAllowedHref, LINK_REL } from './link-policy';
import { ContentPasteGuard } from './paste-guard';

/**
 * THE extension list of article bodies. The browser editor, `getContentSchema()` (validator) and the static
 * renderer all build from this function, so they agree on every node, mark and attribute.
 *
 * The editor may append extensions that add no schema (placeholder, bubble menu, character count…), never nodes,
 * marks or global attributes: those belong here, or the server will refuse what the editor saves.
 */
export function createContentExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        // Stored as mark attributes; the validator requires exactly these defaults (target may be `_blank`).
        HTMLAttributes: { target: null, rel: LINK_REL, class: null },
        // Used by Tiptap for parseHTML, renderHTML, setLink/toggleLink, autolink and paste.
        // (`validate` is the deprecated v2 name of `shouldAutoLink`; we leave both at their defaults.)
        isAllowedUri: (url) => isAllowedHref(url),
      },
    }),
    EntityMark,
    BlockDirection,
    ContentPasteGuard,
  ];
}

/** Attributes of the element that contains a rendered article body (and of the editor's root element). */
import { ARTICLE_ROOT_ATTRIBUTES } from './article-root';
export { ARTICLE_ROOT_ATTRIBUTES };

/**
 * Spread into `new Editor({...})` / `useEditor({...})` together with `extensions: createContentExtensions()`.
 *
 * Do NOT use Tiptap's `textDirection` editor option: it makes the core TextDirection extension add a `dir`
 * attribute to every node type (doc, hardBreak, horizontalRule…), which the server schema does not have, so the
 * validator would refuse every saved document. Direction lives in `BlockDirection` (a `dir` attribute on the block
 * types, part of the shared list) and the root element gets `dir="rtl"` from `editorProps.attributes`. The core
 * extension is switched off so that a stray `textDirection` option cannot bring the problem back.
 *
 * If the editor sets its own `editorProps`, merge `attributes` rather than replacing them.
 */
export const editorContentOptions = {
  enableCoreExtensions: { textDirection: false },
  editorProps: { attributes: { ...ARTICLE_ROOT_ATTRIBUTES } },
} satisfies Partial<EditorOptions>;
