import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { MIN_PASSWORD_LENGTH } from './password';
import { assertPasswordPolicy, checkPasswordPolicy, MAX_PASSWORD_LENGTH, PASSWORD_POLICY_MESSAGES } from './password-policy';

function violationsOf(password: string, email?: string) {
  const result = checkPasswordPolicy(password, { email });
  return result.ok ? [] : result.violations;
}

describe('checkPasswordPolicy', () => {
  it('accepts a long passphrase, Arabic or Latin', () => {
    expect(checkPasswordPolicy('قهوة الصباح في شارع المتنبي')).toEqual({ ok: true });
    expect(checkPasswordPolicy('purple-tigris-lantern-41', { email: 'sara@example.com' })).toEqual({ ok: true });
  });

  it(`refuses fewer than ${MIN_PASSWORD_LENGTH} characters, counting Arabic letters as one each`, () => {
    expect(violationsOf('x7#kQ2!m9')).toContain('too_short');
    expect(violationsOf('كلمةسرقصي')).toEqual(['too_short']); // 9 letters
    expect(violationsOf('كلمةسرقصيرة')).toEqual([]); // 11 letters
  });

  it(`refuses more than ${MAX_PASSWORD_LENGTH} characters`, () => {
    expect(violationsOf('ab-cd-ef-'.repeat(40))).toEqual(['too_long']);
    expect(violationsOf(`${'z9-k'.repeat(64)}`)).toEqual([]); // exactly 256
  });

  it('refuses the email address or its name part, whatever the case', () => {
    expect(violationsOf('Journalist@Example.com', 'journalist@example.com')).toContain('same_as_email');
    expect(violationsOf('journalist', 'journalist@example.com')).toContain('same_as_email');
    expect(violationsOf('journalist2024', 'journalist@example.com')).toContain('same_as_email');
    expect(violationsOf('journalist-writes-daily', 'journalist@example.com')).toEqual([]);
  });

  it('refuses passwords from the shipped list of common passwords, without regard to case or a short affix', () => {
    for (const password of ['password123', 'qwertyuiop', '1234567890', 'Basketball', 'Manchester2024!', '!!football99']) {
      expect(violationsOf(password), password).toContain('common');
    }
  });

  it('refuses a common password typed with the Arabic keyboard layout, and Arabic-Indic digits as ASCII ones', () => {
    expect(violationsOf('حشسسصخقي١٢٣')).toContain('common'); // "password123" on the Arabic layout
    expect(violationsOf('١٢٣٤٥٦٧٨٩٠')).toContain('common'); // 1234567890
  });

  it('refuses repetitive patterns and invisible control characters', () => {
    expect(violationsOf('zzzzzzzzzzzz')).toContain('repetitive');
    expect(violationsOf('xyxyxyxyxyxy')).toContain('repetitive');
    expect(violationsOf('good-long-pass\u200Fword')).toEqual(['control_characters']);
  });

  it('gives an Arabic message for every violation', () => {
    const result = checkPasswordPolicy('password', { email: 'password@example.com' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations).toEqual(['too_short', 'same_as_email', 'common']);
    expect(result.messages).toEqual(result.violations.map((violation) => PASSWORD_POLICY_MESSAGES[violation]));
    for (const message of Object.values(PASSWORD_POLICY_MESSAGES)) expect(message).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('assertPasswordPolicy', () => {
  it('throws weak_password with the Arabic reasons on the password field', () => {
    let thrown: unknown;
    try {
      assertPasswordPolicy('letmein', {}, 'newPassword');
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown)).toBe(true);
    if (!isAppError(thrown)) return;
    expect(thrown.code).toBe('weak_password');
    expect(thrown.status).toBe(422);
    expect(thrown.fieldErrors).toEqual({ newPassword: [PASSWORD_POLICY_MESSAGES.too_short, PASSWORD_POLICY_MESSAGES.common] });
  });

  it('passes a good password silently', () => {
    expect(() => assertPasswordPolicy('river-of-ink-and-dates', { email: 'a@b.example' })).not.toThrow();
  });
});
