import 'server-only';

import type { JSONContent } from '@tiptap/core';

import { renderDocumentToHtml } from '@/lib/content/render';

/** The body as HTML for `ArticleView`: rendered by the one safe renderer (see ArticleBodyHtml). Server only. */
export function renderArticleBodyHtml(doc: JSONContent, entityHrefs?: Record<string, string>): string {
  return renderDocumentToHtml(doc, {
    entityHref: (entityId) => (entityHrefs && Object.hasOwn(entityHrefs, entityId) ? entityHrefs[entityId] : null),
  });
}
