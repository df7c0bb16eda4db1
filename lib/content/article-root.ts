/**
 * The direction and language of every article: the editor's root and the reader's article body carry these. No
 * imports, so reader pages can use it without bringing Tiptap along.
 */
export const DOCUMENT_DIRECTION = 'rtl' as const;

export const ARTICLE_ROOT_ATTRIBUTES = { dir: DOCUMENT_DIRECTION, lang: 'ar' } as const;
