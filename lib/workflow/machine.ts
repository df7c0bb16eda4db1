import type { ErrorCode } from '@/lib/errors/codes';
import {
  ARTICLE_STATES,
  WORKFLOW_EVENTS,
  isAuthor,
  isEditorial,
  isRole,
  isSystemActor,
  type Actor,
  type ArticleState,
  type WorkflowArticle,
  type WorkflowEvent,
} from './states';

/**
 * The article workflow as a pure state machine. See README.md in this folder for the table and the reasoning.
 *
 * `transition` checks, in this order, and reports the first failure:
 * 1. the event exists from the article's current state          → otherwise `transition_invalid`
 * 2. the actor may perform it (role, authorship, system)        → otherwise `transition_forbidden`
 * 3. four-eyes: the actor is not the author (approve, publish_update; only when `fourEyes` is on, the default)
 *                                                                → otherwise `four_eyes`
 * 4. a comment is given (request_changes)                       → otherwise `comment_required`
 */

/** Who may trigger an event. Editors and admins are "editorial" and have identical workflow powers. */
export type Performer =
  /** the article's author, whatever their role */
  | 'author'
  /** any editor or admin */
  | 'editorial'
  /** the author, or any editor or admin */
  | 'author_or_editorial'
  /** only the system actor (scheduled publishing) */
  | 'system';

export interface WorkflowRule {
  /** from-state → to-state; an event is impossible from states not listed. */
  readonly transitions: Readonly<Partial<Record<ArticleState, ArticleState>>>;
  readonly performer: Performer;
  /** Refused with `four_eyes` when the actor wrote the article and four-eyes is on. */
  readonly fourEyes: boolean;
  /** Refused with `comment_required` unless a non-blank comment is given. */
  readonly commentRequired: boolean;
}

export const WORKFLOW_RULES: Readonly<Record<WorkflowEvent, WorkflowRule>> = {
  submit: {
    transitions: { draft: 'in_review', changes_requested: 'in_review' },
    performer: 'author_or_editorial',
    fourEyes: false,
    commentRequired: false,
  },
  withdraw: {
    transitions: { in_review: 'draft' },
    performer: 'author',
    fourEyes: false,
    commentRequired: false,
  },
  request_changes: {
    transitions: { in_review: 'changes_requested', approved: 'changes_requested' },
    performer: 'editorial',
    fourEyes: false,
    commentRequired: true,
  },
  approve: {
    transitions: { in_review: 'approved' },
    performer: 'editorial',
    fourEyes: true,
    commentRequired: false,
  },
  publish: {
    transitions: { approved: 'published', scheduled: 'published' },
    performer: 'editorial',
    fourEyes: false,
    commentRequired: false,
  },
  schedule: {
    transitions: { approved: 'scheduled', scheduled: 'scheduled' },
    performer: 'editorial',
    fourEyes: false,
    commentRequired: false,
  },
  unschedule: {
    transitions: { scheduled: 'approved' },
    performer: 'editorial',
    fourEyes: false,
    commentRequired: false,
  },
  publish_due: {
    transitions: { scheduled: 'published' },
    performer: 'system',
    fourEyes: false,
    commentRequired: false,
  },
  unpublish: {
    transitions: { published: 'unpublished' },
    performer: 'editorial',
    fourEyes: false,
    commentRequired: false,
  },
  publish_update: {
    transitions: { published: 'published' },
    performer: 'editorial',
    fourEyes: true,
    commentRequired: false,
  },
  reopen: {
    transitions: { unpublished: 'draft' },
    performer: 'author_or_editorial',
    fourEyes: false,
    commentRequired: false,
  },
};

/** The refusal codes; each is also a key of ERROR_CODES (checked by the compiler). */
export const TRANSITION_REFUSAL_CODES = [
  'transition_invalid',
  'transition_forbidden',
  'four_eyes',
  'comment_required',
] as const satisfies readonly ErrorCode[];
export type TransitionRefusalCode = (typeof TRANSITION_REFUSAL_CODES)[number];

export type TransitionResult =
  | { ok: true; from: ArticleState; to: ArticleState }
  | { ok: false; code: TransitionRefusalCode };

export interface WorkflowOptions {
  /** The four-eyes rule; on unless explicitly `false`. */
  fourEyes?: boolean;
}

export interface TransitionOptions extends WorkflowOptions {
  /** The comment that goes with the event (stored in the audit trail); required for `request_changes`. */
  comment?: string | null;
}

/** Events that need a comment, so the UI can ask for one before calling the server. */
export const COMMENT_REQUIRED_EVENTS: readonly WorkflowEvent[] = WORKFLOW_EVENTS.filter(
  (event) => WORKFLOW_RULES[event].commentRequired,
);

/** Events only the system performs; never shown as buttons. */
export const SYSTEM_EVENTS: readonly WorkflowEvent[] = WORKFLOW_EVENTS.filter(
  (event) => WORKFLOW_RULES[event].performer === 'system',
);

export function eventRequiresComment(event: WorkflowEvent): boolean {
  return WORKFLOW_RULES[event].commentRequired;
}

/**
 * Whether a comment says something: not missing, and not only whitespace or invisible formatting characters
 * (RLM/LRM, ALM, zero-width joiners), which Arabic keyboards and pasted text often carry.
 */
export function isMeaningfulComment(comment: string | null | undefined): comment is string {
  return typeof comment === 'string' && comment.replace(/[\s\p{Cf}]/gu, '') !== '';
}

function nextState(status: ArticleState, event: WorkflowEvent): ArticleState | undefined {
  if (!Object.hasOwn(WORKFLOW_RULES, event)) return undefined;
  const { transitions } = WORKFLOW_RULES[event];
  return Object.hasOwn(transitions, status) ? transitions[status] : undefined;
}

/** The state an event leads to from a state, ignoring who performs it; `undefined` when impossible. */
export function targetState(status: ArticleState, event: WorkflowEvent): ArticleState | undefined {
  return nextState(status, event);
}

function mayPerform(performer: Performer, article: WorkflowArticle, actor: Actor): boolean {
  if (isSystemActor(actor)) return performer === 'system';
  // A person whose role is not one we know (bad data) may do nothing.
  if (!isRole(actor.role)) return false;
  switch (performer) {
    case 'author':
      return isAuthor(article, actor);
    case 'editorial':
      return isEditorial(actor);
    case 'author_or_editorial':
      return isAuthor(article, actor) || isEditorial(actor);
    case 'system':
      return false;
  }
}

/** Everything but the comment check; shared by `transition` and `availableEvents` so they cannot disagree. */
function check(
  article: WorkflowArticle,
  event: WorkflowEvent,
  actor: Actor,
  options: WorkflowOptions,
): { ok: true; to: ArticleState } | { ok: false; code: Exclude<TransitionRefusalCode, 'comment_required'> } {
  const to = nextState(article.status, event);
  if (to === undefined) return { ok: false, code: 'transition_invalid' };
  const rule = WORKFLOW_RULES[event];
  if (!mayPerform(rule.performer, article, actor)) return { ok: false, code: 'transition_forbidden' };
  if (rule.fourEyes && options.fourEyes !== false && isAuthor(article, actor)) return { ok: false, code: 'four_eyes' };
  return { ok: true, to };
}

export function transition(
  article: WorkflowArticle,
  event: WorkflowEvent,
  actor: Actor,
  options: TransitionOptions = {},
): TransitionResult {
  const result = check(article, event, actor, options);
  if (!result.ok) return result;
  if (WORKFLOW_RULES[event].commentRequired && !isMeaningfulComment(options.comment)) {
    return { ok: false, code: 'comment_required' };
  }
  return { ok: true, from: article.status, to: result.to };
}

/**
 * The events this actor may trigger on this article now, in WORKFLOW_EVENTS order, for showing only the allowed
 * buttons. A comment is assumed to be supplied: events in COMMENT_REQUIRED_EVENTS are listed, and the UI asks for
 * the comment. Exactly the events for which `transition(article, event, actor, { ...options, comment })` succeeds
 * with a non-blank comment.
 */
export function availableEvents(
  article: WorkflowArticle,
  actor: Actor,
  options: WorkflowOptions = {},
): WorkflowEvent[] {
  return WORKFLOW_EVENTS.filter((event) => check(article, event, actor, options).ok);
}

/** Every (from, event, to) edge of the machine, in state then event order; for diagrams and documentation. */
export function workflowEdges(): { from: ArticleState; event: WorkflowEvent; to: ArticleState }[] {
  const edges: { from: ArticleState; event: WorkflowEvent; to: ArticleState }[] = [];
  for (const from of ARTICLE_STATES) {
    for (const event of WORKFLOW_EVENTS) {
      const to = nextState(from, event);
      if (to !== undefined) edges.push({ from, event, to });
    }
  }
  return edges;
}
