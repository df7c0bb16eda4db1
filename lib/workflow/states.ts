/**
 * The vocabulary of the article workflow. These tuples are the single source for the database enums
 * (db/schema.ts), the state machine, and the labels. Order matters only for display (and for enum order in
 * Postgres): appending is safe, reordering or renaming needs a migration.
 */

export const ARTICLE_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

export const ROLES = ['writer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const WORKFLOW_EVENTS = [
  'submit',
  'withdraw',
  'request_changes',
  'approve',
  'publish',
  'schedule',
  'unschedule',
  'publish_due',
  'unpublish',
  'publish_update',
  'reopen',
] as const;
export type WorkflowEvent = (typeof WORKFLOW_EVENTS)[number];

/** A signed-in person. */
export interface UserActor {
  id: string;
  role: Role;
}

/** The application itself (the scheduled-publishing job). */
export interface SystemActor {
  kind: 'system';
}

export type Actor = UserActor | SystemActor;

export const SYSTEM_ACTOR: SystemActor = Object.freeze({ kind: 'system' });

/** What the workflow needs to know about an article. */
export interface WorkflowArticle {
  status: ArticleState;
  authorId: string;
}

export function isArticleState(value: unknown): value is ArticleState {
  return typeof value === 'string' && (ARTICLE_STATES as readonly string[]).includes(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isWorkflowEvent(value: unknown): value is WorkflowEvent {
  return typeof value === 'string' && (WORKFLOW_EVENTS as readonly string[]).includes(value);
}

export function isSystemActor(actor: Actor): actor is SystemActor {
  return 'kind' in actor && actor.kind === 'system';
}

/** Editors and admins have the same workflow powers; admins additionally manage users (outside this module). */
export function isEditorial(actor: Actor): actor is UserActor {
  return !isSystemActor(actor) && (actor.role === 'editor' || actor.role === 'admin');
}

/** Whether a person wrote the article. An empty id never matches, so a missing id cannot grant an author's rights. */
export function isAuthor(article: WorkflowArticle, actor: Actor): boolean {
  return !isSystemActor(actor) && actor.id !== '' && actor.id === article.authorId;
}
