/**
 * Every error the application reports to a person, in one place: a stable machine code (used in API bodies,
 * server-action results, tests and logs), the HTTP status it maps to, and the Arabic message a journalist sees.
 *
 * Messages are written for newsroom staff: say what happened and what to do next, politely, without technical
 * jargon and without revealing anything an attacker could use (for example, `invalid_credentials` is the same for an
 * unknown email and a wrong password, and `account_locked` does not say whether the account exists).
 *
 * Status choices:
 * - `validation_failed` is 422 (the request was understood, the values are wrong); `bad_request` (400) is for a
 *   request that could not be understood at all (unparseable JSON, missing body).
 * - Workflow refusals are split in two: `transition_forbidden` (403) means "your role may not do this",
 *   `transition_invalid` (409) means "this is impossible from the article's current state" (usually because a
 *   colleague just changed it). `four_eyes` (403) and `comment_required` (422) are the two rule-specific refusals.
 * - `account_locked` is 429 (too many failed sign-ins, temporary), `account_disabled` is 403 (an admin's decision).
 */
export interface ErrorDefinition {
  readonly status: number;
  /** Arabic, shown to the user as is. */
  readonly message: string;
}

export const ERROR_CODES = {
  // ── Generic HTTP ────────────────────────────────────────────────────────────
  bad_request: {
    status: 400,
    message: 'تعذّر فهم الطلب. يُرجى تحديث الصفحة والمحاولة مرة أخرى.',
  },
  unauthenticated: {
    status: 401,
    message: 'يُرجى تسجيل الدخول للمتابعة. ربما انتهت جلستك.',
  },
  forbidden: {
    status: 403,
    message: 'عذرًا، لا تملك صلاحية القيام بهذا الإجراء.',
  },
  not_found: {
    status: 404,
    message: 'لم نعثر على ما تبحث عنه. ربما حُذف أو نُقل إلى مكان آخر.',
  },
  validation_failed: {
    status: 422,
    message: 'بعض البيانات المُدخلة غير صحيحة. يُرجى مراجعة الحقول المشار إليها ثم المحاولة مرة أخرى.',
  },
  payload_too_large: {
    status: 413,
    message: 'حجم البيانات المرسلة أكبر من المسموح به.',
  },
  rate_limited: {
    status: 429,
    message: 'أُرسلت طلبات كثيرة في وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
  },

  // ── Article content ────────────────────────────────────────────────────────
  invalid_document: {
    status: 422,
    message: 'تعذّر حفظ نص المقال لأنه يحتوي على عناصر أو تنسيقات غير مدعومة. يُرجى مراجعة المحتوى الملصوق والمحاولة مرة أخرى.',
  },
  document_too_large: {
    status: 413,
    message: 'نص المقال أطول من الحد المسموح به. يُرجى تقصيره أو تقسيمه إلى أكثر من مقال.',
  },
  document_too_deep: {
    status: 422,
    message: 'يحتوي نص المقال على عناصر متداخلة أكثر من اللازم (كقوائم أو اقتباسات داخل بعضها). يُرجى تبسيط التنسيق.',
  },
  invalid_link: {
    status: 422,
    message: 'أحد الروابط في المقال غير صالح أو غير مسموح به. يُرجى التحقق من الروابط ثم الحفظ مرة أخرى.',
  },
  version_conflict: {
    status: 409,
    message:
      'حفظ زميل آخر نسخة أحدث من هذا المقال أثناء عملك عليه. يُرجى تحديث الصفحة لمراجعة التغييرات قبل الحفظ، حتى لا يضيع عمل أيٍّ منكما.',
  },
  slug_taken: {
    status: 409,
    message: 'هذا الرابط المختصر مستخدم لمقال آخر. يُرجى اختيار رابط مختلف.',
  },
  invalid_slug: {
    status: 422,
    message: 'الرابط المختصر غير صالح. استخدم حروفًا وأرقامًا وشَرطات (-) فقط، من دون مسافات أو رموز.',
  },
  invalid_schedule: {
    status: 422,
    message: 'موعد النشر المجدول غير صالح. يُرجى اختيار موعد في المستقبل.',
  },

  // ── Workflow ───────────────────────────────────────────────────────────────
  transition_forbidden: {
    status: 403,
    message: 'لا تسمح صلاحياتك بتنفيذ هذا الإجراء على هذا المقال.',
  },
  transition_invalid: {
    status: 409,
    message: 'لا يمكن تنفيذ هذا الإجراء في الحالة الحالية للمقال. ربما غيّر أحد الزملاء حالته للتو؛ يُرجى تحديث الصفحة.',
  },
  four_eyes: {
    status: 403,
    message: 'لا يمكنك اعتماد مقال كتبته بنفسك ولا نشر تحديثاته. يُرجى أن يراجعه محرر آخر.',
  },
  comment_required: {
    status: 422,
    message: 'يُرجى كتابة ملاحظة توضّح التعديلات المطلوبة قبل إعادة المقال إلى كاتبه.',
  },

  // ── Accounts and sign-in ───────────────────────────────────────────────────
  invalid_credentials: {
    status: 401,
    message: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  },
  account_locked: {
    status: 429,
    message: 'محاولات دخول كثيرة غير ناجحة. يُرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.',
  },
  account_disabled: {
    status: 403,
    message: 'هذا الحساب موقوف. يُرجى التواصل مع مسؤول النظام في غرفة الأخبار.',
  },
  weak_password: {
    status: 422,
    message: 'كلمة المرور ضعيفة أو شائعة الاستخدام. يُرجى اختيار كلمة مرور أطول يصعب تخمينها.',
  },
  email_taken: {
    status: 409,
    message: 'هذا البريد الإلكتروني مسجّل لمستخدم آخر.',
  },

  // ── Entity registry ────────────────────────────────────────────────────────
  entity_not_found: {
    status: 404,
    message: 'لم نعثر على هذا الكيان في السجل. ربما حُذف أو دُمج في كيان آخر.',
  },
  entity_slug_taken: {
    status: 409,
    message: 'هذا الرابط المختصر مستخدم لكيان آخر في السجل. يُرجى اختيار رابط مختلف.',
  },
  entity_merge_invalid: {
    status: 422,
    message: 'لا يمكن إتمام هذا الدمج. تأكّد من أنك لا تدمج الكيان في نفسه ولا في كيان سبق دمجه في غيره.',
  },

  // ── Server ─────────────────────────────────────────────────────────────────
  database_unavailable: {
    status: 503,
    message: 'الخدمة غير متاحة مؤقتًا. يُرجى المحاولة مرة أخرى بعد لحظات.',
  },
  internal: {
    status: 500,
    message: 'حدث خطأ غير متوقع. يُرجى المحاولة مرة أخرى، وإن تكرر الخطأ فأبلغ الفريق التقني.',
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Every code, in declaration order. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

export function errorStatus(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

export function errorMessage(code: ErrorCode): string {
  return ERROR_CODES[code].message;
}
