import * as z from 'zod';
import { ERROR_CODES, isErrorCode, type ErrorCode } from './codes';
import { issuePathKey, zodIssueMessage } from './zod-messages';

export type FieldErrors = Record<string, string[]>;

export interface AppErrorOptions {
  /** Arabic message for the user, when something more specific than the code's default helps. */
  messageAr?: string;
  /** Internal diagnostic for logs. Never sent to clients. */
  detail?: string;
  /** Arabic messages per field (dotted path; `_form` for the whole form). Sent to clients. */
  fieldErrors?: FieldErrors;
  cause?: unknown;
}

/**
 * An expected failure, with a code from `ERROR_CODES`. Throw it from the data layer; route handlers turn it into a
 * response with `toErrorResponse`, server actions into a result with `toActionError`.
 *
 * `message` (the standard Error property) is for logs: the code, plus `detail` when given. What users see is
 * `messageAr`.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageAr: string;
  readonly detail?: string;
  readonly fieldErrors?: FieldErrors;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail === undefined ? code : `${code}: ${options.detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.messageAr = options.messageAr ?? ERROR_CODES[code].message;
    if (options.detail !== undefined) this.detail = options.detail;
    if (options.fieldErrors !== undefined) this.fieldErrors = options.fieldErrors;
  }
}

/**
 * True for an `AppError`, including one created by another copy of this module (Next bundles server code more than
 * once; `instanceof` alone would miss those).
 */
export function isAppError(err: unknown): err is AppError {
  if (err instanceof AppError) return true;
  if (!(err instanceof Error) || err.name !== 'AppError') return false;
  const candidate = err as Partial<Record<keyof AppError, unknown>>;
  return isErrorCode(candidate.code) && typeof candidate.status === 'number' && typeof candidate.messageAr === 'string';
}

export function isZodError(err: unknown): err is z.core.$ZodError {
  return err instanceof z.core.$ZodError;
}

/**
 * A failed zod parse as `validation_failed`, with Arabic messages grouped by field (dotted path, `_form` for issues
 * about the whole input). Each field's messages are de-duplicated and keep zod's order.
 */
export function fromZodError(error: z.core.$ZodError, options: Omit<AppErrorOptions, 'fieldErrors'> = {}): AppError {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issuePathKey(issue.path);
    const message = zodIssueMessage(issue);
    const list = (fieldErrors[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return new AppError('validation_failed', {
    ...options,
    detail: options.detail ?? `${error.issues.length} validation issue(s)`,
    cause: options.cause ?? error,
    fieldErrors,
  });
}

/**
 * Any thrown value as an `AppError`: itself if it is one, `validation_failed` for a zod error, and `internal` for
 * everything else — whose message, stack and properties are never exposed (the original stays in `cause`, for logs).
 */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  if (isZodError(err)) return fromZodError(err);
  if (isUnstorableTextError(err)) {
    return new AppError('validation_failed', { messageAr: UNSTORABLE_TEXT_MESSAGE, detail: 'text Postgres cannot store', cause: err });
  }
  if (isDatabaseUnavailableError(err)) return new AppError('database_unavailable', { cause: err });
  return new AppError('internal', { cause: err });
}

const UNSTORABLE_TEXT_MESSAGE =
  'يحتوي النص على رموز تحكم غير مرئية لا يمكن حفظها (مثل الرمز الصفري)، وغالبًا ما تأتي من نص ملصوق. يُرجى حذفها ثم المحاولة مرة أخرى.';

/**
 * Postgres refuses text it cannot store — a NUL character (U+0000) in a text column or a `\u0000` in jsonb — with
 * SQLSTATE 22021 (character_not_in_repertoire) or 22P05 (untranslatable_character), and a lone UTF-16 surrogate in
 * jsonb with 22P02 (invalid_text_representation, a "surrogate" detail), from either driver, possibly
 * wrapped by Drizzle. The statement failed, so nothing was written: this is bad input (422), not a server fault.
 */
export function isUnstorableTextError(err: unknown): boolean {
  for (let current: unknown = err, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, message, detail } = current as { code?: unknown; message?: unknown; detail?: unknown };
    if (code === '22021' || code === '22P05') return true;
    // A lone surrogate (JSON.parse lets `"\ud800"` through) is refused by jsonb as invalid input syntax.
    if (code === '22P02' && /surrogate|unicode/i.test(`${String(message ?? '')} ${String(detail ?? '')}`)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Postgres SQLSTATEs of a lost server: connection exceptions (class 08) and admin/crash shutdown (57P01-57P03). */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3])$/;
/** postgres.js and Node socket codes of a connection that dropped or never opened. */
const UNAVAILABLE_CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * Whether an error (or one of its causes: Drizzle wraps driver errors) says the database could not be reached or the
 * connection dropped, as opposed to a query the database refused. Such errors are `database_unavailable` (503), which
 * tells the person to try again in a moment, and lets the editor retry a save by itself.
 */
export function isDatabaseUnavailableError(err: unknown): boolean {
  for (let current = err, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_CONNECTION_CODES.has(code))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fieldErrors?: FieldErrors;
  };
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
}

function publicError(appError: AppError): ErrorBody['error'] {
  const error: ErrorBody['error'] = { code: appError.code, message: appError.messageAr };
  if (appError.fieldErrors !== undefined) error.fieldErrors = appError.fieldErrors;
  return error;
}

/**
 * The HTTP status and JSON body for a thrown value: `Response.json(r.body, { status: r.status })`. Unknown errors
 * become `internal` (500) with the generic Arabic message; log them yourself (status >= 500) before responding.
 */
export function toErrorResponse(err: unknown): ErrorResponse {
  const appError = toAppError(err);
  return { status: appError.status, body: { error: publicError(appError) } };
}

// ── Server actions ───────────────────────────────────────────────────────────

export interface ActionError {
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
}

export type ActionSuccess<T> = { ok: true; data: T };
export type ActionFailure = { ok: false; error: ActionError };
export type ActionResult<T> = ActionSuccess<T> | ActionFailure;

export function actionOk<T>(data: T): ActionSuccess<T> {
  return { ok: true, data };
}

/**
 * A thrown value as a failed action result (assignable to any `ActionResult<T>`), hiding unknown errors like
 * `toErrorResponse`.
 *
 * In a server action, let Next's own control-flow errors through first — `redirect()` and `notFound()` work by
 * throwing:
 *
 * ```ts
 * } catch (err) {
 *   unstable_rethrow(err); // from 'next/navigation'
 *   return toActionError(err);
 * }
 * ```
 */
export function toActionError(err: unknown): ActionFailure {
  return { ok: false, error: publicError(toAppError(err)) };
}
