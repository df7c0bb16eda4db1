/**
 * Unsaved work kept in the browser until the server confirms it: one entry per article and base version (the
 * version the text was started from), in localStorage. Written after each change (debounced by the editor) and
 * removed when a save covers it; offered back after a crash, a reload or a network failure.
 */
import type { JSONContent } from '@tiptap/core';

export type ArticleContent = {
  title: string;
  dek: string;
  slug: string;
  sectionId: string | null;
  body: JSONContent;
};

export type LocalDraft = {
  articleId: string;
  baseVersion: number;
  /** Milliseconds since the epoch. */
  savedAt: number;
  content: ArticleContent;
};

/** The part of `Storage` we use (tests pass a Map-backed one). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'midad:draft:';

export function localDraftKey(articleId: string, baseVersion: number): string {
  return `${PREFIX}${articleId}:${baseVersion}`;
}

function keysFor(storage: DraftStorage, articleId: string): string[] {
  const prefix = `${PREFIX}${articleId}:`;
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

function parseDraft(text: string | null, articleId: string): LocalDraft | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<LocalDraft>;
    const content = value.content as Partial<ArticleContent> | undefined;
    if (
      value.articleId !== articleId ||
      !Number.isInteger(value.baseVersion) ||
      typeof value.savedAt !== 'number' ||
      !content ||
      typeof content.title !== 'string' ||
      typeof content.dek !== 'string' ||
      typeof content.slug !== 'string' ||
      (content.sectionId !== null && typeof content.sectionId !== 'string') ||
      typeof content.body !== 'object' ||
      content.body === null
    ) {
      return null;
    }
    return value as LocalDraft;
  } catch {
    return null;
  }
}

/**
 * Stores the draft under its base version and removes older entries of the same article (the newest text holds
 * everything they held). Returns false when the browser refused (quota, private mode): the caller says so.
 */
export function writeLocalDraft(storage: DraftStorage, draft: LocalDraft): boolean {
  const key = localDraftKey(draft.articleId, draft.baseVersion);
  try {
    storage.setItem(key, JSON.stringify(draft));
  } catch {
    return false;
  }
  for (const other of keysFor(storage, draft.articleId)) if (other !== key) storage.removeItem(other);
  return true;
}

/** The newest stored draft of the article, if any. */
export function readLocalDraft(storage: DraftStorage, articleId: string): LocalDraft | null {
  let newest: LocalDraft | null = null;
  for (const key of keysFor(storage, articleId)) {
    const draft = parseDraft(storage.getItem(key), articleId);
    if (!draft) {
      storage.removeItem(key);
      continue;
    }
    if (!newest || draft.savedAt > newest.savedAt) newest = draft;
  }
  return newest;
}

/** Forgets every stored draft of the article (after a confirmed save, or when the user discards it). */
export function clearLocalDrafts(storage: DraftStorage, articleId: string): void {
  for (const key of keysFor(storage, articleId)) storage.removeItem(key);
}

/** Same title, dek, slug, section and body (JSON key order as produced by the editor and the server). */
export function isSameContent(a: ArticleContent, b: ArticleContent): boolean {
  return (
    a.title === b.title &&
    a.dek === b.dek &&
    a.slug === b.slug &&
    a.sectionId === b.sectionId &&
    stableStringify(a.body) === stableStringify(b.body)
  );
}

function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return item;
  });
}

/**
 * What to do with a stored draft when the editor opens with the server's copy: nothing (none, or identical to the
 * server: a save that went through just before the page closed), or offer it back.
 */
export function draftToOffer(draft: LocalDraft | null, server: ArticleContent & { version: number }): LocalDraft | null {
  if (!draft) return null;
  if (isSameContent(draft.content, server)) return null;
  return draft;
}
