import { ARTICLE_ROOT_ATTRIBUTES } from '@/lib/content/article-root';

/**
 * The article body's wrapper, around HTML rendered on the server by `renderDocumentToHtml` (lib/content/render.ts):
 * the one safe renderer of stored documents, shared with the feeds and the content API, which escapes every text and
 * attribute, keeps only allowed link targets, and is fuzzed never to produce a script, an event handler or a
 * javascript: URL (lib/content/fuzz.test.ts). Nothing else may be passed here. The wrapper carries
 * `dir="rtl" lang="ar"`; blocks set to LTR carry their own `dir`.
 *
 * No editor code: this file imports nothing from Tiptap, so reader pages can render it without shipping any.
 */
export function ArticleBodyHtml({ html }: { html: string }) {
  return (
    <div
      className="article-body"
      dir={ARTICLE_ROOT_ATTRIBUTES.dir}
      lang={ARTICLE_ROOT_ATTRIBUTES.lang}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
