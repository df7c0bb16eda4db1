import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '@/lib/errors/app-error';
import { MIN_PASSWORD_LENGTH } from './password';

/**
 * The password policy for every password a person chooses (the users admin page, `npm run user:create`, a future
 * password change): long enough, not absurdly long (argon2 hashes whatever it gets, and the sign-in form caps input),
 * not the email or its name part, not a well-known password.
 *
 * The list of well-known passwords is the `passwords-common` dictionary of @zxcvbn-ts/language-common (MIT; about
 * 49,000 passwords from public breach corpora, ranked by frequency), shipped with the project as an npm dependency.
 * A password is refused when, compared without case, it is on that list — as typed, as it would be typed on an
 * English keyboard when written with the Arabic (101) layout (so `حشسسصخقي`, "password" typed with the Arabic layout,
 * is refused too), and with up to six digits or symbols stripped from either end (`Password2024!`).
 */

export const MAX_PASSWORD_LENGTH = 256;
/** Fewer different characters than this reads as a pattern (`1212121212`, `aaaaaaaaaaaa`). */
const MIN_DISTINCT_CHARACTERS = 4;

export type PasswordPolicyViolation = 'too_short' | 'too_long' | 'same_as_email' | 'common' | 'repetitive' | 'control_characters';

export const PASSWORD_POLICY_MESSAGES: Readonly<Record<PasswordPolicyViolation, string>> = {
  too_short: `يجب ألا تقل كلمة المرور عن ${MIN_PASSWORD_LENGTH} أحرف.`,
  too_long: `يجب ألا تزيد كلمة المرور على ${MAX_PASSWORD_LENGTH} حرفًا.`,
  same_as_email: 'يجب ألا تكون كلمة المرور هي البريد الإلكتروني أو اسم المستخدم فيه.',
  common: 'كلمة المرور هذه شائعة ومعروفة لدى المهاجمين. يُرجى اختيار كلمة مرور أخرى يصعب تخمينها، كعبارة من عدة كلمات.',
  repetitive: 'كلمة المرور مكررة الأحرف أو ذات نمط بسيط. يُرجى استخدام أحرف أكثر تنوعًا.',
  control_characters: 'تحتوي كلمة المرور على رموز تحكم غير مرئية غير مسموح بها.',
};

export type PasswordPolicyResult =
  | { ok: true }
  | { ok: false; violations: PasswordPolicyViolation[]; messages: string[] };

export type PasswordPolicyContext = {
  /** The account's email: the password may be neither the address nor its name part. */
  email?: string;
};

let commonPasswords: ReadonlySet<string> | undefined;

function getCommonPasswords(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return commonPasswords;
}

// The Arabic (101) keyboard layout, key by key, back to the Latin letter printed on the same key.
const ARABIC_KEYBOARD_TO_LATIN: Readonly<Record<string, string>> = {
  ض: 'q', ص: 'w', ث: 'e', ق: 'r', ف: 't', غ: 'y', ع: 'u', ه: 'i', خ: 'o', ح: 'p', ج: '[', د: ']',
  ش: 'a', س: 's', ي: 'd', ب: 'f', ل: 'g', ا: 'h', ت: 'j', ن: 'k', م: 'l', ك: ';', ط: "'",
  ئ: 'z', ء: 'x', ؤ: 'c', ر: 'v', ى: 'n', ة: 'm', و: ',', ز: '.', ظ: '/', ذ: '`',
};
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
// C0 and C1 controls, and the invisible format characters that make a password impossible to type again.
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const AFFIX = /^[\p{N}\p{P}\p{S}\s]{1,6}|[\p{N}\p{P}\p{S}\s]{1,6}$/gu;

function asciiDigits(text: string): string {
  return text.replace(ARABIC_DIGITS, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90));
}

function typedOnLatinKeyboard(text: string): string {
  // لا is one key (b) but two letters.
  return Array.from(text.replace(/لا/g, 'b'), (char) => ARABIC_KEYBOARD_TO_LATIN[char] ?? char).join('');
}

/** The forms of a password to look up: as typed, its Latin-keyboard twin, each with and without digit/symbol affixes. */
function lookupForms(password: string): string[] {
  const base = asciiDigits(password.normalize('NFKC')).toLowerCase();
  const forms = new Set<string>();
  for (const form of [base, typedOnLatinKeyboard(base)]) {
    forms.add(form);
    const stripped = form.replace(AFFIX, '');
    if (stripped.length >= 4) forms.add(stripped);
  }
  return [...forms];
}

/**
 * Checks a password someone chose against the policy. Returns every violation with its Arabic message (for the form),
 * or ok. Pure and synchronous (the list is loaded on first use).
 */
export function checkPasswordPolicy(password: string, context: PasswordPolicyContext = {}): PasswordPolicyResult {
  const violations: PasswordPolicyViolation[] = [];
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH) violations.push('too_short');
  if (length > MAX_PASSWORD_LENGTH) violations.push('too_long');
  if (CONTROL_CHARACTERS.test(password)) violations.push('control_characters');

  if (length <= MAX_PASSWORD_LENGTH) {
    const forms = lookupForms(password);
    const email = context.email?.trim().toLowerCase();
    if (email) {
      const namePart = email.split('@')[0] ?? '';
      const taken = new Set([email, namePart].filter((value) => value.length > 0));
      if (forms.some((form) => taken.has(form))) violations.push('same_as_email');
    }
    const common = getCommonPasswords();
    if (forms.some((form) => common.has(form))) violations.push('common');
    if (length >= MIN_PASSWORD_LENGTH && new Set(Array.from(forms[0] ?? '')).size < MIN_DISTINCT_CHARACTERS) {
      violations.push('repetitive');
    }
  }

  if (violations.length === 0) return { ok: true };
  return { ok: false, violations, messages: violations.map((violation) => PASSWORD_POLICY_MESSAGES[violation]) };
}

/** For the data layer: throws `weak_password` with the Arabic reasons on the `password` field when the policy refuses. */
export function assertPasswordPolicy(password: string, context: PasswordPolicyContext = {}, field = 'password'): void {
  const result = checkPasswordPolicy(password, context);
  if (!result.ok) {
    throw new AppError('weak_password', { detail: result.violations.join(','), fieldErrors: { [field]: result.messages } });
  }
}
