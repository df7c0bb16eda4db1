import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { AppError, FORM_ERROR_KEY, arabicCount, arabicZodErrorMap, containsArabic, fromZodError, issuePathKey } from './index';

function fieldErrorsOf(schema: z.ZodType, input: unknown, options?: { error?: z.core.$ZodErrorMap }) {
  const result = schema.safeParse(input, options);
  if (result.success) throw new Error('expected the parse to fail');
  const error = fromZodError(result.error);
  expect(error).toBeInstanceOf(AppError);
  expect(error.code).toBe('validation_failed');
  expect(error.status).toBe(422);
  return error.fieldErrors ?? {};
}

describe('arabicCount', () => {
  it('uses the Arabic plural forms (genitive, after عن / من / على)', () => {
    expect(arabicCount(1, 'characters')).toBe('حرف واحد');
    expect(arabicCount(2, 'characters')).toBe('حرفين');
    expect(arabicCount(3, 'characters')).toBe('3 أحرف');
    expect(arabicCount(10, 'characters')).toBe('10 أحرف');
    expect(arabicCount(11, 'characters')).toBe('11 حرفًا');
    expect(arabicCount(99, 'characters')).toBe('99 حرفًا');
    expect(arabicCount(100, 'characters')).toBe('100 حرف');
    expect(arabicCount(103, 'characters')).toBe('103 أحرف');
    expect(arabicCount(120, 'characters')).toBe('120 حرفًا');
    expect(arabicCount(1000, 'characters')).toBe('1000 حرف');
    expect(arabicCount(1, 'items')).toBe('عنصر واحد');
    expect(arabicCount(2, 'items')).toBe('عنصرين');
    expect(arabicCount(5, 'items')).toBe('5 عناصر');
    expect(arabicCount(20, 'items')).toBe('20 عنصرًا');
    expect(arabicCount(200n, 'items')).toBe('200 عنصر');
  });
});

describe('fromZodError', () => {
  it('says a missing or empty field is required', () => {
    const schema = z.object({ title: z.string(), dek: z.string().min(1), tags: z.array(z.string()).min(1) });
    expect(fieldErrorsOf(schema, { dek: '', tags: [] })).toEqual({
      title: ['هذا الحقل مطلوب.'],
      dek: ['هذا الحقل مطلوب.'],
      tags: ['يُرجى إضافة عنصر واحد على الأقل.'],
    });
  });

  it('explains lengths with correctly counted nouns', () => {
    const schema = z.object({
      a: z.string().min(2),
      b: z.string().min(3),
      c: z.string().min(11),
      d: z.string().max(120),
      e: z.string().length(4),
      f: z.array(z.number()).max(2),
      g: z.array(z.number()).min(3),
    });
    expect(fieldErrorsOf(schema, { a: 'x', b: 'x', c: 'x', d: 'x'.repeat(121), e: 'x', f: [1, 2, 3], g: [] })).toEqual({
      a: ['النص قصير جدًا: يجب ألا يقل عن حرفين.'],
      b: ['النص قصير جدًا: يجب ألا يقل عن 3 أحرف.'],
      c: ['النص قصير جدًا: يجب ألا يقل عن 11 حرفًا.'],
      d: ['النص طويل جدًا: يجب ألا يزيد على 120 حرفًا.'],
      e: ['يجب أن يتكوّن النص من 4 أحرف بالضبط.'],
      f: ['يجب ألا يزيد عدد العناصر على عنصرين.'],
      g: ['يجب ألا يقل عدد العناصر عن 3 عناصر.'],
    });
  });

  it('explains numbers and dates', () => {
    const schema = z.object({
      a: z.number().min(1),
      b: z.number().gt(0),
      c: z.number().max(10),
      d: z.number().lt(5),
      e: z.number().int(),
      f: z.number().multipleOf(5),
      g: z.date().min(new Date('2020-01-01')),
      h: z.date().max(new Date('2020-01-01')),
    });
    expect(
      fieldErrorsOf(schema, { a: 0, b: 0, c: 11, d: 5, e: 1.5, f: 7, g: new Date('2019-01-01'), h: new Date('2021-01-01') }),
    ).toEqual({
      a: ['يجب أن تكون القيمة 1 أو أكثر.'],
      b: ['يجب أن تكون القيمة أكبر من 0.'],
      c: ['يجب أن تكون القيمة 10 أو أقل.'],
      d: ['يجب أن تكون القيمة أصغر من 5.'],
      e: ['يجب أن تكون القيمة عددًا صحيحًا.'],
      f: ['يجب أن تكون القيمة من مضاعفات 5.'],
      g: ['التاريخ المُدخل أبكر من المسموح به.'],
      h: ['التاريخ المُدخل أبعد من المسموح به.'],
    });
  });

  it('explains wrong types', () => {
    const schema = z.object({ a: z.string(), b: z.number(), c: z.boolean(), d: z.array(z.string()), e: z.object({}), f: z.date() });
    expect(fieldErrorsOf(schema, { a: 1, b: 'x', c: 'yes', d: 'x', e: 'x', f: 'x' })).toEqual({
      a: ['يجب أن تكون القيمة نصًا.'],
      b: ['يجب أن تكون القيمة رقمًا.'],
      c: ['يجب أن تكون القيمة «نعم» أو «لا».'],
      d: ['يجب أن تكون القيمة قائمة.'],
      e: ['بيانات هذا الحقل غير صالحة.'],
      f: ['يُرجى إدخال تاريخ صحيح.'],
    });
  });

  it('explains formats', () => {
    const schema = z.object({
      email: z.email(),
      url: z.url(),
      id: z.uuid(),
      at: z.iso.datetime(),
      code: z.string().regex(/^[a-z]+$/),
      prefix: z.string().startsWith('ab'),
      suffix: z.string().endsWith('yz'),
      includes: z.string().includes('mm'),
    });
    expect(
      fieldErrorsOf(schema, { email: 'x', url: 'x', id: 'x', at: 'x', code: '1', prefix: 'x', suffix: 'x', includes: 'x' }),
    ).toEqual({
      email: ['يُرجى إدخال بريد إلكتروني صحيح، مثل name@example.com.'],
      url: ['يُرجى إدخال رابط صحيح يبدأ بـ https://'],
      id: ['المعرّف غير صالح.'],
      at: ['يُرجى إدخال تاريخ ووقت صحيحين.'],
      code: ['صيغة القيمة غير صحيحة.'],
      prefix: ['يجب أن تبدأ القيمة بـ «ab».'],
      suffix: ['يجب أن تنتهي القيمة بـ «yz».'],
      includes: ['يجب أن تتضمن القيمة «mm».'],
    });
  });

  it('explains choices, unions, unknown keys and custom refinements', () => {
    const schema = z
      .strictObject({
        role: z.enum(['writer', 'editor']),
        kind: z.literal('person'),
        value: z.union([z.string(), z.number()]),
        even: z.number().refine((n) => n % 2 === 0),
      })
      .refine(() => false);
    expect(fieldErrorsOf(schema, { role: 'boss', kind: 'place', value: true, even: 3, extra: 1 })).toEqual({
      role: ['يُرجى اختيار قيمة من الخيارات المتاحة.'],
      kind: ['قيمة هذا الحقل غير صالحة.'],
      value: ['قيمة هذا الحقل غير صالحة.'],
      even: ['قيمة هذا الحقل غير صالحة.'],
      [FORM_ERROR_KEY]: ['يحتوي الطلب على حقول غير متوقعة: extra.'],
    });
  });

  it('keeps a message the schema author wrote in Arabic, and replaces English ones', () => {
    const schema = z.object({
      title: z.string().min(5, 'العنوان قصير جدًا، أضف كلمات أكثر.'),
      slug: z.string().min(5, 'Slug too short'),
      password: z.string().refine((value) => value.length > 8, { message: 'كلمة المرور قصيرة.' }),
    });
    expect(fieldErrorsOf(schema, { title: 'x', slug: 'x', password: 'x' })).toEqual({
      title: ['العنوان قصير جدًا، أضف كلمات أكثر.'],
      slug: ['النص قصير جدًا: يجب ألا يقل عن 5 أحرف.'],
      password: ['كلمة المرور قصيرة.'],
    });
  });

  it('files messages under dotted paths, `_form` for the whole input, without duplicates', () => {
    const schema = z.object({ body: z.object({ blocks: z.array(z.object({ text: z.string() })) }) });
    expect(fieldErrorsOf(schema, { body: { blocks: [{ text: 'ok' }, {}] } })).toEqual({ 'body.blocks.1.text': ['هذا الحقل مطلوب.'] });
    expect(fieldErrorsOf(z.string(), 5)).toEqual({ _form: ['يجب أن تكون القيمة نصًا.'] });
    const twice = z.string().min(3).min(4);
    expect(fieldErrorsOf(z.object({ a: twice }), { a: '' })).toEqual({
      a: ['النص قصير جدًا: يجب ألا يقل عن 3 أحرف.', 'النص قصير جدًا: يجب ألا يقل عن 4 أحرف.'],
    });
    const same = z.string().refine(() => false, 'خطأ').refine(() => false, 'خطأ');
    expect(fieldErrorsOf(z.object({ a: same }), { a: '' })).toEqual({ a: ['خطأ'] });
  });

  it('keeps the zod error as the cause and counts issues in the internal detail', () => {
    const result = z.object({ a: z.string(), b: z.string() }).safeParse({});
    if (result.success) throw new Error('unreachable');
    const error = fromZodError(result.error);
    expect(error.cause).toBe(result.error);
    expect(error.detail).toBe('2 validation issue(s)');
    expect(error.messageAr).toContain('الحقول');
  });

  it('produces Arabic for every issue of arbitrary inputs', () => {
    const schema = z.strictObject({
      title: z.string().min(3).max(20),
      count: z.number().int().min(0).max(10),
      email: z.email(),
      when: z.iso.datetime(),
      tags: z.array(z.string().min(1)).min(1).max(3),
      role: z.enum(['writer', 'editor', 'admin']),
      nested: z.object({ flag: z.boolean() }),
    });
    fc.assert(
      fc.property(fc.anything(), fc.dictionary(fc.constantFrom('title', 'count', 'email', 'when', 'tags', 'role', 'nested', 'x'), fc.anything()), (root, fields) => {
        for (const input of [root, fields]) {
          const result = schema.safeParse(input);
          if (result.success) continue;
          const fieldErrors = fromZodError(result.error).fieldErrors ?? {};
          const messages = Object.values(fieldErrors).flat();
          expect(messages.length).toBeGreaterThan(0);
          for (const message of messages) expect(containsArabic(message), message).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('arabicZodErrorMap', () => {
  it('tells a missing field from a wrong type exactly, when passed to a parse', () => {
    const schema = z.object({ a: z.string(), b: z.string(), c: z.string().min(3) });
    const result = schema.safeParse({ b: 1, c: 'x' }, { error: arabicZodErrorMap });
    if (result.success) throw new Error('unreachable');
    expect(result.error.issues.map((issue) => issue.message)).toEqual([
      'هذا الحقل مطلوب.',
      'يجب أن تكون القيمة نصًا.',
      'النص قصير جدًا: يجب ألا يقل عن 3 أحرف.',
    ]);
    // fromZodError keeps these messages as they are.
    expect(fromZodError(result.error).fieldErrors).toEqual({
      a: ['هذا الحقل مطلوب.'],
      b: ['يجب أن تكون القيمة نصًا.'],
      c: ['النص قصير جدًا: يجب ألا يقل عن 3 أحرف.'],
    });
  });

  it('does not override messages given in the schema', () => {
    const result = z.string().min(3, 'قصير').safeParse('x', { error: arabicZodErrorMap });
    expect(result.error?.issues[0]?.message).toBe('قصير');
  });
});

describe('issuePathKey', () => {
  it('joins path segments', () => {
    expect(issuePathKey([])).toBe('_form');
    expect(issuePathKey(['a', 0, 'b'])).toBe('a.0.b');
    expect(issuePathKey([Symbol('s')])).toBe('s');
  });
});
