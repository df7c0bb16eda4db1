import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_CODE_LIST, errorMessage, errorStatus, isErrorCode, type ErrorCode } from './index';

const ARABIC_LETTER = /[\u0621-\u064A]/u;

/** The statuses the rest of the application relies on, written out by hand. */
const EXPECTED_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 422,
  payload_too_large: 413,
  rate_limited: 429,
  invalid_document: 422,
  document_too_large: 413,
  document_too_deep: 422,
  invalid_link: 422,
  version_conflict: 409,
  slug_taken: 409,
  invalid_slug: 422,
  invalid_schedule: 422,
  transition_forbidden: 403,
  transition_invalid: 409,
  four_eyes: 403,
  comment_required: 422,
  invalid_credentials: 401,
  account_locked: 429,
  account_disabled: 403,
  weak_password: 422,
  email_taken: 409,
  entity_not_found: 404,
  entity_slug_taken: 409,
  entity_merge_invalid: 422,
  database_unavailable: 503,
  internal: 500,
};

describe('ERROR_CODES', () => {
  it('has exactly the expected codes, each with the expected status', () => {
    expect([...ERROR_CODE_LIST].sort()).toEqual(Object.keys(EXPECTED_STATUS).sort());
    for (const code of ERROR_CODE_LIST) expect(ERROR_CODES[code].status, code).toBe(EXPECTED_STATUS[code]);
  });

  it('gives every code a valid HTTP error status', () => {
    for (const code of ERROR_CODE_LIST) {
      const { status } = ERROR_CODES[code];
      expect(Number.isInteger(status), code).toBe(true);
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThanOrEqual(599);
    }
  });

  it('gives every code a complete Arabic sentence', () => {
    for (const code of ERROR_CODE_LIST) {
      const { message } = ERROR_CODES[code];
      expect(message, code).toMatch(ARABIC_LETTER);
      // Mostly Arabic: at least 80% of the letters.
      const letters = [...message].filter((char) => /\p{L}/u.test(char));
      const arabic = letters.filter((char) => ARABIC_LETTER.test(char));
      expect(arabic.length / letters.length, code).toBeGreaterThan(0.8);
      expect(message.trim(), code).toBe(message);
      expect(message, code).toMatch(/[.؟!]$/u);
    }
  });

  it('keeps messages distinct, so a user can tell problems apart', () => {
    const messages = ERROR_CODE_LIST.map((code) => ERROR_CODES[code].message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('does not reveal whether an account exists when signing in fails', () => {
    // One code for an unknown email and a wrong password; neither it nor the lockout message names one of them.
    for (const code of ['invalid_credentials', 'account_locked'] as const) {
      expect(ERROR_CODES[code].message).not.toMatch(/غير موجود|غير مسجل|لا يوجد حساب/u);
    }
    expect(ERROR_CODES.invalid_credentials.message).toContain('البريد الإلكتروني أو كلمة المرور');
  });

  it('has accessors and a guard', () => {
    expect(errorStatus('version_conflict')).toBe(409);
    expect(errorMessage('four_eyes')).toBe(ERROR_CODES.four_eyes.message);
    expect(isErrorCode('slug_taken')).toBe(true);
    expect(isErrorCode('nope')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('__proto__')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});
