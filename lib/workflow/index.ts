export {
  ARTICLE_STATES,
  ROLES,
  SYSTEM_ACTOR,
  WORKFLOW_EVENTS,
  isArticleState,
  isAuthor,
  isEditorial,
  isRole,
  isSystemActor,
  isWorkflowEvent,
} from './states';
export type { Actor, ArticleState, Role, SystemActor, UserActor, WorkflowArticle, WorkflowEvent } from './states';
export {
  COMMENT_REQUIRED_EVENTS,
  SYSTEM_EVENTS,
  TRANSITION_REFUSAL_CODES,
  WORKFLOW_RULES,
  availableEvents,
  eventRequiresComment,
  isMeaningfulComment,
  targetState,
  transition,
  workflowEdges,
} from './machine';
export type {
  Performer,
  TransitionOptions,
  TransitionRefusalCode,
  TransitionResult,
  WorkflowOptions,
  WorkflowRule,
} from './machine';
export { canComment, canEdit, canView } from './permissions';
export { EVENT_HISTORY_LABELS, EVENT_LABELS, ROLE_LABELS, STATE_LABELS } from './labels';
