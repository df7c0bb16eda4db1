import 'server-only';

import type { JSONContent } from '@tiptap/core';

import { ArticleBodyHtml } from '@/components/article/article-body-html';
import { renderDocumentToHtml } from '@/lib/content/render';

export interface ArticleBodyProps {
  /** The stored body JSON (validated when it was saved; re-sanitized here anyway). */
  doc: JSONContent;
  /** Public page of each mentioned entity, by entity id. Mentions without one render as spans. */
  entityHrefs?: Record<string, string>;
}

/** The body as HTML for `ArticleView`: rendered by the one safe renderer (see ArticleBodyHtml). Server only. */
export function renderArticleBodyHtml(doc: JSONContent, entityHrefs?: Record<string, string>): string {
  return renderDocumentToHtml(doc, {
    entityHref: (entityId) => (entityHrefs && Object.hasOwn(entityHrefs, entityId) ? entityHrefs[entityId] : null),
  });
}

/** A stored document as the reader sees it. Server only: the renderer and the extension list stay off the client. */
export function ArticleBody({ doc, entityHrefs }: ArticleBodyProps) {
  return <ArticleBodyHtml html={renderArticleBodyHtml(doc, entityHrefs)} />;
}
