export { ERROR_CODES, ERROR_CODE_LIST, errorMessage, errorStatus, isErrorCode } from './codes';
export type { ErrorCode, ErrorDefinition } from './codes';
export {
  AppError,
  actionOk,
  fromZodError,
  isAppError,
  isZodError,
  toActionError,
  toAppError,
  toErrorResponse,
} from './app-error';
export type {
  ActionError,
  ActionFailure,
  ActionResult,
  ActionSuccess,
  AppErrorOptions,
  ErrorBody,
  ErrorResponse,
  FieldErrors,
} from './app-error';
export { FORM_ERROR_KEY, arabicCount, arabicZodErrorMap, containsArabic, issuePathKey, zodIssueMessage } from './zod-messages';
