import { isAuthor, isEditorial, isRole, isSystemActor, type Actor, type WorkflowArticle } from './states';
import type { WorkflowOptions } from './machine';

/**
 * Who may do what to an article besides changing its state. Pure functions; the data layer calls them with the
 * article as stored and the actor as re-read from the database. See README.md for the matrix.
 */

/**
 * Whether the actor may see the article in the newsroom (the public site shows published revisions to everyone,
 * that is not this). Writers see only their own articles; editors and admins see all; the system sees all.
 */
export function canView(article: WorkflowArticle, actor: Actor): boolean {
  if (isSystemActor(actor)) return true;
  if (!isRole(actor.role)) return false;
  return isEditorial(actor) || isAuthor(article, actor);
}

/**
 * Whether the actor may save the article's content (title, dek, body, slug, section, entities).
 *
 * - Writers: their own articles, in `draft` and `changes_requested` only (to change an article in review they
 *   withdraw it first).
 * - Editors and admins: any article in any state. For a `published` article the save goes to the working copy, and
 *   readers see it only after `publish_update`.
 * - Four-eyes (on by default): in `approved` and `scheduled`, the content is what another editor approved and what
 *   will go out without further review, so its author may not change it — even an editor. (In `published` the
 *   author may edit the working copy, because `publish_update` is itself refused to them.)
 * - The system never edits.
 */
export function canEdit(article: WorkflowArticle, actor: Actor, options: WorkflowOptions = {}): boolean {
  if (isSystemActor(actor) || !isRole(actor.role)) return false;
  const author = isAuthor(article, actor);
  if (isEditorial(actor)) {
    const frozenForAuthor = article.status === 'approved' || article.status === 'scheduled';
    return !(frozenForAuthor && author && options.fourEyes !== false);
  }
  return author && (article.status === 'draft' || article.status === 'changes_requested');
}

/**
 * Whether the actor may comment on the article (editorial comments, not reader comments). Anyone who can see it:
 * writers on their own articles in any state, editors and admins on all. The system does not comment.
 */
export function canComment(article: WorkflowArticle, actor: Actor): boolean {
  if (isSystemActor(actor)) return false;
  return canView(article, actor);
}
