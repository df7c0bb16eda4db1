import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import {
  AppError,
  ERROR_CODES,
  ERROR_CODE_LIST,
  actionOk,
  isAppError,
  toActionError,
  toAppError,
  toErrorResponse,
  type ActionResult,
} from './index';

const INTERNAL_BODY = { error: { code: 'internal', message: ERROR_CODES.internal.message } };

describe('AppError', () => {
  it('carries the code, status and Arabic message of its code', () => {
    for (const code of ERROR_CODE_LIST) {
      const error = new AppError(code);
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(AppError);
      expect(error.name).toBe('AppError');
      expect(error.code).toBe(code);
      expect(error.status).toBe(ERROR_CODES[code].status);
      expect(error.messageAr).toBe(ERROR_CODES[code].message);
      expect(error.message).toBe(code);
      expect(error.detail).toBeUndefined();
      expect(error.fieldErrors).toBeUndefined();
    }
  });

  it('takes a specific Arabic message, an internal detail, field errors and a cause', () => {
    const cause = new Error('duplicate key value violates unique constraint "articles_slug_key"');
    const error = new AppError('slug_taken', {
      messageAr: 'الرابط «غزة-اليوم» مستخدم لمقال آخر.',
      detail: 'slug=gaza-today',
      fieldErrors: { slug: ['الرابط مستخدم لمقال آخر.'] },
      cause,
    });
    expect(error.messageAr).toBe('الرابط «غزة-اليوم» مستخدم لمقال آخر.');
    expect(error.message).toBe('slug_taken: slug=gaza-today');
    expect(error.detail).toBe('slug=gaza-today');
    expect(error.cause).toBe(cause);
    expect(error.status).toBe(409);
    expect(toErrorResponse(error)).toEqual({
      status: 409,
      body: { error: { code: 'slug_taken', message: 'الرابط «غزة-اليوم» مستخدم لمقال آخر.', fieldErrors: { slug: ['الرابط مستخدم لمقال آخر.'] } } },
    });
  });
});

describe('isAppError', () => {
  it('recognizes AppErrors, including those from another copy of the module', () => {
    expect(isAppError(new AppError('forbidden'))).toBe(true);
    const foreign = Object.assign(new Error('forbidden'), { name: 'AppError', code: 'forbidden', status: 403, messageAr: 'عذرًا' });
    expect(isAppError(foreign)).toBe(true);
  });

  it('rejects everything else', () => {
    expect(isAppError(new Error('forbidden'))).toBe(false);
    expect(isAppError(Object.assign(new Error('x'), { name: 'AppError', code: 'not_a_code', status: 403, messageAr: 'x' }))).toBe(false);
    expect(isAppError(Object.assign(new Error('x'), { name: 'AppError', code: 'forbidden' }))).toBe(false);
    expect(isAppError({ name: 'AppError', code: 'forbidden', status: 403, messageAr: 'عذرًا' })).toBe(false);
    expect(isAppError(null)).toBe(false);
    expect(isAppError(undefined)).toBe(false);
    expect(isAppError('forbidden')).toBe(false);
  });
});

describe('toErrorResponse', () => {
  it('maps every code to its status and Arabic message', () => {
    for (const code of ERROR_CODE_LIST) {
      expect(toErrorResponse(new AppError(code, { detail: 'internal detail' }))).toEqual({
        status: ERROR_CODES[code].status,
        body: { error: { code, message: ERROR_CODES[code].message } },
      });
    }
  });

  it('never sends the internal detail or the cause', () => {
    const response = toErrorResponse(new AppError('database_unavailable', { detail: 'ECONNREFUSED 10.0.0.5:5432', cause: new Error('password=hunter2') }));
    const json = JSON.stringify(response);
    expect(json).not.toContain('ECONNREFUSED');
    expect(json).not.toContain('hunter2');
    expect(response.status).toBe(503);
  });

  it('hides unknown errors behind `internal`', () => {
    const secret = new Error('relation "users" does not exist; password=hunter2');
    const response = toErrorResponse(secret);
    expect(response).toEqual({ status: 500, body: INTERNAL_BODY });
    expect(JSON.stringify(response)).not.toContain('hunter2');
    expect(JSON.stringify(response)).not.toContain('users');
  });

  it('does not trust look-alikes that are not AppErrors', () => {
    expect(toErrorResponse({ code: 'forbidden', status: 403, messageAr: 'x' })).toEqual({ status: 500, body: INTERNAL_BODY });
    expect(toErrorResponse(Object.assign(new Error('x'), { code: 'forbidden', status: 403 }))).toEqual({ status: 500, body: INTERNAL_BODY });
  });

  it('hides any thrown value that is not an AppError or a zod error', () => {
    fc.assert(
      fc.property(fc.anything(), (thrown) => {
        expect(toErrorResponse(thrown)).toEqual({ status: 500, body: INTERNAL_BODY });
      }),
      { numRuns: 500 },
    );
    for (const thrown of [undefined, null, 'boom', 42, Symbol('x'), new TypeError('x.y is undefined'), { message: 'secret' }]) {
      expect(toErrorResponse(thrown)).toEqual({ status: 500, body: INTERNAL_BODY });
    }
  });

  it('turns a zod error into validation_failed with Arabic field messages', () => {
    const result = z.object({ title: z.string().min(1) }).safeParse({ title: '' });
    expect(result.success).toBe(false);
    expect(toErrorResponse(result.error)).toEqual({
      status: 422,
      body: { error: { code: 'validation_failed', message: ERROR_CODES.validation_failed.message, fieldErrors: { title: ['هذا الحقل مطلوب.'] } } },
    });
  });
});

describe('toAppError', () => {
  it('keeps AppErrors and wraps everything else, keeping the original as the cause for logs', () => {
    const appError = new AppError('not_found');
    expect(toAppError(appError)).toBe(appError);
    const unknown = new Error('boom');
    const wrapped = toAppError(unknown);
    expect(wrapped.code).toBe('internal');
    expect(wrapped.cause).toBe(unknown);
  });

  it('reports a lost database connection as database_unavailable, also when Drizzle wraps the driver error', () => {
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const wrappedByDrizzle = Object.assign(new Error('Failed query: select ...'), { cause: terminated });
    for (const err of [
      wrappedByDrizzle,
      Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
    ]) {
      const appError = toAppError(err);
      expect(appError.code).toBe('database_unavailable');
      expect(appError.cause).toBe(err);
      expect(toErrorResponse(err).status).toBe(503);
    }
    // A query the database refused is not an outage.
    expect(toAppError(Object.assign(new Error('duplicate key'), { code: '23505' })).code).toBe('internal');
    expect(toAppError(Object.assign(new Error('x'), { cause: { code: '42P01' } })).code).toBe('internal');
  });
});

describe('server action results', () => {
  it('builds successes and failures', () => {
    expect(actionOk({ id: 'a1' })).toEqual({ ok: true, data: { id: 'a1' } });
    expect(toActionError(new AppError('version_conflict'))).toEqual({
      ok: false,
      error: { code: 'version_conflict', message: ERROR_CODES.version_conflict.message },
    });
    expect(toActionError(new Error('secret'))).toEqual({ ok: false, ...INTERNAL_BODY });
    const validation = toActionError(z.object({ email: z.email() }).safeParse({ email: 'x' }).error);
    expect(validation).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        message: ERROR_CODES.validation_failed.message,
        fieldErrors: { email: ['يُرجى إدخال بريد إلكتروني صحيح، مثل name@example.com.'] },
      },
    });
  });

  it('are typed as a discriminated union', () => {
    async function save(): Promise<ActionResult<{ version: number }>> {
      try {
        throw new AppError('version_conflict');
      } catch (err) {
        return toActionError(err);
      }
    }
    expectTypeOf(toActionError(null)).toExtend<ActionResult<string>>();
    expectTypeOf(actionOk(1)).toExtend<ActionResult<number>>();
    return save().then((result) => {
      if (result.ok) expectTypeOf(result.data).toEqualTypeOf<{ version: number }>();
      else expect(result.error.code).toBe('version_conflict');
    });
  });
});
