import type * as z from 'zod';

/**
 * Arabic messages for zod 4 issues, written for journalists rather than developers.
 *
 * Two ways to use them:
 * - `fromZodError(error)` (app-error.ts) maps every issue of a failed parse after the fact;
 * - `arabicZodErrorMap` can be passed where the input is still known (`schema.safeParse(data, { error:
 *   arabicZodErrorMap })` or once globally with `z.config({ customError: arabicZodErrorMap })`), which lets it tell a
 *   missing field from a wrongly typed one precisely.
 *
 * A message that already contains Arabic letters is kept as it is: that is how a schema author gives a field its own
 * wording (`z.string().min(1, 'العنوان مطلوب')`). Do not install zod's bundled `ar` locale: its messages are Arabic
 * but technical, and would be kept.
 */

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]/u;

export function containsArabic(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

/** A finalized issue, or the raw issue an error map receives (which still carries the input). */
type IssueLike = z.core.$ZodIssue | z.core.$ZodRawIssue;

type PluralForms = Record<Intl.LDMLPluralRule, (n: string) => string>;

const pluralRules = new Intl.PluralRules('ar');

/** Counted nouns in the genitive, as they follow عن / من / على in the sentences below. */
const CHARACTERS: PluralForms = {
  zero: (n) => `${n} حرف`,
  one: () => 'حرف واحد',
  two: () => 'حرفين',
  few: (n) => `${n} أحرف`,
  many: (n) => `${n} حرفًا`,
  other: (n) => `${n} حرف`,
};

const ITEMS: PluralForms = {
  zero: (n) => `${n} عنصر`,
  one: () => 'عنصر واحد',
  two: () => 'عنصرين',
  few: (n) => `${n} عناصر`,
  many: (n) => `${n} عنصرًا`,
  other: (n) => `${n} عنصر`,
};

/** `arabicCount(3, 'characters')` → "3 أحرف"; uses the Arabic plural categories (one, two, few, many, other). */
export function arabicCount(n: number | bigint, forms: 'characters' | 'items'): string {
  const table = forms === 'characters' ? CHARACTERS : ITEMS;
  return table[pluralRules.select(Number(n))](n.toString());
}

const REQUIRED = 'هذا الحقل مطلوب.';
const INVALID = 'قيمة هذا الحقل غير صالحة.';

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'يُرجى إدخال بريد إلكتروني صحيح، مثل name@example.com.',
  url: 'يُرجى إدخال رابط صحيح يبدأ بـ https://',
  httpUrl: 'يُرجى إدخال رابط صحيح يبدأ بـ https://',
  datetime: 'يُرجى إدخال تاريخ ووقت صحيحين.',
  date: 'يُرجى إدخال تاريخ صحيح.',
  time: 'يُرجى إدخال وقت صحيح.',
  duration: 'يُرجى إدخال مدة صحيحة.',
  uuid: 'المعرّف غير صالح.',
  uuidv4: 'المعرّف غير صالح.',
  uuidv6: 'المعرّف غير صالح.',
  uuidv7: 'المعرّف غير صالح.',
  guid: 'المعرّف غير صالح.',
  cuid: 'المعرّف غير صالح.',
  cuid2: 'المعرّف غير صالح.',
  ulid: 'المعرّف غير صالح.',
  nanoid: 'المعرّف غير صالح.',
  xid: 'المعرّف غير صالح.',
  ksuid: 'المعرّف غير صالح.',
  e164: 'يُرجى إدخال رقم هاتف صحيح بالصيغة الدولية، مثل ‎+9647700000000.',
  json_string: 'يجب أن تكون القيمة نص JSON صالحًا.',
  emoji: 'يجب أن تكون القيمة رمزًا تعبيريًا.',
};

const TYPE_MESSAGES: Record<string, string> = {
  string: 'يجب أن تكون القيمة نصًا.',
  number: 'يجب أن تكون القيمة رقمًا.',
  int: 'يجب أن تكون القيمة عددًا صحيحًا.',
  bigint: 'يجب أن تكون القيمة عددًا صحيحًا.',
  nan: 'يجب أن تكون القيمة رقمًا.',
  boolean: 'يجب أن تكون القيمة «نعم» أو «لا».',
  date: 'يُرجى إدخال تاريخ صحيح.',
  array: 'يجب أن تكون القيمة قائمة.',
  tuple: 'يجب أن تكون القيمة قائمة.',
  set: 'يجب أن تكون القيمة قائمة.',
  object: 'بيانات هذا الحقل غير صالحة.',
  record: 'بيانات هذا الحقل غير صالحة.',
  map: 'بيانات هذا الحقل غير صالحة.',
  file: 'يُرجى اختيار ملف.',
};

function quoted(value: string): string {
  return `«${value}»`;
}

/**
 * Whether the issue is about a value that was not given at all. Raw issues carry the input; finalized ones do not
 * (zod drops it unless `reportInput` is set), so for those we fall back to zod's English default message, which
 * ends with "received undefined".
 */
function isMissing(issue: IssueLike): boolean {
  if ('input' in issue) return issue.input === undefined;
  return typeof issue.message === 'string' && /received undefined$/u.test(issue.message);
}

function tooSmall(issue: Extract<IssueLike, { code: 'too_small' }>): string {
  const { origin, exact } = issue;
  const inclusive = issue.inclusive ?? true;
  const minimum = issue.minimum;
  // The smallest accepted size, for counted things (characters, items).
  const least = inclusive ? minimum : typeof minimum === 'bigint' ? minimum + 1n : minimum + 1;
  switch (origin) {
    case 'string':
      if (exact) return `يجب أن يتكوّن النص من ${arabicCount(minimum, 'characters')} بالضبط.`;
      if (Number(least) <= 1) return REQUIRED;
      return `النص قصير جدًا: يجب ألا يقل عن ${arabicCount(least, 'characters')}.`;
    case 'array':
    case 'set':
      if (exact) return `يجب أن تحتوي القائمة على ${arabicCount(minimum, 'items')} بالضبط.`;
      if (Number(least) <= 1) return 'يُرجى إضافة عنصر واحد على الأقل.';
      return `يجب ألا يقل عدد العناصر عن ${arabicCount(least, 'items')}.`;
    case 'number':
    case 'int':
    case 'bigint':
      return inclusive
        ? `يجب أن تكون القيمة ${minimum.toString()} أو أكثر.`
        : `يجب أن تكون القيمة أكبر من ${minimum.toString()}.`;
    case 'date':
      return 'التاريخ المُدخل أبكر من المسموح به.';
    case 'file':
      return 'حجم الملف أصغر من المسموح به.';
    default:
      return 'القيمة أصغر من المسموح به.';
  }
}

function tooBig(issue: Extract<IssueLike, { code: 'too_big' }>): string {
  const { origin, exact } = issue;
  const inclusive = issue.inclusive ?? true;
  const maximum = issue.maximum;
  const most = inclusive ? maximum : typeof maximum === 'bigint' ? maximum - 1n : maximum - 1;
  switch (origin) {
    case 'string':
      if (exact) return `يجب أن يتكوّن النص من ${arabicCount(maximum, 'characters')} بالضبط.`;
      return `النص طويل جدًا: يجب ألا يزيد على ${arabicCount(most, 'characters')}.`;
    case 'array':
    case 'set':
      if (exact) return `يجب أن تحتوي القائمة على ${arabicCount(maximum, 'items')} بالضبط.`;
      return `يجب ألا يزيد عدد العناصر على ${arabicCount(most, 'items')}.`;
    case 'number':
    case 'int':
    case 'bigint':
      return inclusive
        ? `يجب أن تكون القيمة ${maximum.toString()} أو أقل.`
        : `يجب أن تكون القيمة أصغر من ${maximum.toString()}.`;
    case 'date':
      return 'التاريخ المُدخل أبعد من المسموح به.';
    case 'file':
      return 'حجم الملف أكبر من المسموح به.';
    default:
      return 'القيمة أكبر من المسموح به.';
  }
}

function invalidFormat(issue: Extract<IssueLike, { code: 'invalid_format' }>): string {
  const details = issue as { format: string; prefix?: unknown; suffix?: unknown; includes?: unknown };
  switch (details.format) {
    case 'starts_with':
      return typeof details.prefix === 'string' ? `يجب أن تبدأ القيمة بـ ${quoted(details.prefix)}.` : 'صيغة القيمة غير صحيحة.';
    case 'ends_with':
      return typeof details.suffix === 'string' ? `يجب أن تنتهي القيمة بـ ${quoted(details.suffix)}.` : 'صيغة القيمة غير صحيحة.';
    case 'includes':
      return typeof details.includes === 'string'
        ? `يجب أن تتضمن القيمة ${quoted(details.includes)}.`
        : 'صيغة القيمة غير صحيحة.';
    default:
      return FORMAT_MESSAGES[details.format] ?? 'صيغة القيمة غير صحيحة.';
  }
}

/** The Arabic message for one issue (see the module comment for when the issue's own message is kept). */
export function zodIssueMessage(issue: IssueLike): string {
  if (typeof issue.message === 'string' && containsArabic(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue)) return REQUIRED;
      return TYPE_MESSAGES[issue.expected] ?? INVALID;
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'invalid_value':
      return issue.values.length === 1 ? INVALID : 'يُرجى اختيار قيمة من الخيارات المتاحة.';
    case 'not_multiple_of':
      return `يجب أن تكون القيمة من مضاعفات ${String(issue.divisor)}.`;
    case 'unrecognized_keys':
      return `يحتوي الطلب على حقول غير متوقعة: ${issue.keys.join('، ')}.`;
    case 'invalid_key':
    case 'invalid_element':
      return 'بعض القيم في هذا الحقل غير صالحة.';
    case 'invalid_union':
    case 'custom':
    default:
      return INVALID;
  }
}

/**
 * A zod 4 error map producing the same Arabic messages. Returning `undefined` for messages a schema already set is
 * unnecessary: zod only consults error maps when no explicit message was given.
 */
export const arabicZodErrorMap: z.core.$ZodErrorMap = (issue) => zodIssueMessage(issue as IssueLike);

/** The key a field's messages are filed under: the issue path joined with dots; `_form` for the whole input. */
export const FORM_ERROR_KEY = '_form';

export function issuePathKey(path: readonly PropertyKey[]): string {
  if (path.length === 0) return FORM_ERROR_KEY;
  return path.map((segment) => (typeof segment === 'symbol' ? (segment.description ?? '') : String(segment))).join('.');
}
