import 'server-only';

import type { JSONContent } from '@tiptap/core';
import { domOutputSpecToReactElement, renderToReactElement } from '@tiptap/static-renderer/pm/react';
import type { ReactNode } from 'react';

import { ARTICLE_ROOT_ATTRIBUTES } from '@/lib/content/extensions';
import { createSafeMarkMapping, getRenderExtensions, prepareDocumentForRender } from '@/lib/content/render';

export interface ArticleBodyProps {
  /** The stored body JSON (validated when it was saved; re-sanitized here anyway). */
  doc: JSONContent;
  /** Public page of each mentioned entity, by entity id. Mentions without one render as spans. */
  entityHrefs?: Record<string, string>;
}

/**
 * The article body, rendered on the server by the static renderer's React output: React escapes every text and
 * attribute value, so no HTML string is ever injected (no dangerouslySetInnerHTML), and links and mentions go through
 * the same checks as `renderDocumentToHtml`. The wrapper carries `dir="rtl" lang="ar"`; blocks set to LTR carry
 * their own `dir`.
 *
 * Server component only: the static renderer and the extension list stay out of the client bundle.
 */
export function ArticleBody({ doc, entityHrefs }: ArticleBodyProps) {
  const entityHref = (entityId: string) =>
    entityHrefs && Object.hasOwn(entityHrefs, entityId) ? entityHrefs[entityId] : null;

  const body = renderToReactElement({
    content: prepareDocumentForRender(doc),
    extensions: getRenderExtensions(),
    options: {
      markMapping: createSafeMarkMapping<ReactNode>(
        (spec) => domOutputSpecToReactElement(spec),
        (children) => <>{children}</>,
        { entityHref },
      ),
    },
  });

  return (
    <div className="article-body" dir={ARTICLE_ROOT_ATTRIBUTES.dir} lang={ARTICLE_ROOT_ATTRIBUTES.lang}>
      {body}
    </div>
  );
}
