import type { JSONContent } from '@tiptap/core';
import type { ActionFailure, ActionSuccess } from '@/lib/errors';
import type { ArticleState } from '@/lib/workflow/states';

/** What the editor gets from the server (plain data, safe to hand to a client component). */
export type ArticleForEditing = {
  id: string;
  title: string;
  dek: string;
  slug: string;
  sectionId: string | null;
  body: JSONContent;
  status: ArticleState;
  version: number;
  authorId: string;
  authorName: string;
  /** ISO 8601. */
  updatedAt: string;
  /** When a scheduled article is due (ISO 8601), else null. */
  publishAt: string | null;
  permissions: { canEdit: boolean };
};

/** The server's copy at the time of a refused (stale) save: what the conflict view compares with. */
export type ServerArticleSnapshot = {
  version: number;
  title: string;
  dek: string;
  slug: string;
  sectionId: string | null;
  body: JSONContent;
  bodyText: string;
  /** ISO 8601. */
  updatedAt: string;
  /** Who made the newest revision, when known. */
  lastEditorName: string | null;
};

export type SavedArticle = { id: string; version: number; slug: string; updatedAt: string };

/** A save's answer, from the server action or the keep-alive route: the new version, or a failure (with the server's copy on a conflict). */
export type SaveArticleResult = ActionSuccess<SavedArticle> | (ActionFailure & { conflict?: ServerArticleSnapshot });

export type SlugCheck =
  | { ok: true; slug: string }
  | { ok: false; code: 'invalid_slug' | 'slug_taken'; message: string; suggestion: string | null };

export type SectionOption = { id: string; name: string };
